import CompressNIO
import Foundation
import NIOCore
import SQLKit
import TraguardoCore

/// The snapshots of closed periods: frozen in the transaction that closes the period, one version per close,
/// stored as gzip-compressed JSON (the whole `PeriodSnapshot`), listed without being read whole.
extension Store {
    /// Closes the period `code` of the Ente-year and freezes its snapshot, in one transaction (the period's
    /// audit row and the snapshot's). A period already closed is frozen again only if it has no snapshot yet.
    /// Returns the snapshot.
    @discardableResult
    public func closePeriod(_ code: String, in scope: CycleScope, actor: String) async throws(StoreError) -> PeriodSnapshot {
        try await write(actor: actor) { db, trail in
            let periods = try await RecordRows.all(MonitoringPeriod.self, scope: scope, on: db)
            guard var period = periods.first(where: { $0.code == code }) else {
                throw StoreError.notFound(table: "periods", id: code)
            }
            if period.status == .closed, let last = try await Self.snapshotRow(scope, period: code, version: nil, on: db) {
                return try Self.decodeSnapshot(last)
            }
            if period.status != .closed {
                guard let stored = try await RecordRows.one(MonitoringPeriod.self, id: period.id, scope: scope, on: db) else {
                    throw StoreError.notFound(table: "periods", id: period.id)
                }
                period.status = .closed
                let row = try RecordRow(period, position: stored.position)
                try await RecordRows.update(row, in: MonitoringPeriod.table, scope: scope, on: db)
                await trail.add(AuditRecord(
                    action: .update, table: MonitoringPeriod.table.name, scope: scope, recordID: period.id,
                    before: stored.data, after: row.data))
            }
            return try await Self.freezeSnapshot(scope, period: code, on: db, trail: trail)
        }
    }

    /// Freezes the period `code` as it stands on `db` (the caller has just closed it, in the same transaction):
    /// the Ente-year, its scores, the fingerprints, the registro's last change; the next version number. The
    /// close of the period (the web's «chiudi», the workflow's state machine) calls this and nothing else.
    static func freezeSnapshot(
        _ scope: CycleScope, period code: String, on db: any SQLDatabase, trail: AuditTrail
    ) async throws -> PeriodSnapshot {
        guard let plan = try await Self.load(scope, on: db) else { throw StoreError.notFound(table: "cycles", id: "\(scope)") }
        try await trail.flush(on: db)
        let last = try await db.select().columns("id", "at").from("audit_log")
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            .orderBy("id", .descending).limit(1).first()
        let lastChange: (number: Int64, at: Date)? = try last.map { row in
            (try row.decode(column: "id", as: Int64.self),
             Timestamp.parse(try row.decode(column: "at", as: String.self)) ?? trail.at)
        }
        let previous = try await db.select().column(SQLFunction("MAX", args: SQLColumn("version")), as: "version")
            .from("period_snapshots")
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            .where("period_code", .equal, SQLBind(code)).first()
            .flatMap { try $0.decode(column: "version", as: Int?.self) } ?? 0
        let planVersion = try await db.select().column(SQLFunction("MAX", args: SQLColumn("version")), as: "version")
            .from("plan_versions")
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year)).first()
            .flatMap { try $0.decode(column: "version", as: Int?.self) }
        let snapshot = PeriodSnapshot.freeze(
            plan, period: code, version: previous + 1, at: Timestamp.parse(Timestamp.format(trail.at)) ?? trail.at,
            by: trail.actor, lastChange: lastChange, planVersion: planVersion)
        let content = try SnapshotCoding.compress(snapshot)
        try await db.insert(into: "period_snapshots")
            .columns(
                "entity_code", "year", "period_code", "version", "frozen_at", "frozen_by", "plan_fingerprint",
                "data_fingerprint", "methodology_name", "methodology_version", "plan_version", "size_bytes", "content")
            .values(
                SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(code), SQLBind(snapshot.version),
                SQLBind(Timestamp.format(snapshot.frozenAt)), SQLBind(snapshot.frozenBy), SQLBind(snapshot.planFingerprint),
                SQLBind(snapshot.dataFingerprint), SQLBind(snapshot.methodologyName),
                SQLValue.optional(snapshot.methodologyVersion), SQLValue.optional(snapshot.planVersion),
                SQLBind(Int64(content.count)), SQLBind(content))
            .run()
        await trail.add(AuditRecord(
            action: .insert, table: "period_snapshots", scope: scope,
            recordID: "\(scope.entityCode)/\(scope.year)/\(code)/v\(snapshot.version)", before: nil,
            after: try RecordCodec.encode(snapshot.summary)))
        return snapshot
    }

    /// The snapshots of the Ente-year (of one period when given), by period and version, without their data.
    public func snapshots(in scope: CycleScope, period: String? = nil) async throws(StoreError) -> [SnapshotSummary] {
        try await read { db in
            let select = db.select()
                .columns(
                    "period_code", "version", "frozen_at", "frozen_by", "plan_fingerprint", "data_fingerprint",
                    "methodology_name", "methodology_version", "plan_version")
                .from("period_snapshots")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            if let period { select.where("period_code", .equal, SQLBind(period)) }
            return try await select.orderBy("period_code").orderBy("version").all().map { row in
                SnapshotSummary(
                    periodCode: try row.decode(column: "period_code", as: String.self),
                    version: try row.decode(column: "version", as: Int.self),
                    frozenAt: Timestamp.parse(try row.decode(column: "frozen_at", as: String.self)) ?? .distantPast,
                    frozenBy: try row.decode(column: "frozen_by", as: String.self),
                    planFingerprint: try row.decode(column: "plan_fingerprint", as: String.self),
                    dataFingerprint: try row.decode(column: "data_fingerprint", as: String.self),
                    methodologyName: try row.decode(column: "methodology_name", as: String.self),
                    methodologyVersion: try row.decode(column: "methodology_version", as: Int?.self),
                    planVersion: try row.decode(column: "plan_version", as: Int?.self))
            }
        }
    }

    /// One snapshot whole: the version given, else the latest of the period; nil when there is none.
    public func snapshot(_ scope: CycleScope, period: String, version: Int? = nil) async throws(StoreError) -> PeriodSnapshot? {
        try await read { db in
            try await Self.snapshotRow(scope, period: period, version: version, on: db).map(Self.decodeSnapshot)
        }
    }

    /// What a document of a closed period is printed from: the latest snapshot of `period` (the last period of
    /// the year when nil) when the period is closed now; nil when it is open or was never frozen.
    public func closedPeriodSnapshot(_ scope: CycleScope, period: String?) async throws(StoreError) -> PeriodSnapshot? {
        try await read { db in
            let periods = try await RecordRows.all(MonitoringPeriod.self, scope: scope, on: db)
            guard let chosen = Self.documentPeriod(period, among: periods), chosen.status == .closed else { return nil }
            return try await Self.snapshotRow(scope, period: chosen.code, version: nil, on: db).map(Self.decodeSnapshot)
        }
    }

    /// The period a document is for: the one named (code or id), the last of the year when none is named.
    static func documentPeriod(_ period: String?, among periods: [MonitoringPeriod]) -> MonitoringPeriod? {
        guard let period else { return periods.max { $0.sequence < $1.sequence } }
        return periods.first { $0.code == period || $0.id == period }
    }

    static func snapshotRow(_ scope: CycleScope, period: String, version: Int?, on db: any SQLDatabase) async throws -> (any SQLRow)? {
        let select = db.select().columns("period_code", "version", "content").from("period_snapshots")
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            .where("period_code", .equal, SQLBind(period))
        if let version { select.where("version", .equal, SQLBind(version)) }
        return try await select.orderBy("version", .descending).limit(1).first()
    }

    static func decodeSnapshot(_ row: any SQLRow) throws -> PeriodSnapshot {
        let id = "\(try row.decode(column: "period_code", as: String.self)) v\(try row.decode(column: "version", as: Int.self))"
        return try SnapshotCoding.decompress(try row.decode(column: "content", as: Data.self), id: id)
    }
}

/// A snapshot as stored: its JSON (`RecordCodec`, exact decimals) compressed with gzip.
enum SnapshotCoding {
    /// A stored snapshot larger than this once decompressed is refused (a national plan is far below it).
    static let maximumSize = 1 << 30

    static func compress(_ snapshot: PeriodSnapshot) throws -> Data {
        let text: String
        do { text = try RecordCodec.encode(snapshot) } catch { throw StoreError.database("istantanea non codificabile: \(error)") }
        var buffer = ByteBuffer(string: text)
        do {
            let compressed = try buffer.compress(with: .gzip(configuration: .init(compressionLevel: .compressionLevel6)))
            return Data(compressed.readableBytesView)
        } catch {
            throw StoreError.database("istantanea non comprimibile: \(error)")
        }
    }

    static func decompress(_ data: Data, id: String) throws -> PeriodSnapshot {
        var buffer = ByteBuffer(bytes: data)
        let plain: ByteBuffer
        do { plain = try buffer.decompress(with: .gzip(), maxSize: maximumSize) } catch {
            throw StoreError.database("l'istantanea «\(id)» non è leggibile (\(error))")
        }
        return try RecordCodec.decode(PeriodSnapshot.self, from: String(buffer: plain), table: "period_snapshots", id: id)
    }
}
