import SQLKit
import TraguardoCore

/// Creating, reading, updating and deleting single records of an Ente-year.
extension Store {
    /// All records of one kind in the Ente-year, in their stored order.
    public func records<R: StoredRecord>(_ type: R.Type, in scope: CycleScope) async throws(StoreError) -> [R] {
        try await read { db in try await RecordRows.all(R.self, scope: scope, on: db) }
    }

    public func record<R: StoredRecord>(_ type: R.Type, id: String, in scope: CycleScope) async throws(StoreError) -> R? {
        try await read { db in try await RecordRows.one(R.self, id: id, scope: scope, on: db)?.record }
    }

    /// Adds a record at the end of its list. The cycle and every record it names must exist.
    public func insert<R: StoredRecord>(_ record: R, in scope: CycleScope, actor: String) async throws(StoreError) {
        try await write(actor: actor) { db, trail in
            try await Self.requireCycle(scope, on: db)
            if try await RecordRows.one(R.self, id: record.id, scope: scope, on: db) != nil {
                throw StoreError.duplicate(table: R.table.name, id: record.id)
            }
            try await Self.requireReferences(of: record, scope: scope, on: db)
            let position = try await RecordRows.nextPosition(in: R.table, scope: scope, on: db)
            let row = try RecordRow(record, position: position)
            try await RecordRows.insert([row], into: R.table, scope: scope, on: db)
            await trail.add(AuditRecord(
                action: .insert, table: R.table.name, scope: scope, recordID: record.id, before: nil, after: row.data))
        }
    }

    /// Replaces a stored record with the same id. Nothing is written (and no audit row) when it is unchanged.
    public func update<R: StoredRecord>(_ record: R, in scope: CycleScope, actor: String) async throws(StoreError) {
        try await write(actor: actor) { db, trail in
            guard let stored = try await RecordRows.one(R.self, id: record.id, scope: scope, on: db) else {
                throw StoreError.notFound(table: R.table.name, id: record.id)
            }
            let row = try RecordRow(record, position: stored.position)
            guard row.data != stored.data else { return }
            try await Self.requireReferences(of: record, scope: scope, on: db)
            try await RecordRows.update(row, in: R.table, scope: scope, on: db)
            await trail.add(AuditRecord(
                action: .update, table: R.table.name, scope: scope, recordID: record.id, before: stored.data,
                after: row.data))
        }
    }

    /// Deletes a record that no other record names.
    public func delete<R: StoredRecord>(_ type: R.Type, id: String, in scope: CycleScope, actor: String)
        async throws(StoreError)
    {
        try await write(actor: actor) { db, trail in
            guard let stored = try await RecordRows.one(R.self, id: id, scope: scope, on: db) else {
                throw StoreError.notFound(table: R.table.name, id: id)
            }
            let referrers = try await RecordRows.referrers(to: id, of: R.table, scope: scope, on: db)
            if !referrers.isEmpty {
                let list = referrers.prefix(5).map { "\($0.table.label) «\($0.id)»" }.joined(separator: ", ")
                throw StoreError.integrity(
                    "«\(id)» (\(R.table.label)) è ancora citato da \(list); eliminare o modificare prima questi elementi")
            }
            if R.table.inColumns { try await AuditWriter.keepInsertions(of: [id], scope: scope, on: db) }
            try await RecordRows.delete(ids: [id], from: R.table, scope: scope, on: db)
            await trail.add(AuditRecord(
                action: .delete, table: R.table.name, scope: scope, recordID: id, before: stored.data, after: nil))
        }
    }

    static func requireCycle(_ scope: CycleScope, on db: any SQLDatabase) async throws {
        let row = try await db.select().column("year").from("cycles")
            .where("entity_code", .equal, SQLBind(scope.entityCode))
            .where("year", .equal, SQLBind(scope.year))
            .first()
        if row == nil {
            throw StoreError.integrity("il ciclo \(scope) non esiste; crearlo prima (ente e anno)")
        }
    }

    /// Every id the record names must be a record of the same Ente-year.
    static func requireReferences<R: StoredRecord>(of record: R, scope: CycleScope, on db: any SQLDatabase) async throws {
        for (reference, value) in zip(R.table.references, record.referenceValues) {
            guard let value else { continue }
            let row = try await db.select().column("id").from(reference.table)
                .where("entity_code", .equal, SQLBind(scope.entityCode))
                .where("year", .equal, SQLBind(scope.year))
                .where("id", .equal, SQLBind(value))
                .first()
            if row == nil {
                throw StoreError.integrity(
                    "\(R.table.label) «\(record.id)», campo \(reference.column): «\(value)» non esiste fra \(RecordTable.label(of: reference.table)) di \(scope)")
            }
        }
    }
}
