import SQLKit
import TraguardoCore

/// What writing a plan changed, table by table.
public struct PlanSaveSummary: Hashable, Sendable {
    public struct Counts: Hashable, Sendable {
        public var inserted = 0
        public var updated = 0
        public var deleted = 0

        public init(inserted: Int = 0, updated: Int = 0, deleted: Int = 0) {
            self.inserted = inserted
            self.updated = updated
            self.deleted = deleted
        }

        public var total: Int { inserted + updated + deleted }
    }

    /// By table name, only tables where something changed.
    public var tables: [String: Counts] = [:]
    /// The methodology version the plan's methodology was stored as, when it was new.
    public var newMethodologyVersion: Int?

    public var totalChanges: Int { tables.values.reduce(0) { $0 + $1.total } + (newMethodologyVersion == nil ? 0 : 1) }
}

/// Whole Ente-years: what the scoring engine, the documents and the plan file work on.
extension Store {
    /// The same Ente's other years, whole: what the checks across years (`CheckCatalogue.findings(otherYears:)`)
    /// compare the Ente-year with, for `traguardo check` and the «Verifiche» page alike.
    public func otherYears(of plan: CyclePlan) async throws(StoreError) -> [CyclePlan] {
        var plans: [CyclePlan] = []
        for other in try await cycles(entityCode: plan.entity.code) where other.year != plan.cycle.year {
            if let loaded = try await loadPlan(CycleScope(entityCode: other.entityCode, year: other.year)) {
                plans.append(loaded)
            }
        }
        return plans
    }

    /// The Ente-year as plain values, with the latest methodology version; `nil` when the cycle is not there.
    public func loadPlan(_ scope: CycleScope) async throws(StoreError) -> CyclePlan? {
        try await read { db in try await Self.load(scope, on: db) }
    }

    /// The Ente-year as stored, read on `db` (inside a write, what the transaction sees).
    /// Without `measurements` the measurements and the results of the Carta and the procedures are left out (what a
    /// plan version compares).
    static func load(_ scope: CycleScope, measurements: Bool = true, on db: any SQLDatabase) async throws -> CyclePlan? {
        guard let entity = try await Self.storedEntity(scope.entityCode, on: db)?.entity,
            let cycle = try await Self.storedCycle(scope, on: db)?.cycle
        else { return nil }
        var plan = CyclePlan(entity: entity, cycle: cycle)
        plan.units = try await RecordRows.all(OrganisationalUnit.self, scope: scope, on: db)
        plan.people = try await RecordRows.all(Person.self, scope: scope, on: db)
        plan.roles = try await RecordRows.all(RoleAssignment.self, scope: scope, on: db)
        plan.periods = try await RecordRows.all(MonitoringPeriod.self, scope: scope, on: db)
        plan.levels = try await RecordRows.all(PlanLevel.self, scope: scope, on: db)
        plan.nodes = try await RecordRows.all(PlanNode.self, scope: scope, on: db)
        plan.objectives = try await RecordRows.all(Objective.self, scope: scope, on: db)
        plan.objectiveLinks = try await RecordRows.all(ObjectiveLink.self, scope: scope, on: db)
        plan.indicators = try await RecordRows.all(Indicator.self, scope: scope, on: db)
        plan.targets = try await RecordRows.all(Target.self, scope: scope, on: db)
        plan.items = try await RecordRows.all(MeasuredItem.self, scope: scope, on: db)
        if measurements { plan.measurements = try await RecordRows.all(Measurement.self, scope: scope, on: db) }
        plan.resources = try await RecordRows.all(Resource.self, scope: scope, on: db)
        plan.accountLines = try await RecordRows.all(AccountLine.self, scope: scope, on: db)
        plan.serviceStandards = try await RecordRows.all(ServiceStandard.self, scope: scope, on: db)
        if measurements { plan.serviceResults = try await RecordRows.all(ServiceResult.self, scope: scope, on: db) }
        plan.procedures = try await RecordRows.all(MonitoredProcedure.self, scope: scope, on: db)
        if measurements { plan.procedureResults = try await RecordRows.all(ProcedureResult.self, scope: scope, on: db) }
        plan.acts = try await RecordRows.all(Act.self, scope: scope, on: db)
        plan.variations = try await RecordRows.all(PlanVariation.self, scope: scope, on: db)
        if measurements, try await Self.hasNarrativeData(on: db) {
            plan.narrativeTables = try await RecordRows.all(NarrativeTable.self, scope: scope, on: db)
            plan.subIndicators = try await RecordRows.all(SubIndicator.self, scope: scope, on: db)
        }
        plan.methodology = try await Self.storedMethodologies(scope, on: db).last?.version
        return plan
    }

    /// Makes the stored Ente-year equal to `plan`: adds what is new, updates what changed, deletes
    /// what is no longer there, each change with its audit row, all in one transaction. A plan
    /// whose references do not hold is refused whole, with every broken reference named.
    ///
    /// A methodology that differs from the stored ones becomes a new version (never an overwrite).
    ///
    /// A plan that is `bozza` is saved as it is. Once approved, every change to the plan proper is a **variazione**
    /// and needs `act` (see ``PlanApproval``): without it the save is refused with the changes named; with it the
    /// act and one variation record per changed element are added. The acts and variations already stored stay.
    /// Every save that changes the plan proper or the organisation stores a new plan version.
    ///
    /// `fingerprint`, when given, is the `PlanFingerprint` of the plan the change was made on: the stored plan is
    /// compared with it inside the same transaction that writes (the Ente-year locked meanwhile), and when another
    /// change was saved first the save is refused (`StoreError.planChanged`) and nothing is written: of two saves made
    /// on the same plan at the same time, exactly one succeeds.
    @discardableResult
    public func savePlan(_ plan: CyclePlan, actor: String, act: Act? = nil, expecting fingerprint: String? = nil)
        async throws(StoreError) -> PlanSaveSummary
    {
        try await savePlans([plan], actor: actor, act: act, expecting: fingerprint.map { [$0] })[0]
    }

    /// Saves several Ente-years (an import of a merger: the merged Ente and the three it is made of)
    /// in one transaction: all of them, or none. `act` is the act of the variations, for those already approved;
    /// `fingerprints`, when given, one per plan: see `savePlan`.
    @discardableResult
    public func savePlans(_ plans: [CyclePlan], actor: String, act: Act? = nil, expecting fingerprints: [String]? = nil)
        async throws(StoreError) -> [PlanSaveSummary]
    {
        let keepsVersions = try await checkedForSaving(plans)
        let flavor = self.flavor
        return try await write(actor: actor) { db, trail in
            try await Self.save(plans, act: act, expecting: fingerprints, keepsVersions: keepsVersions, flavor: flavor, on: db, trail: trail)
        }
    }

    /// Refuses plans whose references do not hold; says whether the database keeps plan versions.
    func checkedForSaving(_ plans: [CyclePlan]) async throws(StoreError) -> Bool {
        for plan in plans {
            let problems = PlanReferences.problems(in: plan)
            if !problems.isEmpty {
                throw .integrity("\(plan.entity.code) \(plan.cycle.year): " + problems.prefix(20).joined(separator: "; ")
                    + (problems.count > 20 ? "; … (\(problems.count) in tutto)" : ""))
            }
        }
        // A database opened without migrating (the migration tests write a plan at an older step) has no
        // plan_versions table yet: the plan is saved, its version is not.
        return try await schemaVersion() >= Migrations.planVersions.version
    }

    /// The saving of `savePlans` inside a write transaction (also the acceptance of a proposal, with its record).
    static func save(
        _ plans: [CyclePlan], act: Act?, expecting fingerprints: [String]?, keepsVersions: Bool, flavor: SQLFlavor,
        on db: any SQLDatabase, trail: AuditTrail
    ) async throws -> [PlanSaveSummary] {
        var summaries: [PlanSaveSummary] = []
        for (index, plan) in plans.enumerated() {
            let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
            try await lockCycle(scope, flavor: flavor, on: db)
            if let expected = fingerprints?[index] {
                let current = try await Self.load(scope, on: db)
                let now = current.map(PlanFingerprint.of) ?? ""
                if now != expected { throw StoreError.planChanged(current: now) }
            }
            let stored = try await Self.load(scope, measurements: false, on: db)
            let (varied, kind) = try Self.versioned(plan, stored: stored, act: act)
            summaries.append(try await Self.write(varied, on: db, trail: trail))
            if keepsVersions { try await Self.recordVersion(of: varied, kind: kind, act: act, on: db, trail: trail) }
        }
        return summaries
    }

    /// Makes the other writers of the Ente-year's plan wait until this transaction ends. SQLite: nothing to do, a write
    /// transaction (`BEGIN IMMEDIATE`) already holds the whole file; PostgreSQL: the cycle's row, locked for update
    /// (a plan not yet stored has no row: its first save inserts it, and a second insert fails on the key).
    static func lockCycle(_ scope: CycleScope, flavor: SQLFlavor, on db: any SQLDatabase) async throws {
        guard flavor == .postgres else { return }
        try await db.raw(
            "SELECT year FROM cycles WHERE entity_code = \(bind: scope.entityCode) AND year = \(bind: scope.year) FOR UPDATE"
        ).run()
    }

    static func write(_ plan: CyclePlan, on db: any SQLDatabase, trail: AuditTrail) async throws -> PlanSaveSummary {
        let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
        try await upsert(plan.entity, on: db, trail: trail)
        try await upsert(plan.cycle, on: db, trail: trail)
        var summary = PlanSaveSummary()
        let sync = TableSync(scope: scope, db: db, trail: trail)
        summary.add(try await sync.apply(plan.units))
        summary.add(try await sync.apply(plan.people))
        summary.add(try await sync.apply(plan.roles))
        summary.add(try await sync.apply(plan.periods))
        summary.add(try await sync.apply(plan.levels))
        summary.add(try await sync.apply(plan.acts))
        summary.add(try await sync.apply(plan.nodes))
        summary.add(try await sync.apply(plan.objectives))
        summary.add(try await sync.apply(plan.objectiveLinks))
        summary.add(try await sync.apply(plan.indicators))
        summary.add(try await sync.apply(plan.targets))
        summary.add(try await sync.apply(plan.items))
        summary.add(try await sync.apply(plan.measurements))
        summary.add(try await sync.apply(plan.resources))
        summary.add(try await sync.apply(plan.accountLines))
        summary.add(try await sync.apply(plan.serviceStandards))
        summary.add(try await sync.apply(plan.serviceResults))
        summary.add(try await sync.apply(plan.procedures))
        summary.add(try await sync.apply(plan.procedureResults))
        summary.add(try await sync.apply(plan.variations))
        if try await hasNarrativeData(on: db) {
            summary.add(try await sync.apply(plan.narrativeTables))
            summary.add(try await sync.apply(plan.subIndicators))
        }
        if let methodology = plan.methodology {
            summary.newMethodologyVersion = try await storeIfNew(methodology, scope: scope, on: db, trail: trail)
        }
        return summary
    }

    /// Stores the methodology unless an equal one is already the latest; returns the version used.
    private static func storeIfNew(_ methodology: MethodologyVersion, scope: CycleScope, on db: any SQLDatabase, trail: AuditTrail)
        async throws -> Int?
    {
        let stored = try await storedMethodologies(scope, on: db)
        var candidate = methodology
        candidate.entityCode = scope.entityCode
        candidate.year = scope.year
        if let same = stored.first(where: { $0.version.version == candidate.version }), same.version == candidate {
            return nil
        }
        if let latest = stored.last?.version, latest.rules == candidate.rules, latest.adoptedByActID == candidate.adoptedByActID {
            return nil
        }
        if stored.contains(where: { $0.version.version == candidate.version }) {
            candidate.version = (stored.map(\.version.version).max() ?? 0) + 1
        }
        try await insertMethodology(candidate, on: db, trail: trail)
        return candidate.version
    }
}

extension PlanSaveSummary {
    mutating func add(_ change: (table: String, counts: Counts)) {
        if change.counts.total > 0 { tables[change.table] = change.counts }
    }
}

/// Brings one table of an Ente-year to a given list of records.
struct TableSync: Sendable {
    let scope: CycleScope
    let db: any SQLDatabase
    let trail: AuditTrail

    func apply<R: StoredRecord>(_ records: [R]) async throws -> (table: String, counts: PlanSaveSummary.Counts) {
        let table = R.table
        var stored = try await RecordRows.stored(in: table, scope: scope, on: db)
        var counts = PlanSaveSummary.Counts()
        var inserts: [RecordRow] = []
        var audit: [AuditRecord] = []
        var seen = Set<String>()
        for (position, record) in records.enumerated() {
            guard seen.insert(record.id).inserted else {
                throw StoreError.integrity("\(table.label): l'identificativo «\(record.id)» compare più volte")
            }
            let row = try RecordRow(record, position: position)
            if let old = stored.removeValue(forKey: record.id) {
                if old.data != row.data {
                    try await RecordRows.update(row, in: table, scope: scope, on: db)
                    audit.append(AuditRecord(
                        action: .update, table: table.name, scope: scope, recordID: row.id, before: old.data, after: row.data))
                    counts.updated += 1
                } else if old.position != position {
                    try await RecordRows.setPosition(position, id: row.id, in: table, scope: scope, on: db)
                }
            } else {
                inserts.append(row)
                audit.append(AuditRecord(
                    action: .insert, table: table.name, scope: scope, recordID: row.id, before: nil, after: row.data))
                counts.inserted += 1
            }
        }
        try await RecordRows.insert(inserts, into: table, scope: scope, on: db)
        let gone = stored.keys.sorted()
        if table.inColumns { try await AuditWriter.keepInsertions(of: gone, scope: scope, on: db) }
        try await RecordRows.delete(ids: gone, from: table, scope: scope, on: db)
        for id in gone {
            audit.append(AuditRecord(action: .delete, table: table.name, scope: scope, recordID: id, before: stored[id]?.data, after: nil))
        }
        counts.deleted = gone.count
        await trail.add(contentsOf: audit)
        return (table.name, counts)
    }
}
