import Foundation
import TraguardoCore

/// One table of the open data set: its name (the CSV file's, `elementi`), an Italian title and description,
/// its fields and its rows (one value per field, nil when empty).
public struct OpenDataTable: Hashable, Sendable {
    public var name: String
    public var title: String
    public var description: String
    public var fields: [OpenDataField]
    public var rows: [[OpenDataValue?]]

    public init(name: String, title: String, description: String, fields: [OpenDataField], rows: [[OpenDataValue?]] = []) {
        self.name = name
        self.title = title
        self.description = description
        self.fields = fields
        self.rows = rows
    }
}

/// A column: its name, its Frictionless type and what it means, in Italian.
public struct OpenDataField: Hashable, Sendable {
    public var name: String
    public var type: OpenDataFieldType
    public var description: String

    public init(_ name: String, _ type: OpenDataFieldType, _ description: String) {
        self.name = name
        self.type = type
        self.description = description
    }
}

/// The Frictionless Table Schema types the tables use.
public enum OpenDataFieldType: String, Hashable, Sendable {
    case string, number, integer, boolean, date
}

/// A value in a row. Numbers are `Decimal`, written with their exact digits (never through binary floating point).
public enum OpenDataValue: Hashable, Sendable {
    case text(String)
    case number(Decimal)
    case integer(Int)
    case boolean(Bool)
    case date(CivilDate)

    /// The value as CSV writes it: a dot as decimal separator, no thousands separator, ISO dates, `true`/`false`.
    public var plain: String {
        switch self {
        case let .text(text): text
        case let .number(number): OpenDataValue.decimalText(number)
        case let .integer(number): String(number)
        case let .boolean(flag): flag ? "true" : "false"
        case let .date(date): date.iso
        }
    }

    /// `68.4975`, `-3000`, `0.5`: the exact digits, without exponent.
    static func decimalText(_ value: Decimal) -> String {
        value.description
    }
}

extension OpenDataValue {
    /// nil for a missing or empty text.
    static func textIfAny(_ value: String?) -> OpenDataValue? {
        guard let value, !value.isEmpty else { return nil }
        return .text(value)
    }

    static func numberIfAny(_ value: Decimal?) -> OpenDataValue? { value.map { .number($0) } }
}
