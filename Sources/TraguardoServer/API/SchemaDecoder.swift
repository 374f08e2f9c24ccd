import Foundation

/// A body type of the API: its name in the OpenAPI document (`Rilevazione`) and an Italian description of
/// each JSON key. Its schema is derived from its `Decodable` conformance by `SchemaDecoder`.
protocol APIBody: Codable, Sendable {
    static var schemaName: String { get }
    static var schemaDescription: String { get }
    /// By JSON key.
    static var fieldDescriptions: [String: String] { get }
}

/// A closed list of texts (an enumeration in the schema).
protocol APIEnumeration: Decodable {
    static var schemaValues: [String] { get }
    static var placeholder: Self { get }
}

/// Derives the JSON Schema of a `Decodable` type by decoding it once from nothing: each key the type asks
/// for becomes a property, `decodeIfPresent` an optional one, each value's type its schema. So the schema
/// is what the type's `CodingKeys` say, and cannot drift from what the server decodes and encodes.
/// `Date` is a `date-time` string (the API encodes dates ISO 8601), `Decimal` a number. An `APIBody` met
/// inside another becomes a reference to its component, collected in `components`.
final class SchemaDecoder {
    private(set) var components: [String: JSONSchema] = [:]
    /// Response bodies are closed (`additionalProperties: false`), request bodies open.
    let closed: Bool

    init(closed: Bool) { self.closed = closed }

    /// The schema of `type`: a reference to its component when it is an `APIBody`.
    func schema<T: Decodable>(of type: T.Type) throws -> JSONSchema {
        try placeholder(type).schema
    }

    /// A value of `type` (any, to go on decoding the type around it) and its schema.
    func placeholder<T: Decodable>(_ type: T.Type) throws -> (value: T, schema: JSONSchema) {
        switch type {
        case is String.Type: return ("" as! T, .string())
        case is Bool.Type: return (false as! T, .boolean)
        case is Int.Type: return (0 as! T, .integer())
        case is Int64.Type: return (Int64(0) as! T, .integer())
        case is Double.Type: return (0.0 as! T, .number)
        case is Decimal.Type: return (Decimal(0) as! T, .number)
        case is Date.Type: return (Date(timeIntervalSince1970: 0) as! T, .string(format: "date-time"))
        default: break
        }
        if let enumeration = type as? any APIEnumeration.Type {
            return (enumeration.placeholder as! T, .string(values: enumeration.schemaValues))
        }
        let decoder = RecordingDecoder(owner: self)
        let value = try T(from: decoder)
        var schema = decoder.recorded
        if let body = type as? any APIBody.Type {
            schema = .described(schema.documented(body.fieldDescriptions, closed: closed), body.schemaDescription)
            components[body.schemaName] = schema
            schema = .reference(body.schemaName)
        }
        return (value, schema)
    }
}

/// What a type asked of the decoder: an object (keyed), an array (unkeyed) or one value.
private final class RecordingDecoder: Decoder {
    let owner: SchemaDecoder
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var properties: [JSONSchema.Property] = []
    var recorded: JSONSchema = .anyObject(required: [])

    init(owner: SchemaDecoder) { self.owner = owner }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        recorded = .object(properties: [], closed: false)
        return KeyedDecodingContainer(KeyedRecorder<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { UnkeyedRecorder(decoder: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleRecorder(decoder: self) }

    func add(_ name: String, _ schema: JSONSchema, required: Bool) {
        properties.removeAll { $0.name == name }
        properties.append(.init(name: name, schema: schema, required: required))
        recorded = .object(properties: properties, closed: false)
    }
}

private struct KeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: RecordingDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (value, schema) = try decoder.owner.placeholder(type)
        decoder.add(key.stringValue, schema, required: true)
        return value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let (value, schema) = try decoder.owner.placeholder(type)
        decoder.add(key.stringValue, schema, required: false)
        return value
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(Placeholder<Bool>.self, forKey: key).value }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(Placeholder<String>.self, forKey: key).value }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(Placeholder<Double>.self, forKey: key).value }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(Placeholder<Int>.self, forKey: key).value }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(Placeholder<Int64>.self, forKey: key).value }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeIfPresent(Placeholder<Bool>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeIfPresent(Placeholder<String>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeIfPresent(Placeholder<Double>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeIfPresent(Placeholder<Int>.self, forKey: key)?.value }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeIfPresent(Placeholder<Int64>.self, forKey: key)?.value }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaDecoderUnsupported(what: "un oggetto annidato senza tipo («\(key.stringValue)»)")
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw SchemaDecoderUnsupported(what: "un elenco annidato senza tipo («\(key.stringValue)»)")
    }
    func superDecoder() throws -> any Decoder { throw SchemaDecoderUnsupported(what: "superDecoder") }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw SchemaDecoderUnsupported(what: "superDecoder") }
}

/// An array: one element is decoded, its schema is the items' schema.
private final class UnkeyedRecorder: UnkeyedDecodingContainer {
    let decoder: RecordingDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { 1 }
    var isAtEnd: Bool { currentIndex > 0 }
    var currentIndex = 0

    init(decoder: RecordingDecoder) {
        self.decoder = decoder
        decoder.recorded = .array(.anyObject(required: []))
    }

    func decodeNil() throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, schema) = try decoder.owner.placeholder(type)
        decoder.recorded = .array(schema)
        currentIndex += 1
        return value
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decode(Placeholder<Bool>.self).value }
    func decode(_ type: String.Type) throws -> String { try decode(Placeholder<String>.self).value }
    func decode(_ type: Double.Type) throws -> Double { try decode(Placeholder<Double>.self).value }
    func decode(_ type: Int.Type) throws -> Int { try decode(Placeholder<Int>.self).value }
    func decode(_ type: Int64.Type) throws -> Int64 { try decode(Placeholder<Int64>.self).value }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaDecoderUnsupported(what: "un oggetto annidato senza tipo in un elenco")
    }
    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw SchemaDecoderUnsupported(what: "un elenco annidato senza tipo in un elenco")
    }
    func superDecoder() throws -> any Decoder { throw SchemaDecoderUnsupported(what: "superDecoder") }
}

private struct SingleRecorder: SingleValueDecodingContainer {
    let decoder: RecordingDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, schema) = try decoder.owner.placeholder(type)
        decoder.recorded = schema
        return value
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decode(Placeholder<Bool>.self).value }
    func decode(_ type: String.Type) throws -> String { try decode(Placeholder<String>.self).value }
    func decode(_ type: Double.Type) throws -> Double { try decode(Placeholder<Double>.self).value }
    func decode(_ type: Int.Type) throws -> Int { try decode(Placeholder<Int>.self).value }
    func decode(_ type: Int64.Type) throws -> Int64 { try decode(Placeholder<Int64>.self).value }
}

/// Routes a primitive decode through the generic path, so that every type is answered in one place.
private struct Placeholder<Value: Decodable>: Decodable {
    var value: Value
    init(from decoder: any Decoder) throws {
        guard let recorder = decoder as? RecordingDecoder else { throw SchemaDecoderUnsupported(what: "un decoder estraneo") }
        let (value, schema) = try recorder.owner.placeholder(Value.self)
        recorder.recorded = schema
        self.value = value
    }
}

/// A type whose decoding the schema cannot follow (a programming error, found by the tests).
struct SchemaDecoderUnsupported: Error {
    var what: String
}
