import SQLKit
import TraguardoCore

/// Enti, cycles (Ente-years) and methodology versions.
extension Store {
    public func entities() async throws(StoreError) -> [Entity] {
        try await read { db in
            try await HeadingRow<Entity>.all(in: "entities", keyColumns: ["code"], on: db) { try $0.decode(column: "code", as: String.self) }
        }
    }

    public func entity(_ code: String) async throws(StoreError) -> Entity? {
        try await read { db in try await Self.storedEntity(code, on: db)?.entity }
    }

    /// Adds the Ente, or updates it when its code is already there.
    public func save(_ entity: Entity, actor: String) async throws(StoreError) {
        try await write(actor: actor) { db, trail in
            try await Self.upsert(entity, on: db, trail: trail)
        }
    }

    /// Deletes an Ente that has no cycles left.
    public func deleteEntity(_ code: String, actor: String) async throws(StoreError) {
        try await write(actor: actor) { db, trail in
            guard let stored = try await Self.storedEntity(code, on: db) else {
                throw StoreError.notFound(table: "entities", id: code)
            }
            let years = try await db.select().column("year").from("cycles")
                .where("entity_code", .equal, SQLBind(code)).all().map { try $0.decode(column: "year", as: Int.self) }
            if !years.isEmpty {
                throw StoreError.integrity(
                    "l'Ente «\(code)» ha ancora i cicli \(years.sorted().map(String.init).joined(separator: ", ")); eliminarli prima")
            }
            try await db.delete(from: "entities").where("code", .equal, SQLBind(code)).run()
            await trail.add(AuditRecord(
                action: .delete, table: "entities", scope: nil, recordID: code, before: stored.data, after: nil))
        }
    }

    /// The cycles of one Ente, or of all, by Ente and year.
    public func cycles(entityCode: String? = nil) async throws(StoreError) -> [Cycle] {
        try await read { db in
            try await HeadingRow<Cycle>.all(in: "cycles", keyColumns: ["entity_code", "year"], where: entityCode, on: db) {
                "\(try $0.decode(column: "entity_code", as: String.self))/\(try $0.decode(column: "year", as: Int.self))"
            }
        }
    }

    public func cycle(_ scope: CycleScope) async throws(StoreError) -> Cycle? {
        try await read { db in try await Self.storedCycle(scope, on: db)?.cycle }
    }

    /// Adds the cycle, or updates it. Its Ente must exist.
    public func save(_ cycle: Cycle, actor: String) async throws(StoreError) {
        try await write(actor: actor) { db, trail in
            try await Self.upsert(cycle, on: db, trail: trail)
        }
    }

    /// Deletes a cycle and everything in it, each record with its audit row.
    public func deleteCycle(_ scope: CycleScope, actor: String) async throws(StoreError) {
        let hasProposals = try await schemaVersion() >= Migrations.planProposals.version
        try await write(actor: actor) { db, trail in
            guard let stored = try await Self.storedCycle(scope, on: db) else {
                throw StoreError.notFound(table: "cycles", id: "\(scope)")
            }
            for table in StoredRecords.tables.reversed() {
                let rows = try await RecordRows.stored(in: table, scope: scope, on: db)
                if table.inColumns { try await AuditWriter.keepInsertions(of: rows.keys.sorted(), scope: scope, on: db) }
                try await RecordRows.delete(ids: Array(rows.keys), from: table, scope: scope, on: db)
                await trail.add(contentsOf: rows.keys.sorted().map {
                    AuditRecord(action: .delete, table: table.name, scope: scope, recordID: $0, before: rows[$0]?.data, after: nil)
                })
            }
            for version in try await Self.storedMethodologies(scope, on: db) {
                await trail.add(AuditRecord(
                    action: .delete, table: "methodology_versions", scope: scope, recordID: version.version.id,
                    before: version.data, after: nil))
            }
            try await db.delete(from: "check_acknowledgements")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year)).run()
            try await db.delete(from: "plan_versions")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year)).run()
            if hasProposals {
                try await db.delete(from: "plan_proposals")
                    .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year)).run()
            }
            try await db.delete(from: "score_results")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year)).run()
            try await db.delete(from: "methodology_versions")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year)).run()
            try await db.delete(from: "cycles")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year)).run()
            await trail.add(AuditRecord(
                action: .delete, table: "cycles", scope: scope, recordID: "\(scope.entityCode)/\(scope.year)",
                before: stored.data, after: nil))
        }
    }

    /// Every version of the Ente-year's methodology, oldest first.
    public func methodologyVersions(in scope: CycleScope) async throws(StoreError) -> [MethodologyVersion] {
        try await read { db in try await Self.storedMethodologies(scope, on: db).map(\.version) }
    }

    /// Adds a methodology version. Versions are never overwritten: an existing number is refused.
    public func add(_ methodology: MethodologyVersion, actor: String) async throws(StoreError) {
        try await write(actor: actor) { db, trail in
            let scope = CycleScope(entityCode: methodology.entityCode, year: methodology.year)
            try await Self.requireCycle(scope, on: db)
            let existing = try await Self.storedMethodologies(scope, on: db)
            if existing.contains(where: { $0.version.version == methodology.version }) {
                throw StoreError.duplicate(table: "methodology_versions", id: methodology.id)
            }
            try await Self.insertMethodology(methodology, on: db, trail: trail)
        }
    }

    // MARK: Shared by the plan writer

    static func storedEntity(_ code: String, on db: any SQLDatabase) async throws -> (entity: Entity, data: String)? {
        try await HeadingRow(entity: code).stored(on: db).map { (entity: $0.record, data: $0.data) }
    }

    static func storedCycle(_ scope: CycleScope, on db: any SQLDatabase) async throws -> (cycle: Cycle, data: String)? {
        try await HeadingRow(cycle: scope).stored(on: db).map { (cycle: $0.record, data: $0.data) }
    }

    static func storedMethodologies(_ scope: CycleScope, on db: any SQLDatabase) async throws
        -> [(version: MethodologyVersion, data: String)]
    {
        try await db.select().columns("version", "data").from("methodology_versions")
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            .orderBy("version").all().map {
                let data = try $0.decode(column: "data", as: String.self)
                return (try RecordCodec.decode(MethodologyVersion.self, from: data, table: "methodology_versions", id: "\(scope)"), data)
            }
    }

    static func upsert(_ entity: Entity, on db: any SQLDatabase, trail: AuditTrail) async throws {
        try await HeadingRow(entity: entity.code).upsert(entity, on: db, trail: trail)
    }

    static func upsert(_ cycle: Cycle, on db: any SQLDatabase, trail: AuditTrail) async throws {
        let scope = CycleScope(entityCode: cycle.entityCode, year: cycle.year)
        if try await storedEntity(cycle.entityCode, on: db) == nil {
            throw StoreError.integrity("il ciclo \(scope) è di un Ente che non esiste («\(cycle.entityCode)»)")
        }
        try await HeadingRow(cycle: scope).upsert(cycle, on: db, trail: trail)
    }

    static func insertMethodology(_ methodology: MethodologyVersion, on db: any SQLDatabase, trail: AuditTrail) async throws {
        let data = try RecordCodec.encode(methodology)
        try await db.insert(into: "methodology_versions").columns("entity_code", "year", "version", "data")
            .values(
                SQLBind(methodology.entityCode), SQLBind(methodology.year), SQLBind(methodology.version), SQLBind(data))
            .run()
        await trail.add(AuditRecord(
            action: .insert, table: "methodology_versions",
            scope: CycleScope(entityCode: methodology.entityCode, year: methodology.year), recordID: methodology.id,
            before: nil, after: data))
    }
}
