import Foundation

/// Text made safe for HTML and XML: every `&`, `<`, `>`, `"` and `'` becomes an entity XML knows
/// (no `&nbsp;`, so an XML parser reads the file), control characters XML forbids are dropped.
enum HTMLEscaping {
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A CSS string literal's content (for `@page { content: "…" }`): quotes, backslashes and the characters
    /// that would end the `<style>` element or break XML as CSS escapes.
    static func cssString(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\", "\"", "'", "<", ">", "&":
                out += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
