import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// A plan save made on a fingerprint checks it in its own transaction (of two concurrent saves on the same plan, one
/// wins); a dirigente's proposals are stored, listed, decided once by someone else, and an acceptance saves the plan
/// with the decision in one transaction.
@Suite("Piano: salvataggio con impronta atomico, proposte dei dirigenti")
struct PlanProposalStorageTests {
    static let scope = CycleScope(entityCode: SamplePlan.entityCode, year: SamplePlan.year)

    /// The error of a save, nil when it succeeded.
    static func attempt(_ body: @Sendable () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let error as StoreError {
            if case .planChanged = error { return "impronta: " + error.description }
            return "altro: " + error.description
        } catch {
            return "altro: \(error)"
        }
    }

    @Test(arguments: TestBackend.allCases)
    func twoSavesOnTheSameFingerprintAtOnceOneWins(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.savePlan(SamplePlan.make(), actor: "test")
            for round in 1...3 {
                let stored = try #require(try await store.loadPlan(Self.scope))
                let fingerprint = PlanFingerprint.of(stored)
                var first = stored, second = stored
                first.nodes[0].title = "Primo \(round)"
                second.nodes[0].title = "Secondo \(round)"
                let auditBefore = try await store.auditLog(AuditQuery(table: "plan_nodes", limit: 10_000)).count
                async let one = Self.attempt { [first] in try await store.savePlan(first, actor: "uno", expecting: fingerprint) }
                async let two = Self.attempt { [second] in try await store.savePlan(second, actor: "due", expecting: fingerprint) }
                let results = await [one, two]
                #expect(results.filter { $0 == nil }.count == 1, "\(results)")
                let refused = try #require(results.compactMap { $0 }.first)
                #expect(refused.hasPrefix("impronta: Il piano è cambiato nel frattempo"), "\(refused)")
                let title = try #require(try await store.loadPlan(Self.scope)?.nodes[0].title)
                #expect(title == (results[0] == nil ? "Primo \(round)" : "Secondo \(round)"))
                #expect(try await store.auditLog(AuditQuery(table: "plan_nodes", limit: 10_000)).count == auditBefore + 1)
            }
            // An old fingerprint: refused, nothing written.
            let before = try #require(try await store.loadPlan(Self.scope))
            var late = before
            late.nodes[0].title = "Tardi"
            let error = await Self.attempt { [late] in try await store.savePlan(late, actor: "tre", expecting: "0000-0000-0000-0000") }
            #expect(error?.contains("Impronta del piano ora: \(PlanFingerprint.of(before))") == true)
            #expect(try await store.loadPlan(Self.scope) == before)
        }
    }

    static func proposal(on plan: CyclePlan, title: String, by who: String = "dirigente.ri") throws -> (PlanProposal, CyclePlan) {
        let area = PlanArea(heading: try #require(plan.unit(named: "RI")), in: plan)
        let edit = PlanEdit(.indicator, .update, id: "G1/I1", fields: ["nome": title])
        let (outcome, baseline) = try PlanProposalRule.check(edit, on: plan, area: area).get()
        return (PlanProposal(
            entityCode: plan.entity.code, year: plan.cycle.year, edit: edit, summary: outcome.summary, proposedBy: who, unitID: "RI",
            proposedAt: Date(), fingerprint: PlanFingerprint.of(plan), baseline: baseline, note: "Nome più chiaro"), outcome.plan)
    }

    @Test(arguments: TestBackend.allCases)
    func proposalsAreStoredAndDecidedOnceBySomeoneElse(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.savePlan(SamplePlan.make(), actor: "test")
            let plan = try #require(try await store.loadPlan(Self.scope))
            let (made, edited) = try Self.proposal(on: plan, title: "Tempo medio di evasione")
            let first = try await store.addPlanProposal(made, actor: "dirigente.ri")
            #expect(first.id > 0)
            #expect(first.status == .pending)
            #expect(try await store.planProposals(in: Self.scope, status: .pending).map(\.id) == [first.id])
            #expect(try await store.planProposals(in: Self.scope, proposedBy: "altro").isEmpty)
            #expect(try await store.planProposal(first.id, in: Self.scope)?.note == "Nome più chiaro")
            // The plan is as it was: a proposal changes nothing until accepted.
            #expect(try await store.loadPlan(Self.scope) == plan)
            // Its author neither accepts nor refuses it.
            let own = await storeError {
                try await store.acceptPlanProposal(first.id, edited: edited, expecting: PlanFingerprint.of(plan), act: nil, actor: "dirigente.ri")
            }
            #expect(own?.description.contains("Nessuno accetta o rifiuta una propria proposta") == true)
            #expect(try await store.loadPlan(Self.scope) == plan)
            // Accepted: the plan saved and the proposal marked, one audit row for the decision.
            let (accepted, summary) = try await store.acceptPlanProposal(
                first.id, edited: edited, expecting: PlanFingerprint.of(plan), act: nil, actor: "controllo")
            #expect(accepted.status == .accepted)
            #expect(accepted.decidedBy == "controllo")
            #expect(summary.tables["indicators"]?.updated == 1)
            #expect(try await store.loadPlan(Self.scope)?.indicators.first { $0.id == "G1/I1" }?.name == "Tempo medio di evasione")
            let audit = try await store.auditLog(AuditQuery(table: "plan_proposals", recordID: String(first.id)))
            #expect(audit.map(\.action) == [.update, .insert])
            #expect(audit.map(\.actor) == ["controllo", "dirigente.ri"])
            // Decided once.
            let again = await storeError { try await store.refusePlanProposal(first.id, in: Self.scope, reason: "No", actor: "controllo") }
            #expect(again?.description.contains("La proposta è già stata accettata") == true)

            // A second one, refused with its reason.
            let current = try #require(try await store.loadPlan(Self.scope))
            let second = try await store.addPlanProposal(try Self.proposal(on: current, title: "Tempo").0, actor: "dirigente.ri")
            let refused = try await store.refusePlanProposal(second.id, in: Self.scope, reason: "Troppo generico", actor: "controllo")
            #expect(refused.status == .refused)
            #expect(try await store.planProposals(in: Self.scope, proposedBy: "dirigente.ri").map { $0.reason } == ["Troppo generico", nil])

            // A third one, accepted on a plan that changed since: nothing written, still pending.
            let (third, thirdEdited) = try Self.proposal(on: current, title: "Giorni")
            let pending = try await store.addPlanProposal(third, actor: "dirigente.ri")
            var other = current
            other.nodes[0].title = "Cambiato"
            try await store.savePlan(other, actor: "controllo")
            let stale = await storeError {
                try await store.acceptPlanProposal(
                    pending.id, edited: thirdEdited, expecting: PlanFingerprint.of(current), act: nil, actor: "controllo")
            }
            #expect(stale?.description.contains("Il piano è cambiato nel frattempo") == true)
            #expect(try await store.planProposal(pending.id, in: Self.scope)?.status == .pending)
            #expect(try await store.loadPlan(Self.scope)?.nodes[0].title == "Cambiato")
        }
    }
}
