import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, in order (a name may repeat).
public struct FormBody: Sendable, Hashable {
    public var fields: [(name: String, value: String)]

    public init(fields: [(name: String, value: String)]) { self.fields = fields }

    public init(encoded text: String) {
        fields = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    public subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// `valore[ID]` → the IDs and values of the fields named `valore[…]`.
    public func indexed(_ prefix: String) -> [(key: String, value: String)] {
        fields.compactMap { field in
            guard field.name.hasPrefix(prefix + "["), field.name.hasSuffix("]") else { return nil }
            return (String(field.name.dropFirst(prefix.count + 1).dropLast()), field.value)
        }
    }

    /// The body for a test or a client: fields percent-encoded.
    public var encoded: String {
        fields.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
    }

    static func decode(_ part: Substring) -> String {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
    }

    static func encode(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    public static func == (lhs: FormBody, rhs: FormBody) -> Bool { lhs.encoded == rhs.encoded }
    public func hash(into hasher: inout Hasher) { hasher.combine(encoded) }
}
