import Crypto
import Foundation
import SQLKit
import TraguardoCore

/// What a measurement import changed.
public struct MeasurementWriteSummary: Hashable, Sendable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0

    public var written: Int { inserted + updated }
}

/// A file an import read: its name and SHA-256, recorded once in the registro beside the rows it wrote.
public struct ImportedFile: Hashable, Sendable {
    public var name: String
    public var sha256: String

    public init(name: String, sha256: String) {
        self.name = name
        self.sha256 = sha256
    }

    /// Reads the file at `url` (in pieces: a sheet may be large) and names it by its last path component.
    public static func reading(_ url: URL) throws -> ImportedFile {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(data: chunk) }
        return ImportedFile(name: url.lastPathComponent, sha256: LowercaseHex.text(hash.finalize()))
    }
}

/// Hands batches of measurements to the open transaction of `Store.recordMeasurements`.
public actor MeasurementBatches {
    let db: any SQLDatabase
    let trail: AuditTrail
    var nextPositions: [CycleScope: Int] = [:]
    private(set) var summary = MeasurementWriteSummary()
    /// What each file wrote in each Ente-year, for its «importazione» row.
    private var perFile: [ImportKey: MeasurementWriteSummary] = [:]
    private var fileOrder: [ImportKey] = []
    /// The «importazione» row of each file and Ente-year, written at its first batch: the rows the file inserts
    /// name it (`import_id`) instead of having a registro row each.
    private var importRows: [ImportKey: Int64] = [:]
    /// The Ente-years that had no measurement when this transaction first wrote to them, each with the hashes of the
    /// ids written in them since: there a stored row can only be one this transaction wrote, so only the ids among
    /// these are looked up before writing (an import into an empty Ente-year looked up every id, finding none: a
    /// fifth of its time in PostgreSQL). A hash shared by two ids only costs a lookup.
    private var writtenInEmpty: [CycleScope: Set<Int>] = [:]

    struct ImportKey: Hashable {
        var file: ImportedFile
        var scope: CycleScope
    }

    init(db: any SQLDatabase, trail: AuditTrail) {
        self.db = db
        self.trail = trail
    }

    /// Inserts the new measurements of the Ente-year `scope` and updates the changed ones, with their audit
    /// rows, in the transaction; `file`: the file they come from (an import), named once in the registro with its
    /// SHA-256 and the count of rows it wrote.
    ///
    /// New rows are inserted in multi-row statements (COPY on PostgreSQL); changed rows are deleted and inserted
    /// again at their position, in the same statements. The registro gets, per changed row, only what it changes
    /// (compacted by `AuditWriter`); a row a file inserts gets no registro row of its own but names the file's
    /// «importazione» row (`import_id`), and the registro shows it from there. Rows written without a file (web
    /// form, API) get, each, a row with what they set.
    public func write(_ batch: [TraguardoCore.Measurement], in scope: CycleScope, from file: ImportedFile? = nil) async throws {
        let table = TraguardoCore.Measurement.table
        var nextPosition: Int
        if let known = nextPositions[scope] {
            nextPosition = known
        } else {
            guard try await Store.storedCycle(scope, on: db) != nil else {
                throw StoreError.notFound(table: "cycles", id: "\(scope)")
            }
            nextPosition = try await RecordRows.nextPosition(in: table, scope: scope, on: db)
            if try await !MeasurementRows.any(scope: scope, on: db) { writtenInEmpty[scope] = [] }
        }
        defer { nextPositions[scope] = nextPosition }
        let lock = try await valueLock(scope)
        let importID: Int64? = if let file, table.inColumns { try await importRow(ImportKey(file: file, scope: scope)) } else { nil }
        let stored: [String: (TraguardoCore.Measurement, Int)]
        if let written = writtenInEmpty[scope] {
            let candidates = batch.map(\.id).filter { written.contains($0.hashValue) }
            stored = candidates.isEmpty ? [:] : try await storedMeasurements(candidates, in: scope)
        } else {
            stored = try await storedMeasurements(batch.map(\.id), in: scope)
        }
        /// What this batch writes, by id (a later row for the same id replaces an earlier one), in order.
        var pending: [String: (measurement: TraguardoCore.Measurement, position: Int, isNew: Bool)] = [:]
        var order: [String] = []
        var audit: [AuditRecord] = []
        var counts = MeasurementWriteSummary()
        audit.reserveCapacity(batch.count)
        for measurement in batch {
            let old = pending[measurement.id].map { ($0.measurement, $0.position) } ?? stored[measurement.id]
            if let lock, let problem = lock.problem(itemID: measurement.itemID, periodID: measurement.periodID),
               old.map({ $0.0 != measurement }) ?? true {
                throw StoreError.integrity(problem)
            }
            if let (previous, position) = old {
                guard previous != measurement else {
                    counts.unchanged += 1
                    continue
                }
                if pending[measurement.id] == nil { order.append(measurement.id) }
                pending[measurement.id] = (measurement, position, pending[measurement.id]?.isNew ?? false)
                audit.append(AuditRecord(
                    action: .update, table: table.name, scope: scope, recordID: measurement.id,
                    before: MeasurementJSON.encode(previous), after: MeasurementJSON.encode(measurement)))
                counts.updated += 1
            } else {
                order.append(measurement.id)
                pending[measurement.id] = (measurement, nextPosition, true)
                nextPosition += 1
                if importID == nil {
                    audit.append(AuditRecord(
                        action: .insert, table: table.name, scope: scope, recordID: measurement.id,
                        before: nil, after: MeasurementJSON.insertedFields(measurement)))
                }
                counts.inserted += 1
            }
        }
        let rows = order.compactMap { pending[$0] }
        if writtenInEmpty[scope] != nil {
            for row in rows where row.isNew { writtenInEmpty[scope]?.insert(row.measurement.id.hashValue) }
        }
        if table.inColumns {
            let replaced = rows.filter { !$0.isNew }.map(\.measurement.id)
            // A changed row keeps the import that inserted it (its registro entry); a new one names this import.
            var importIDs = try await MeasurementRows.importIDs(of: replaced, scope: scope, on: db)
            if let importID { for row in rows where row.isNew { importIDs[row.measurement.id] = importID } }
            try await RecordRows.delete(ids: replaced, from: table, scope: scope, on: db)
            try await MeasurementRows.insert(
                rows.map { ($0.measurement, $0.position) }, importIDs: importIDs, scope: scope, on: db)
        } else {
            for row in rows where !row.isNew {
                try await RecordRows.update(try RecordRow(row.measurement, position: row.position), in: table, scope: scope, on: db)
            }
            try await RecordRows.insert(try rows.filter(\.isNew).map { try RecordRow($0.measurement, position: $0.position) },
                                        into: table, scope: scope, on: db)
        }
        await trail.add(contentsOf: audit)
        try await trail.flush(on: db)
        summary.inserted += counts.inserted
        summary.updated += counts.updated
        summary.unchanged += counts.unchanged
        if let file {
            let key = ImportKey(file: file, scope: scope)
            if perFile[key] == nil { fileOrder.append(key) }
            perFile[key, default: MeasurementWriteSummary()].inserted += counts.inserted
            perFile[key, default: MeasurementWriteSummary()].updated += counts.updated
            perFile[key, default: MeasurementWriteSummary()].unchanged += counts.unchanged
        }
    }

    /// The stored measurements with these ids, and their positions.
    private func storedMeasurements(_ ids: [String], in scope: CycleScope) async throws
        -> [String: (TraguardoCore.Measurement, Int)]
    {
        var stored: [String: (TraguardoCore.Measurement, Int)] = [:]
        if TraguardoCore.Measurement.table.inColumns {
            for (measurement, position) in try await MeasurementRows.all(scope: scope, ids: ids, on: db) {
                stored[measurement.id] = (measurement, position)
            }
        } else {
            let wanted = Set(ids)
            for (id, row) in try await RecordRows.stored(in: TraguardoCore.Measurement.table, scope: scope, on: db)
            where wanted.contains(id) {
                stored[id] = (try TraguardoCore.Measurement.read(row.data, id: id), row.position)
            }
        }
        return stored
    }

    /// The lock of the Ente-year's validated values (`ValueLock`), read once per Ente-year in the transaction;
    /// nil when nothing is validated (the common case: one small query).
    private var locks: [CycleScope: ValueLock?] = [:]

    func valueLock(_ scope: CycleScope) async throws -> ValueLock? {
        if let known = locks[scope] { return known }
        let validated = try await Store.submissionRows(scope, unitID: nil, periodCode: nil, on: db).filter(\.state.locksValues)
        var lock: ValueLock?
        if !validated.isEmpty, let entity = try await Store.storedEntity(scope.entityCode, on: db)?.entity,
           let cycle = try await Store.storedCycle(scope, on: db)?.cycle {
            var plan = CyclePlan(entity: entity, cycle: cycle)
            plan.units = try await RecordRows.all(OrganisationalUnit.self, scope: scope, on: db)
            plan.periods = try await RecordRows.all(MonitoringPeriod.self, scope: scope, on: db)
            plan.nodes = try await RecordRows.all(PlanNode.self, scope: scope, on: db)
            plan.objectives = try await RecordRows.all(Objective.self, scope: scope, on: db)
            plan.indicators = try await RecordRows.all(Indicator.self, scope: scope, on: db)
            plan.items = try await RecordRows.all(MeasuredItem.self, scope: scope, on: db)
            lock = ValueLock(plan: plan, validated: validated)
        }
        locks[scope] = .some(lock)
        return lock
    }

    /// The id of the «importazione» row of the file in the Ente-year, written now if it is the first batch (with
    /// zero counts: `recordImports` writes the final ones).
    private func importRow(_ key: ImportKey) async throws -> Int64 {
        if let known = importRows[key] { return known }
        let id = try await AuditWriter.insertReturningID(
            importRecord(key, counts: MeasurementWriteSummary()), actor: trail.actor, at: trail.at, on: db)
        importRows[key] = id
        return id
    }

    private func importRecord(_ key: ImportKey, counts: MeasurementWriteSummary) -> AuditRecord {
        let text = "{\"file\":\(MeasurementJSON.string(key.file.name)),\"sha256\":\"\(key.file.sha256)\","
            + "\"righe\":\(counts.inserted + counts.updated + counts.unchanged),\"nuove\":\(counts.inserted),"
            + "\"modificate\":\(counts.updated),\"invariate\":\(counts.unchanged)}"
        return AuditRecord(
            action: .importFile, table: TraguardoCore.Measurement.table.name, scope: key.scope, recordID: key.file.name,
            before: nil, after: text)
    }

    /// One «importazione» row per file and Ente-year: the file's name and SHA-256 and what it wrote (the row
    /// written at the file's first batch gets its final counts).
    func recordImports() async throws {
        for key in fileOrder {
            guard let counts = perFile[key] else { continue }
            let record = importRecord(key, counts: counts)
            if let id = importRows[key] {
                try await db.update("audit_log").set("after_data", to: SQLBind(record.after ?? "")).where("id", .equal, SQLBind(id)).run()
            } else {
                await trail.add(record)
            }
        }
    }
}

extension Store {
    /// Writes measurements batch by batch, all in one transaction: `produce` calls `batches.write(_:in:)` as
    /// many times as it needs (an import of a million rows never holds them all), and if it throws, or a
    /// measurement names an Ente-year, item or period that does not exist, nothing is written.
    public func recordMeasurements(
        actor: String, _ produce: @escaping @Sendable (MeasurementBatches) async throws -> Void
    ) async throws(StoreError) -> MeasurementWriteSummary {
        let postgres = flavor == .postgres
        return try await write(actor: actor) { db, trail in
            if postgres {
                // The lookups of existing rows by id must use the primary key even when the statistics still
                // describe the table as it was before this import (an empty table is scanned whole otherwise:
                // 374 ms a batch instead of 3).
                try await db.raw("SET LOCAL enable_seqscan = off").run()
            }
            let batches = MeasurementBatches(db: db, trail: trail)
            try await produce(batches)
            try await batches.recordImports()
            // The tables the import grew by a large part are analyzed before COMMIT (`FreshStatistics`).
            return await batches.summary
        }
    }
}
