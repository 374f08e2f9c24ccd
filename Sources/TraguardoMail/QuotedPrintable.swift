import Foundation

/// RFC 2045 quoted-printable: the body of a message as 7-bit lines of at most 76 characters, so that any
/// server carries it unchanged; accents become `=C3=A0`. Lines end in CRLF.
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { encodeLine(Substring($0)) }.joined(separator: "\r\n")
    }

    private static func encodeLine(_ line: Substring) -> String {
        let bytes = Array(line.utf8)
        var tokens: [String] = []
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                tokens.append(isLast ? hex(byte) : String(UnicodeScalar(byte)))
            case 33...126 where byte != UInt8(ascii: "="):
                tokens.append(String(UnicodeScalar(byte)))
            default:
                tokens.append(hex(byte))
            }
        }
        // Soft line breaks: at most 75 characters and "=" per physical line.
        var output = "", current = ""
        for token in tokens {
            if current.count + token.count > 75 {
                output += current + "=\r\n"
                current = ""
            }
            current += token
        }
        return output + current
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
