import Foundation
import SQLKit

/// One value of one row, whichever database it comes from or goes to.
enum BackupValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bytes(Data)
    case boolean(Bool)

    /// Reads column `column` of `row`, which holds values of `kind`.
    init(_ row: any SQLRow, column: String, kind: ColumnKind) throws {
        if try row.decodeNil(column: column) {
            self = .null
            return
        }
        switch kind {
        case .integer: self = .integer(try row.decode(column: column, as: Int64.self))
        case .real: self = .real(try row.decode(column: column, as: Double.self))
        case .text: self = .text(try row.decode(column: column, as: String.self))
        case .bytes: self = .bytes(try row.decode(column: column, as: Data.self))
        case .boolean: self = .boolean(try row.decode(column: column, as: Bool.self))
        }
    }

    /// As SQL: a bound parameter, or `NULL`.
    var sql: any SQLExpression {
        switch self {
        case .null: SQLLiteral.null
        case .integer(let value): SQLBind(value)
        case .real(let value): SQLBind(value)
        case .text(let value): SQLBind(value)
        case .bytes(let value): SQLBind(value)
        case .boolean(let value): SQLBind(value)
        }
    }

    /// As JSON (bytes in base64).
    var json: Any {
        switch self {
        case .null: NSNull()
        case .integer(let value): NSNumber(value: value)
        case .real(let value): NSNumber(value: value)
        case .text(let value): value
        case .bytes(let value): value.base64EncodedString()
        case .boolean(let value): NSNumber(value: value)
        }
    }

    /// From JSON, as a column of `kind` holds it; nil when the JSON does not fit the kind.
    init?(json: Any, kind: ColumnKind) {
        if json is NSNull {
            self = .null
            return
        }
        switch kind {
        case .text:
            guard let text = json as? String else { return nil }
            self = .text(text)
        case .bytes:
            guard let text = json as? String, let data = Data(base64Encoded: text) else { return nil }
            self = .bytes(data)
        case .integer:
            guard let number = json as? NSNumber, !(json is String) else { return nil }
            self = .integer(number.int64Value)
        case .real:
            guard let number = json as? NSNumber, !(json is String) else { return nil }
            self = .real(number.doubleValue)
        case .boolean:
            guard let number = json as? NSNumber, !(json is String) else { return nil }
            self = .boolean(number.boolValue)
        }
    }
}
