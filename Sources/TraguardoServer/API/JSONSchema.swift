import Foundation

/// A JSON Schema (the dialect of OpenAPI 3.1) as far as the API needs one: the schemas of the request and
/// response bodies, derived from their Swift types by `SchemaDecoder`, never written by hand.
indirect enum JSONSchema: Sendable, Equatable, Encodable {
    /// `format`: `date-time`, `date`; `values`: the allowed texts of an enumeration.
    case string(format: String? = nil, values: [String]? = nil)
    /// Bounds included, when there are.
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    case number
    case boolean
    case array(JSONSchema)
    /// `closed`: no properties but these (the responses: what the server writes is exactly what is documented).
    case object(properties: [Property], closed: Bool)
    /// `#/components/schemas/NAME`.
    case reference(String)
    /// Any JSON object, described in words (the plan file, whose keys are documented in `docs/formato-piano.md`).
    case anyObject(required: [String])
    /// `description` beside a schema.
    case described(JSONSchema, String)

    struct Property: Sendable, Equatable {
        var name: String
        var schema: JSONSchema
        var required: Bool
    }

    /// The same schema with the properties described (by JSON key) and every object closed or open.
    func documented(_ descriptions: [String: String], closed: Bool) -> JSONSchema {
        guard case let .object(properties, _) = self else { return self }
        return .object(properties: properties.map { property in
            var property = property
            if let text = descriptions[property.name] { property.schema = .described(property.schema, text) }
            return property
        }, closed: closed)
    }

    private enum Key: String, CodingKey {
        case type, format, `enum`, items, properties, required, additionalProperties, description, minimum, maximum, example
        case ref = "$ref"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try encode(into: &container)
    }

    private func encode(into container: inout KeyedEncodingContainer<Key>) throws {
        switch self {
        case let .string(format, values):
            try container.encode("string", forKey: .type)
            try container.encodeIfPresent(format, forKey: .format)
            try container.encodeIfPresent(values, forKey: .enum)
        case let .integer(minimum, maximum):
            try container.encode("integer", forKey: .type)
            try container.encodeIfPresent(minimum, forKey: .minimum)
            try container.encodeIfPresent(maximum, forKey: .maximum)
        case .number: try container.encode("number", forKey: .type)
        case .boolean: try container.encode("boolean", forKey: .type)
        case let .array(items):
            try container.encode("array", forKey: .type)
            try container.encode(items, forKey: .items)
        case let .object(properties, closed):
            try container.encode("object", forKey: .type)
            try container.encode(PropertyMap(properties: properties), forKey: .properties)
            let required = properties.filter(\.required).map(\.name)
            if !required.isEmpty { try container.encode(required, forKey: .required) }
            if closed { try container.encode(false, forKey: .additionalProperties) }
        case let .reference(name):
            try container.encode("#/components/schemas/\(name)", forKey: .ref)
        case let .anyObject(required):
            try container.encode("object", forKey: .type)
            if !required.isEmpty { try container.encode(required, forKey: .required) }
        case let .described(schema, text):
            try schema.encode(into: &container)
            try container.encode(text, forKey: .description)
        }
    }

    /// The properties in their declaration order.
    private struct PropertyMap: Encodable {
        var properties: [Property]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            for property in properties { try container.encode(property.schema, forKey: AnyKey(property.name)) }
        }
    }
}

/// A coding key made of any text (a JSON key, a path, a status code).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ text: String) { stringValue = text }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
