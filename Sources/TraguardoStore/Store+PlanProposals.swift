import Foundation
import SQLKit
import TraguardoCore

/// The changes dirigenti propose to their own area of the plan (`PlanProposal`), and the controller's decision:
/// each proposal one row of `plan_proposals` and one audit row when made, one when decided; an acceptance saves the
/// edited plan in the same transaction (`savePlan`'s path, with its act and its fingerprint check).
extension Store {
    /// Stores a new proposal (pending, made now); returns it with its number.
    @discardableResult
    public func addPlanProposal(_ proposal: PlanProposal, actor: String) async throws(StoreError) -> PlanProposal {
        let scope = CycleScope(entityCode: proposal.entityCode, year: proposal.year)
        return try await write(actor: actor) { db, trail in
            guard try await Self.storedCycle(scope, on: db) != nil else { throw StoreError.notFound(table: "cycles", id: "\(scope)") }
            var stored = proposal
            stored.id = 0
            stored.status = .pending
            stored.proposedAt = trail.at
            guard let row = try await db.insert(into: "plan_proposals")
                .columns("entity_code", "year", "status", "proposed_by", "proposed_at", "data")
                .values(
                    SQLBind(scope.entityCode), SQLBind(scope.year), SQLBind(stored.status.rawValue), SQLBind(stored.proposedBy),
                    SQLBind(Timestamp.format(stored.proposedAt)), SQLBind(try RecordCodec.encode(stored)))
                .returning("id").first()
            else { throw StoreError.database("il database non ha restituito il numero della proposta") }
            stored.id = Int(try row.decode(column: "id", as: Int64.self))
            let data = try RecordCodec.encode(stored)
            try await db.update("plan_proposals").set("data", to: SQLBind(data)).where("id", .equal, SQLBind(stored.id)).run()
            await trail.add(AuditRecord(
                action: .insert, table: "plan_proposals", scope: scope, recordID: String(stored.id), before: nil, after: data))
            return stored
        }
    }

    /// The proposals of the Ente-year (only those with `status`, of `proposedBy` when given), newest first.
    public func planProposals(
        in scope: CycleScope, status: PlanProposal.Status? = nil, proposedBy: String? = nil
    ) async throws(StoreError) -> [PlanProposal] {
        try await read { db in
            let select = db.select().columns("id", "data").from("plan_proposals")
                .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            if let status { select.where("status", .equal, SQLBind(status.rawValue)) }
            if let proposedBy { select.where("proposed_by", .equal, SQLBind(proposedBy)) }
            return try await select.orderBy("id", .descending).limit(1_000).all().map(Self.proposal)
        }
    }

    /// One proposal of the Ente-year by its number.
    public func planProposal(_ id: Int, in scope: CycleScope) async throws(StoreError) -> PlanProposal? {
        try await read { db in try await Self.storedProposal(id, in: scope, on: db) }
    }

    /// Refuses a pending proposal with the reason (`PlanProposalRule.mayDecide`: not its author, not twice).
    @discardableResult
    public func refusePlanProposal(_ id: Int, in scope: CycleScope, reason: String, actor: String) async throws(StoreError)
        -> PlanProposal
    {
        let flavor = self.flavor
        return try await write(actor: actor) { db, trail in
            try await Self.lockCycle(scope, flavor: flavor, on: db)
            return try await Self.decide(id, in: scope, status: .refused, reason: reason, actor: actor, on: db, trail: trail)
        }
    }

    /// Accepts a pending proposal: `edited` (the proposal applied to the plan whose fingerprint is `fingerprint`, by
    /// `PlanProposalRule.accept`) is saved as `savePlan` saves the controller's own edits (with `act` on an approved
    /// plan, refused when the plan changed since `fingerprint`), and the proposal marked accepted, in one transaction.
    @discardableResult
    public func acceptPlanProposal(
        _ id: Int, edited: CyclePlan, expecting fingerprint: String, act: Act?, actor: String
    ) async throws(StoreError) -> (PlanProposal, PlanSaveSummary) {
        let scope = CycleScope(entityCode: edited.entity.code, year: edited.cycle.year)
        let keepsVersions = try await checkedForSaving([edited])
        let flavor = self.flavor
        return try await write(actor: actor) { db, trail in
            try await Self.lockCycle(scope, flavor: flavor, on: db)
            let decided = try await Self.decide(id, in: scope, status: .accepted, reason: nil, actor: actor, on: db, trail: trail)
            let summary = try await Self.save(
                [edited], act: act, expecting: [fingerprint], keepsVersions: keepsVersions, flavor: flavor, on: db, trail: trail)[0]
            return (decided, summary)
        }
    }

    static func decide(
        _ id: Int, in scope: CycleScope, status: PlanProposal.Status, reason: String?, actor: String,
        on db: any SQLDatabase, trail: AuditTrail
    ) async throws -> PlanProposal {
        guard let stored = try await storedProposal(id, in: scope, on: db) else {
            throw StoreError.notFound(table: "plan_proposals", id: String(id))
        }
        if let refusal = PlanProposalRule.mayDecide(stored, by: actor) { throw StoreError.integrity(refusal.description) }
        var decided = stored
        decided.status = status
        decided.decidedBy = actor
        decided.decidedAt = trail.at
        decided.reason = reason
        let before = try RecordCodec.encode(stored), after = try RecordCodec.encode(decided)
        try await db.update("plan_proposals").set("status", to: SQLBind(status.rawValue)).set("data", to: SQLBind(after))
            .where("id", .equal, SQLBind(id)).where("status", .equal, SQLBind(PlanProposal.Status.pending.rawValue)).run()
        await trail.add(AuditRecord(
            action: .update, table: "plan_proposals", scope: scope, recordID: String(id), before: before, after: after))
        return decided
    }

    static func storedProposal(_ id: Int, in scope: CycleScope, on db: any SQLDatabase) async throws -> PlanProposal? {
        try await db.select().columns("id", "data").from("plan_proposals")
            .where("id", .equal, SQLBind(id))
            .where("entity_code", .equal, SQLBind(scope.entityCode)).where("year", .equal, SQLBind(scope.year))
            .first().map(proposal)
    }

    static func proposal(_ row: any SQLRow) throws -> PlanProposal {
        let id = try row.decode(column: "id", as: Int64.self)
        var proposal = try RecordCodec.decode(
            PlanProposal.self, from: try row.decode(column: "data", as: String.self), table: "plan_proposals", id: String(id))
        proposal.id = Int(id)
        return proposal
    }
}
