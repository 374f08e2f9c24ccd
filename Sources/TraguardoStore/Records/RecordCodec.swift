import Foundation

/// Records are stored as JSON text with sorted keys: the same record always gives the same text,
/// so "changed" is a string comparison, and the audit log's before and after are readable.
/// `Decimal` values are written and read digit by digit, and times as the exact number of seconds,
/// so what is read back is equal to what was written.
enum RecordCodec {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, table: String, id: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.database(
                "il record «\(id)» in \(RecordTable.label(of: table)) non è leggibile da questa versione di Traguardo (\(error))")
        }
    }
}
