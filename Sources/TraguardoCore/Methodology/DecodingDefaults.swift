import Foundation

extension KeyedDecodingContainer {
    /// Overwrites `value` with the key's value when the key is present: a type decodes older values by starting
    /// from its memberwise defaults (written once, in its `init`) and reading only the keys it finds.
    func update<Value: Decodable>(_ value: inout Value, _ key: Key) throws {
        if let found = try decodeIfPresent(Value.self, forKey: key) { value = found }
    }

    /// The same for an optional field: a present key (even `null`) replaces the default.
    func update<Wrapped: Decodable>(_ value: inout Wrapped?, _ key: Key) throws {
        if contains(key) { value = try decodeIfPresent(Wrapped.self, forKey: key) }
    }
}
