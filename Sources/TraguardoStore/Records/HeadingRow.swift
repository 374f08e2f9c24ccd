import SQLKit
import TraguardoCore

/// The row of an Ente (`entities`, by `code`) or of a cycle (`cycles`, by `entity_code` and `year`): one record's
/// JSON in `data` under its key columns. Reading it, listing them and the insert-or-update with its audit row are
/// written once here for both.
struct HeadingRow<Record: Codable & Sendable>: Sendable {
    let table: String
    /// The key columns and their values.
    let key: [(column: String, value: any Encodable & Sendable)]
    /// The cycle the audit row belongs to (nil: an Ente).
    let scope: CycleScope?
    let recordID: String

    /// The stored record and its JSON, if the row is there.
    func stored(on db: any SQLDatabase) async throws -> (record: Record, data: String)? {
        let select = db.select().column("data").from(table)
        for (column, value) in key { select.where(SQLIdentifier(column), .equal, SQLBind(value)) }
        guard let row = try await select.first() else { return nil }
        let data = try row.decode(column: "data", as: String.self)
        return (try RecordCodec.decode(Record.self, from: data, table: table, id: recordID), data)
    }

    /// Adds the record, or updates it when its JSON changed (nothing when it did not), with its audit row.
    func upsert(_ record: Record, on db: any SQLDatabase, trail: AuditTrail) async throws {
        let data = try RecordCodec.encode(record)
        if let stored = try await stored(on: db) {
            guard stored.data != data else { return }
            let update = db.update(table).set("data", to: SQLBind(data))
            for (column, value) in key { update.where(SQLIdentifier(column), .equal, SQLBind(value)) }
            try await update.run()
            await trail.add(AuditRecord(action: .update, table: table, scope: scope, recordID: recordID, before: stored.data, after: data))
        } else {
            try await db.insert(into: table).columns(key.map(\.column) + ["data"])
                .values(key.map { SQLBind($0.value) as any SQLExpression } + [SQLBind(data)]).run()
            await trail.add(AuditRecord(action: .insert, table: table, scope: scope, recordID: recordID, before: nil, after: data))
        }
    }

    /// Every row of `table` (those whose first key column is `first`, when given), ordered by `keyColumns`; `id`
    /// names a row in the error of one that cannot be read.
    static func all(
        in table: String, keyColumns: [String], where first: (any Encodable & Sendable)? = nil, on db: any SQLDatabase,
        id: @escaping (any SQLRow) throws -> String
    ) async throws -> [Record] {
        let select = db.select().columns(keyColumns + ["data"]).from(table)
        if let first, let column = keyColumns.first { select.where(SQLIdentifier(column), .equal, SQLBind(first)) }
        for column in keyColumns { select.orderBy(column) }
        return try await select.all().map { row in
            try RecordCodec.decode(Record.self, from: row.decode(column: "data", as: String.self), table: table, id: id(row))
        }
    }
}

extension HeadingRow where Record == Entity {
    init(entity code: String) {
        self.init(table: "entities", key: [("code", code)], scope: nil, recordID: code)
    }
}

extension HeadingRow where Record == Cycle {
    init(cycle scope: CycleScope) {
        self.init(
            table: "cycles", key: [("entity_code", scope.entityCode), ("year", scope.year)], scope: scope,
            recordID: "\(scope.entityCode)/\(scope.year)")
    }
}
