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

/// Hands batches of measurements to the open transaction of `Store.recordMeasurements`.
public actor MeasurementBatches {
    let db: any SQLDatabase
    let trail: AuditTrail
    var nextPositions: [CycleScope: Int] = [:]
    private(set) var summary = MeasurementWriteSummary()

    init(db: any SQLDatabase, trail: AuditTrail) {
        self.db = db
        self.trail = trail
    }

    /// Inserts the new measurements of the Ente-year `scope` and updates the changed ones, with their audit
    /// rows, in the transaction.
    public func write(_ batch: [TraguardoCore.Measurement], in scope: CycleScope) async throws {
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
        var stored: [String: String] = [:]
        for chunk in batch.map(\.id).chunked(into: 500) {
            let rows = try await db.select().columns("id", "data").from(table.name)
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .where("id", .in, SQLBind.group(Array(chunk))).all()
            for row in rows { stored[try row.decode(column: "id", as: String.self)] = try row.decode(column: "data", as: String.self) }
        }
        var inserts: [RecordRow] = []
        var audit: [AuditRecord] = []
        for measurement in batch {
            if let old = stored[measurement.id] {
                let row = try RecordRow(measurement, position: 0)
                guard row.data != old else {
                    summary.unchanged += 1
                    continue
                }
                try await RecordRows.update(row, in: table, scope: scope, on: db)
                audit.append(AuditRecord(action: .update, table: table.name, scope: scope, recordID: row.id, before: old, after: row.data))
                summary.updated += 1
            } else {
                let row = try RecordRow(measurement, position: nextPosition)
                nextPosition += 1
                inserts.append(row)
                stored[measurement.id] = row.data
                audit.append(AuditRecord(action: .insert, table: table.name, scope: scope, recordID: row.id, before: nil, after: row.data))
                summary.inserted += 1
            }
        }
        try await RecordRows.insert(inserts, into: table, scope: scope, on: db)
        await trail.add(contentsOf: audit)
        try await trail.flush(on: db)
    }
}

extension Store {
    /// Writes measurements batch by batch, all in one transaction: `produce` calls `batches.write(_:in:)` as
    /// many times as it needs (an import of a million rows never holds them all), and if it throws, or a
    /// measurement names an Ente-year, item or period that does not exist, nothing is written.
    public func recordMeasurements(
        actor: String, _ produce: @escaping @Sendable (MeasurementBatches) async throws -> Void
    ) async throws(StoreError) -> MeasurementWriteSummary {
        try await write(actor: actor) { db, trail in
            let batches = MeasurementBatches(db: db, trail: trail)
            try await produce(batches)
            return await batches.summary
        }
    }
}
