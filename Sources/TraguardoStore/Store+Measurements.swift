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
        return ImportedFile(name: url.lastPathComponent, sha256: hash.finalize().map { String(format: "%02x", $0) }.joined())
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

    struct ImportKey: Hashable {
        var file: ImportedFile
        var scope: CycleScope
    }

    init(db: any SQLDatabase, trail: AuditTrail) {
        self.db = db
        self.trail = trail
    }

    /// Inserts the new measurements of the Ente-year `scope` and updates the changed ones, with their audit
    /// rows, in the transaction.
    public func write(_ batch: [TraguardoCore.Measurement], in scope: CycleScope) async throws {
        try await write(encoded: batch.map(EncodedMeasurement.init), in: scope)
    }

    /// The same, for measurements already encoded (an import encodes each row once, while reading it); `file`:
    /// the file they come from, named once in the registro with its SHA-256 and the count of rows it wrote.
    public func write(encoded batch: [EncodedMeasurement], in scope: CycleScope, from file: ImportedFile? = nil) async throws {
        let table = TraguardoCore.Measurement.table
        var nextPosition: Int
        if let known = nextPositions[scope] {
            nextPosition = known
        } else {
            guard try await Store.storedCycle(scope, on: db) != nil else {
                throw StoreError.notFound(table: "cycles", id: "\(scope)")
            }
            nextPosition = try await RecordRows.nextPosition(in: table, scope: scope, on: db)
        }
        defer { nextPositions[scope] = nextPosition }
        let lock = try await valueLock(scope)
        var stored: [String: String] = [:]
        for chunk in batch.map(\.id).chunked(into: 1000) {
            let rows = try await db.select().columns("id", "data").from(table.name)
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .where("id", .in, SQLBind.group(Array(chunk))).all()
            for row in rows { stored[try row.decode(column: "id", as: String.self)] = try row.decode(column: "data", as: String.self) }
        }
        var inserts: [RecordRow] = []
        var audit: [AuditRecord] = []
        var counts = MeasurementWriteSummary()
        inserts.reserveCapacity(batch.count)
        audit.reserveCapacity(batch.count)
        for measurement in batch {
            if let lock, let problem = lock.problem(itemID: measurement.itemID, periodID: measurement.periodID),
               try stored[measurement.id].map({ try !Self.same($0, measurement.json, id: measurement.id) }) ?? true {
                throw StoreError.integrity(problem)
            }
            if let old = stored[measurement.id] {
                guard try !Self.same(old, measurement.json, id: measurement.id) else {
                    counts.unchanged += 1
                    continue
                }
                let row = RecordRow(id: measurement.id, references: [measurement.itemID, measurement.periodID], position: 0,
                                    data: measurement.json)
                try await RecordRows.update(row, in: table, scope: scope, on: db)
                audit.append(AuditRecord(action: .update, table: table.name, scope: scope, recordID: row.id, before: old, after: row.data))
                stored[measurement.id] = row.data
                counts.updated += 1
            } else {
                let row = RecordRow(id: measurement.id, references: [measurement.itemID, measurement.periodID],
                                    position: nextPosition, data: measurement.json)
                nextPosition += 1
                inserts.append(row)
                stored[measurement.id] = row.data
                audit.append(AuditRecord(action: .insert, table: table.name, scope: scope, recordID: row.id, before: nil, after: row.data))
                counts.inserted += 1
            }
        }
        try await RecordRows.insert(inserts, into: table, scope: scope, on: db)
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

    /// Equal texts are the same record; different texts may still be (a record written by an older version
    /// with another number form), so they are compared as measurements.
    static func same(_ old: String, _ new: String, id: String) throws -> Bool {
        if old == new { return true }
        return try TraguardoCore.Measurement.read(old, id: id) == TraguardoCore.Measurement.read(new, id: id)
    }

    /// One «importazione» row per file and Ente-year: the file's name and SHA-256 and what it wrote.
    func recordImports() async {
        for key in fileOrder {
            guard let counts = perFile[key] else { continue }
            let text = "{\"file\":\(MeasurementJSON.string(key.file.name)),\"sha256\":\"\(key.file.sha256)\","
                + "\"righe\":\(counts.inserted + counts.updated + counts.unchanged),\"nuove\":\(counts.inserted),"
                + "\"modificate\":\(counts.updated),\"invariate\":\(counts.unchanged)}"
            await trail.add(AuditRecord(
                action: .importFile, table: TraguardoCore.Measurement.table.name, scope: key.scope, recordID: key.file.name,
                before: nil, after: text))
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
        let summary = try await write(actor: actor) { db, trail in
            if postgres {
                // The lookups of existing rows by id must use the primary key even when the statistics still
                // describe the table as it was before this import (an empty table is scanned whole otherwise:
                // 374 ms a batch instead of 3).
                try await db.raw("SET LOCAL enable_seqscan = off").run()
            }
            let batches = MeasurementBatches(db: db, trail: trail)
            try await produce(batches)
            await batches.recordImports()
            return await batches.summary
        }
        if postgres, summary.written >= 10_000 {
            // Fresh statistics for the next readers (a large import changes the table's size by orders of magnitude).
            _ = try? await translating {
                try await backend.withConnection { db in try await db.raw("ANALYZE measurements, audit_log").run() }
            }
        }
        return summary
    }
}
