import Foundation
import SQLKit
import TraguardoCore

/// The OIV's samples: one per snapshot version of a period, drawn once (a new draw replaces the old one only
/// while nothing has been noted on it), its notes written one item at a time, each change with its audit row.
extension Store {
    /// Draws the sample of the latest snapshot of `period` and stores it. Refused when the period has no
    /// snapshot, or when the sample of that snapshot already has notes (they would be lost).
    @discardableResult
    public func drawOIVSample(
        _ scope: CycleScope, period: String, size: Int, seed: UInt64, actor: String
    ) async throws(StoreError) -> OIVSample {
        try await write(actor: actor) { db, trail in
            guard let row = try await Self.snapshotRow(scope, period: period, version: nil, on: db) else {
                throw StoreError.integrity("il periodo \(period) di \(scope) non ha un'istantanea: va chiuso prima di estrarre il campione")
            }
            let snapshot = try Self.decodeSnapshot(row)
            let existing = try await Self.sampleRow(scope, period: period, version: snapshot.version, on: db)
            if let existing, existing.sample.examinedCount > 0 {
                throw StoreError.integrity(
                    "il campione dell'istantanea \(period) versione \(snapshot.version) ha già \(existing.sample.examinedCount) esiti annotati: non si estrae di nuovo")
            }
            let sample = OIVSample.draw(from: snapshot, size: size, seed: seed, by: trail.actor, at: trail.at)
            let data = try RecordCodec.encode(sample)
            let id = "\(scope.entityCode)/\(scope.year)/\(period)/v\(snapshot.version)"
            if let existing {
                try await db.update("oiv_samples").set("data", to: SQLBind(data))
                    .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                    .where("period_code", .equal, SQLBind(period)).where("snapshot_version", .equal, SQLBind(snapshot.version))
                    .run()
                await trail.add(AuditRecord(action: .update, table: "oiv_samples", scope: scope, recordID: id, before: existing.data, after: data))
            } else {
                try await db.insert(into: "oiv_samples").columns("entity_code", "year", "period_code", "snapshot_version", "data")
                    .values(SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(period), SQLBind(snapshot.version), SQLBind(data))
                    .run()
                await trail.add(AuditRecord(action: .insert, table: "oiv_samples", scope: scope, recordID: id, before: nil, after: data))
            }
            return sample
        }
    }

    /// The sample of the latest snapshot of `period` (nil when none was drawn on it: a sample of an older
    /// version stays stored, bound to that version, but is not the current one).
    public func oivSample(_ scope: CycleScope, period: String) async throws(StoreError) -> OIVSample? {
        try await read { db in
            guard let latest = try await Self.latestSnapshotVersion(scope, period: period, on: db) else { return nil }
            return try await Self.sampleRow(scope, period: period, version: latest, on: db)?.sample
        }
    }

    /// Records what the OIV found on one sampled item of the current sample, and the working note.
    @discardableResult
    public func noteOIVSample(
        _ scope: CycleScope, period: String, itemID: String, outcome: OIVSample.Outcome?, note: String, actor: String
    ) async throws(StoreError) -> OIVSample {
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= OIVSample.maximumNoteLength else {
            throw StoreError.integrity("la nota è di \(trimmed.count) caratteri: al massimo \(OIVSample.maximumNoteLength)")
        }
        return try await write(actor: actor) { db, trail in
            guard let latest = try await Self.latestSnapshotVersion(scope, period: period, on: db),
                let stored = try await Self.sampleRow(scope, period: period, version: latest, on: db)
            else { throw StoreError.notFound(table: "oiv_samples", id: "\(scope.entityCode)/\(scope.year)/\(period)") }
            var sample = stored.sample
            guard let index = sample.entries.firstIndex(where: { $0.itemID == itemID }) else {
                throw StoreError.notFound(table: "oiv_samples", id: itemID)
            }
            sample.entries[index].outcome = outcome
            sample.entries[index].note = trimmed.isEmpty ? nil : trimmed
            sample.entries[index].notedBy = trail.actor
            sample.entries[index].notedAt = Timestamp.parse(Timestamp.format(trail.at)) ?? trail.at
            let data = try RecordCodec.encode(sample)
            try await db.update("oiv_samples").set("data", to: SQLBind(data))
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .where("period_code", .equal, SQLBind(period)).where("snapshot_version", .equal, SQLBind(latest))
                .run()
            await trail.add(AuditRecord(
                action: .update, table: "oiv_samples", scope: scope,
                recordID: "\(scope.entityCode)/\(scope.year)/\(period)/v\(latest)", before: stored.data, after: data))
            return sample
        }
    }

    static func latestSnapshotVersion(_ scope: CycleScope, period: String, on db: any SQLDatabase) async throws -> Int? {
        try await db.select().column(SQLFunction("MAX", args: SQLColumn("version")), as: "version")
            .from("period_snapshots")
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            .where("period_code", .equal, SQLBind(period)).first()
            .flatMap { try $0.decode(column: "version", as: Int?.self) }
    }

    static func sampleRow(
        _ scope: CycleScope, period: String, version: Int, on db: any SQLDatabase
    ) async throws -> (data: String, sample: OIVSample)? {
        guard let row = try await db.select().column("data").from("oiv_samples")
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            .where("period_code", .equal, SQLBind(period)).where("snapshot_version", .equal, SQLBind(version))
            .first()
        else { return nil }
        let data = try row.decode(column: "data", as: String.self)
        return (data, try RecordCodec.decode(OIVSample.self, from: data, table: "oiv_samples", id: "\(period) v\(version)"))
    }
}
