import SQLKit

/// A multi-row `INSERT` for SQLite, written straight as its text: `?` for each value, `NULL` for each missing one
/// (each row's text is looked up by which of its values are missing, so a batch of similar rows builds it once),
/// and the values handed over as they are. Building the same statement through SQLKit's builders, one expression
/// per value, was 6% of an import.
struct SQLiteInsert: SQLExpression {
    var table: String
    var columns: [String]
    /// The rows' values, in the order of `columns` (at most 64 columns).
    var rows: [[(any Encodable & Sendable)?]]

    func serialize(to serializer: inout SQLSerializer) {
        var sql = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES "
        var rowTexts: [UInt64: String] = [:]
        for (index, row) in rows.enumerated() {
            if index > 0 { sql += ", " }
            var missing: UInt64 = 0
            for (column, value) in row.enumerated() where value == nil { missing |= 1 << UInt64(column) }
            if let text = rowTexts[missing] {
                sql += text
            } else {
                let text = "(" + row.map { $0 == nil ? "NULL" : "?" }.joined(separator: ", ") + ")"
                rowTexts[missing] = text
                sql += text
            }
            for value in row {
                if let value { serializer.binds.append(value) }
            }
        }
        serializer.write(sql)
    }
}
