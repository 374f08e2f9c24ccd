import Foundation
import NIOCore

/// The fields of an `application/x-www-form-urlencoded` body, in order (a name may repeat).
public struct FormBody: Sendable, Hashable {
    public var fields: [(name: String, value: String)]

    public init(fields: [(name: String, value: String)]) { self.fields = fields }

    /// Reads `name=value&…` in one pass over the bytes (`+` is a space, `%XX` a byte, an invalid escape stays
    /// as written). nil when the body has more than `maxFields` fields: it is not decoded at all.
    public init?(encoded bytes: some Collection<UInt8>, maxFields: Int) {
        var separators = 0
        for byte in bytes where byte == UInt8(ascii: "&") {
            separators += 1
            if separators >= maxFields { return nil }
        }
        var fields: [(name: String, value: String)] = []
        var name: [UInt8]? = nil
        var current: [UInt8] = []
        var iterator = bytes.makeIterator()
        func finish() {
            if let name { fields.append((Self.decode(name), Self.decode(current))) } else if !current.isEmpty { fields.append((Self.decode(current), "")) }
            name = nil
            current.removeAll(keepingCapacity: true)
        }
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "&"): finish()
            case UInt8(ascii: "=") where name == nil:
                name = current
                current.removeAll(keepingCapacity: true)
            default: current.append(byte)
            }
        }
        finish()
        self.fields = fields
    }

    /// Reads an urlencoded body as it arrives, counting its fields: more than ``BodyBudget/maxFields`` fields
    /// or more bytes than the budget stop the reading at once (the rest is never read, nothing is decoded).
    static func read<Body: AsyncSequence>(_ body: Body, budget: BodyBudget) async throws -> FormBody where Body.Element == ByteBuffer {
        var collected = ByteBuffer()
        var separators = 0
        for try await chunk in body {
            guard collected.readableBytes + chunk.readableBytes <= budget.maxBytes else { throw BodyBudget.Refusal.tooLarge }
            for byte in chunk.readableBytesView where byte == UInt8(ascii: "&") { separators += 1 }
            guard separators < BodyBudget.maxFields else { throw BodyBudget.Refusal.tooManyFields }
            collected.writeImmutableBuffer(chunk)
        }
        guard let form = FormBody(encoded: collected.readableBytesView, maxFields: BodyBudget.maxFields) else {
            throw BodyBudget.Refusal.tooManyFields
        }
        return form
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

    /// `+` → space, `%XX` → the byte; the bytes as UTF-8 (an invalid sequence becomes U+FFFD).
    static func decode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func encode(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    public static func == (lhs: FormBody, rhs: FormBody) -> Bool { lhs.encoded == rhs.encoded }
    public func hash(into hasher: inout Hasher) { hasher.combine(encoded) }
}
