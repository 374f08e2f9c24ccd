import Foundation

/// An e-mail address with an optional display name. The address itself is ASCII (`local@domain`), with no
/// spaces, angle brackets or control characters: nothing in it can end an SMTP command or a header.
public struct MailAddress: Sendable, Hashable {
    public var address: String
    public var name: String?

    /// Nil when `address` is not a plain `local@domain` address of at most 254 characters.
    public init?(_ address: String, name: String? = nil) {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        guard Self.isValid(trimmed) else { return nil }
        self.address = trimmed
        self.name = name.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `local@domain`, ASCII, without spaces, quotes, angle brackets, commas or control characters.
    public static func isValid(_ text: String) -> Bool {
        guard (3...254).contains(text.utf8.count), text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 }),
              !text.contains(where: { "<>()[]\\,;:\"".contains($0) })
        else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..")
        else { return false }
        return true
    }

    /// The header form: `=?UTF-8?B?…?= <address>` (a name with accents), `"Name" <address>`, or the address.
    var headerValue: String {
        guard let name else { return address }
        if name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 && $0 != "\"" && $0 != "\\" && $0.value < 127 }) {
            return "\"\(name)\" <\(address)>"
        }
        return "\(HeaderEncoding.encodedWords(name)) <\(address)>"
    }
}
