import Foundation
import SQLKit
import TraguardoCore

/// Hands batches of a long measurement import to `Store.importMeasurements`, which stages each batch in a
/// short transaction of its own (in `import_staging`, which readers never read) and applies the whole import
/// at the end in one short transaction: other writers get their turn while the import is read and staged,
/// and the import is still all or nothing.
public actor MeasurementStaging {
    let importID: String
    let stagedAt: String
    let backend: any DatabaseBackend
    var nextSeq = 0
    var knownScopes: Set<CycleScope> = []

    init(importID: String, stagedAt: String, backend: any DatabaseBackend) {
        self.importID = importID
        self.stagedAt = stagedAt
        self.backend = backend
    }

    /// Stages the measurements of the Ente-year `scope` (checked to exist, as `MeasurementBatches.write` does).
    public func write(_ batch: [TraguardoCore.Measurement], in scope: CycleScope) async throws {
        if !knownScopes.contains(scope) {
            guard try await backend.withReader({ db in try await Store.storedCycle(scope, on: db) }) != nil else {
                throw StoreError.notFound(table: "cycles", id: "\(scope)")
            }
            knownScopes.insert(scope)
        }
        let rows = try batch.map { try RecordRow($0, position: 0) }
        let first = nextSeq
        nextSeq += rows.count
        let importID = importID, stagedAt = stagedAt
        try await backend.transaction { db in
            let columns = ["import_id", "seq", "staged_at", "entity_code", "year", "id", "item_id", "period_id", "data"]
            for chunk in Array(rows.enumerated()).chunked(into: 3000 / columns.count) {
                let insert = db.insert(into: "import_staging").columns(columns)
                for (index, row) in chunk {
                    insert.values([
                        SQLBind(importID), SQLBind(first + index), SQLBind(stagedAt), SQLBind(scope.entityCode),
                        SQLBind(scope.year), SQLBind(row.id),
                    ] + row.references.map { SQLValue.optional($0) } + [SQLBind(row.data)])
                }
                try await insert.run()
            }
        }
    }
}

extension Store {
    /// Imports measurements batch by batch like `recordMeasurements`, all or nothing, but without holding the
    /// write lock while `produce` reads and stages them: the lock is taken once per batch (briefly) and once
    /// to apply the whole import with set-based SQL. The audit log gets one row per new or changed
    /// measurement; unchanged ones are counted, not written. Staged rows of an import that failed are
    /// removed; those of an import that crashed are removed by the next import.
    public func importMeasurements(
        actor: String, _ produce: @escaping @Sendable (MeasurementStaging) async throws -> Void
    ) async throws(StoreError) -> MeasurementWriteSummary {
        let now = clock()
        let importID = UUID().uuidString
        let staging = MeasurementStaging(importID: importID, stagedAt: Timestamp.format(now), backend: backend)
        do {
            try await translating {
                // Imports that crashed a day ago or more left their rows: nobody will apply them.
                let dayAgo = Timestamp.format(now.addingTimeInterval(-86_400))
                try await backend.transaction { db in
                    try await db.raw("DELETE FROM import_staging WHERE staged_at < \(bind: dayAgo)").run()
                }
                try await produce(staging)
            }
            return try await translating {
                try await backend.transaction { db in
                    try await Self.applyStagedImport(importID, actor: actor, at: Timestamp.format(now), on: db)
                }
            }
        } catch {
            _ = try? await backend.transaction { db in
                try await db.raw("DELETE FROM import_staging WHERE import_id = \(bind: importID)").run()
            }
            throw error
        }
    }

    /// Applies a staged import in the open transaction: the last staging of a measurement wins, the audit rows
    /// are written from the rows as they are before the change, then the changed rows are updated and the
    /// new ones inserted after the last of their Ente-year, in the order they were staged.
    static func applyStagedImport(_ importID: String, actor: String, at: String, on db: any SQLDatabase) async throws
        -> MeasurementWriteSummary
    {
        let staged = "s.import_id = \(importID.sqlQuoted)"
        let sameRecord = "m.entity_code = s.entity_code AND m.year = s.year AND m.id = s.id"
        try await db.raw("""
            DELETE FROM import_staging WHERE import_id = \(bind: importID) AND EXISTS (
              SELECT 1 FROM import_staging later WHERE later.import_id = import_staging.import_id
              AND later.entity_code = import_staging.entity_code AND later.year = import_staging.year
              AND later.id = import_staging.id AND later.seq > import_staging.seq)
            """).run()
        let counts = try await db.raw("""
            SELECT
              SUM(CASE WHEN m.id IS NULL THEN 1 ELSE 0 END) AS inserted,
              SUM(CASE WHEN m.id IS NOT NULL AND m.data <> s.data THEN 1 ELSE 0 END) AS updated,
              SUM(CASE WHEN m.data = s.data THEN 1 ELSE 0 END) AS unchanged
            FROM import_staging s LEFT JOIN measurements m ON \(unsafeRaw: sameRecord)
            WHERE \(unsafeRaw: staged)
            """).first()
        var summary = MeasurementWriteSummary()
        summary.inserted = try counts?.decode(column: "inserted", as: Int?.self) ?? 0
        summary.updated = try counts?.decode(column: "updated", as: Int?.self) ?? 0
        summary.unchanged = try counts?.decode(column: "unchanged", as: Int?.self) ?? 0
        let auditColumns = "at, actor, action, table_name, entity_code, year, record_id, before_data, after_data"
        try await db.raw("""
            INSERT INTO audit_log (\(unsafeRaw: auditColumns))
            SELECT \(bind: at), \(bind: actor), \(bind: AuditAction.update.rawValue), 'measurements',
              s.entity_code, s.year, s.id, m.data, s.data
            FROM import_staging s JOIN measurements m ON \(unsafeRaw: sameRecord)
            WHERE \(unsafeRaw: staged) AND m.data <> s.data ORDER BY s.seq
            """).run()
        try await db.raw("""
            INSERT INTO audit_log (\(unsafeRaw: auditColumns))
            SELECT \(bind: at), \(bind: actor), \(bind: AuditAction.insert.rawValue), 'measurements',
              s.entity_code, s.year, s.id, NULL, s.data
            FROM import_staging s
            WHERE \(unsafeRaw: staged) AND NOT EXISTS (SELECT 1 FROM measurements m WHERE \(unsafeRaw: sameRecord))
            ORDER BY s.seq
            """).run()
        let stagedFor = "FROM import_staging s WHERE \(staged) AND s.entity_code = measurements.entity_code "
            + "AND s.year = measurements.year AND s.id = measurements.id"
        try await db.raw("""
            UPDATE measurements SET
              item_id = (SELECT s.item_id \(unsafeRaw: stagedFor)),
              period_id = (SELECT s.period_id \(unsafeRaw: stagedFor)),
              data = (SELECT s.data \(unsafeRaw: stagedFor))
            WHERE EXISTS (SELECT 1 \(unsafeRaw: stagedFor) AND s.data <> measurements.data)
            """).run()
        let scopes = try await db.raw("SELECT DISTINCT entity_code, year FROM import_staging s WHERE \(unsafeRaw: staged)").all()
        for row in scopes {
            let scope = CycleScope(
                entityCode: try row.decode(column: "entity_code", as: String.self), year: try row.decode(column: "year", as: Int.self))
            let first = try await RecordRows.nextPosition(in: TraguardoCore.Measurement.table, scope: scope, on: db)
            try await db.raw("""
                INSERT INTO measurements (entity_code, year, id, item_id, period_id, position, data)
                SELECT s.entity_code, s.year, s.id, s.item_id, s.period_id,
                  \(bind: first - 1) + ROW_NUMBER() OVER (ORDER BY s.seq), s.data
                FROM import_staging s
                WHERE \(unsafeRaw: staged) AND s.entity_code = \(bind: scope.entityCode) AND s.year = \(bind: scope.year)
                  AND NOT EXISTS (SELECT 1 FROM measurements m WHERE \(unsafeRaw: sameRecord))
                ORDER BY s.seq
                """).run()
        }
        try await db.raw("DELETE FROM import_staging WHERE import_id = \(bind: importID)").run()
        return summary
    }
}

private extension String {
    /// The UUID of an import as an SQL literal (it holds only hex digits and dashes; checked).
    var sqlQuoted: String {
        precondition(allSatisfy { $0.isHexDigit || $0 == "-" })
        return "'\(self)'"
    }
}
