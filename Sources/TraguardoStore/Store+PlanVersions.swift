import Foundation
import SQLKit
import TraguardoCore

/// The versions of an Ente-year's plan: approval with its act, variations citing theirs, every version kept
/// (migration 18) for the comparison between versions and each element's history.
extension Store {
    /// Approves the Ente-year's plan with `citation` («Delibera di Consiglio n. 12 del 20/12/2018», or the code of an
    /// act the plan has): the act and the approval are recorded, and a version of kind `approvazione`. Refused when
    /// the plan is missing, already approved or the act is unreadable; nothing is written then.
    @discardableResult
    public func approvePlan(_ scope: CycleScope, act citation: String, actor: String) async throws(StoreError) -> Act {
        try await write(actor: actor) { db, trail in
            guard let stored = try await Self.load(scope, measurements: false, on: db) else {
                throw StoreError.notFound(table: "cycles", id: "\(scope.entityCode) \(scope.year)")
            }
            let act: Act
            switch ActCitation.act(citation, in: stored, subject: "Approvazione del piano \(scope.year)") {
            case .success(let found): act = found
            case .failure(let error): throw StoreError.integrity(error.description)
            }
            let approved: CyclePlan
            switch PlanApproval.approve(stored, by: act) {
            case .success(let plan): approved = plan
            case .failure(let error): throw StoreError.integrity(error.description)
            }
            let sync = TableSync(scope: scope, db: db, trail: trail)
            _ = try await sync.apply(approved.acts)
            _ = try await sync.apply(approved.variations)
            try await Self.recordVersion(of: approved, kind: .approval, act: act, on: db, trail: trail)
            return act
        }
    }

    /// The versions of the Ente-year, oldest first, without their plans.
    public func planVersions(_ scope: CycleScope) async throws(StoreError) -> [PlanVersion] {
        try await read { db in
            try await db.select().columns("version", "at", "actor", "kind", "act_label").from("plan_versions")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .orderBy("version").all()
                .map { try Self.version(from: $0, plan: nil) }
        }
    }

    /// One version with its plan; nil when there is no such version.
    public func planVersion(_ scope: CycleScope, number: Int) async throws(StoreError) -> PlanVersion? {
        try await read { db in
            guard let row = try await db.select().columns("version", "at", "actor", "kind", "act_label", "data").from("plan_versions")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
                .where("version", .equal, SQLBind(number)).first()
            else { return nil }
            let data = try row.decode(column: "data", as: String.self)
            let plan = try RecordCodec.decode(CyclePlan.self, from: data, table: "plan_versions", id: "\(scope.entityCode)/\(scope.year)/v\(number)")
            return try Self.version(from: row, plan: plan)
        }
    }

    /// The history of one element (or of what hangs under the node `elementID`): at most the last
    /// `maximumVersions` versions are read.
    public func elementHistory(_ scope: CycleScope, elementID: String, maximumVersions: Int = 200) async throws(StoreError) -> [ElementHistoryEntry] {
        let numbers = try await planVersions(scope).map(\.number).suffix(maximumVersions)
        var versions: [PlanVersion] = []
        for number in numbers {
            if let version = try await planVersion(scope, number: number) { versions.append(version) }
        }
        return PlanHistory.of(elementID, in: versions)
    }

    /// `plan` as it will be stored over `stored`, and the kind of version it makes. On an approved plan a variation
    /// needs `act` (else the save is refused, naming the changes); the acts and variations already stored are kept.
    static func versioned(_ plan: CyclePlan, stored: CyclePlan?, act: Act?) throws -> (CyclePlan, PlanVersionKind) {
        guard let stored, let approving = PlanApproval.approvingAct(of: stored) else {
            return (plan, PlanApproval.state(of: plan) == .approved ? .approval : .draft)
        }
        var kept = plan
        let nodes = Set(plan.nodes.map(\.id))
        for old in stored.acts where !kept.acts.contains(where: { $0.id == old.id }) { kept.acts.append(old) }
        for old in stored.variations where !kept.variations.contains(where: { $0.id == old.id }) {
            var variation = old
            if let node = variation.nodeID, !nodes.contains(node) { variation.nodeID = nil }
            kept.variations.append(variation)
        }
        let variations = PlanDiff.variations(from: stored, to: kept)
        guard !variations.isEmpty else { return (kept, .update) }
        guard var act else {
            throw StoreError.integrity(PlanApprovalError.variationWithoutAct(
                stored.entity.code, stored.cycle.year, approvedBy: approving.label, changes: variations.map(\.summary)).description)
        }
        act.entityCode = stored.entity.code
        if let same = kept.acts.first(where: { $0.id == act.id || $0.label == act.label }) { act = same }
        return (PlanApproval.vary(from: stored, to: kept, by: act), .variation)
    }

    /// Stores a new version of the plan unless its content equals the latest version's.
    static func recordVersion(of plan: CyclePlan, kind: PlanVersionKind, act: Act?, on db: any SQLDatabase, trail: AuditTrail) async throws {
        let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
        let data = try RecordCodec.encode(PlanVersion.content(of: plan))
        let latest = try await db.select().columns("version", "data").from("plan_versions")
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            .orderBy("version", .descending).limit(1).first()
        if let latest, try latest.decode(column: "data", as: String.self) == data { return }
        let number = (try latest?.decode(column: "version", as: Int.self) ?? 0) + 1
        let label = kind == .variation || kind == .approval ? (act ?? PlanApproval.approvingAct(of: plan))?.label : nil
        try await db.insert(into: "plan_versions").columns("entity_code", "year", "version", "at", "actor", "kind", "act_label", "data")
            .values(SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(number), SQLBind(Timestamp.format(trail.at)),
                    SQLBind(trail.actor), SQLBind(kind.rawValue), SQLValue.optional(label), SQLBind(data)).run()
    }

    private static func version(from row: any SQLRow, plan: CyclePlan?) throws -> PlanVersion {
        PlanVersion(
            number: try row.decode(column: "version", as: Int.self),
            at: Timestamp.parse(try row.decode(column: "at", as: String.self)) ?? Date(timeIntervalSince1970: 0),
            actor: try row.decode(column: "actor", as: String.self),
            kind: PlanVersionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .draft,
            actLabel: try row.decode(column: "act_label", as: String?.self), plan: plan)
    }
}
