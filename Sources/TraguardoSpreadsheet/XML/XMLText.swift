/// Text made safe for an XML 1.0 document.
enum XMLText {
    /// Escapes `& < > " '` and drops the characters XML 1.0 forbids (control characters other than tab,
    /// newline and carriage return, U+FFFE, U+FFFF). Surrogates cannot occur in a Swift string.
    static func escaped(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isSpecial(scalar) || !isAllowed(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                if isAllowed(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    private static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "&" || scalar == "<" || scalar == ">" || scalar == "\"" || scalar == "'"
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
