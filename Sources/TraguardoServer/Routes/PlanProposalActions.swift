import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// A dirigente's proposal of a change to his area, and the controller's acceptance or refusal: one path for the
/// pages (`PlanEditorRoutes`, `PlanProposalRoutes`) and `/api/v1`. The rules are the core's (`PlanProposalRule`);
/// an acceptance saves through the editor's own path (`PlanEditSaving`: the act of an approved plan, the plan's
/// fingerprint checked in the save's transaction).
enum PlanProposalActions {
    /// Why nothing was done: the field it belongs beside (`""`: the proposal as a whole), the Italian sentence, the status.
    struct Problem: Error {
        var field: String
        var message: String
        var status: HTTPResponse.Status
    }

    /// Stores `edit` as a proposal of `user` on `plan` (the plan as stored now) after the editor's validation and the
    /// area's check. The errors of the edit come back by field (422).
    static func propose(_ edit: PlanEdit, note: String?, on plan: CyclePlan, user: SignedInUser, store: Store) async throws
        -> Result<PlanProposal, PlanEditErrors>
    {
        guard let area = Permission.proposalArea(of: user, in: plan) else {
            return .failure(PlanEditErrors([PlanEditError(field: "", message: noArea(user))]))
        }
        let checkedNote: String?
        switch PlanProposalRule.note(note) {
        case .success(let text): checkedNote = text
        case .failure(let error): return .failure(PlanEditErrors([error]))
        }
        switch PlanProposalRule.check(edit, on: plan, area: area) {
        case .failure(.invalid(let errors)): return .failure(PlanEditErrors(errors.errors))
        case .failure(let refusal): return .failure(PlanEditErrors([PlanEditError(field: "", message: refusal.description)]))
        case .success((let outcome, let baseline)):
            let proposal = PlanProposal(
                entityCode: plan.entity.code, year: plan.cycle.year, edit: edit, summary: outcome.summary, proposedBy: user.username,
                unitID: area.head.id, proposedAt: Date(), fingerprint: PlanFingerprint.of(plan), baseline: baseline, note: checkedNote)
            return .success(try await store.addPlanProposal(proposal, actor: user.username))
        }
    }

    static func noArea(_ user: SignedInUser) -> String {
        "Il tuo utente non ha un'unità in questo piano (unità «\(user.account.unitCode ?? "")», Ente «\(user.account.entityCode ?? "")»): "
            + "non c'è un'area a cui proporre modifiche."
    }

    /// The pending proposal `id` of the Ente-year, which `user` may decide.
    static func decidable(_ id: Int, in scope: CycleScope, user: SignedInUser, store: Store) async throws -> Result<PlanProposal, Problem> {
        guard let proposal = try await store.planProposal(id, in: scope) else {
            return .failure(Problem(field: "", message: "Nessuna proposta n. \(id) per \(scope.entityCode) \(scope.year).", status: .notFound))
        }
        switch PlanProposalRule.mayDecide(proposal, by: user.username) {
        case .ownProposal: return .failure(Problem(field: "", message: PlanProposalRule.Refusal.ownProposal.description, status: .forbidden))
        case .some(let refusal): return .failure(Problem(field: "", message: refusal.description, status: .conflict))
        case nil: return .success(proposal)
        }
    }

    /// Refuses the proposal with the reason.
    static func refuse(_ id: Int, reason: String?, in scope: CycleScope, user: SignedInUser, store: Store) async throws
        -> Result<PlanProposal, Problem>
    {
        let text: String
        switch PlanProposalRule.reason(reason) {
        case .success(let checked): text = checked
        case .failure(let error): return .failure(Problem(field: error.field, message: error.message, status: .unprocessableContent))
        }
        if case .failure(let problem) = try await decidable(id, in: scope, user: user, store: store) { return .failure(problem) }
        return .success(try await store.refusePlanProposal(id, in: scope, reason: text, actor: user.username))
    }

    /// Accepts the proposal: applied to the plan as stored now and saved as the controller's own edit (with the act
    /// typed when the plan is approved). A proposal that no longer applies to the plan (`PlanProposalRule.accept`)
    /// is refused with the reason, and the answer is 409 with it.
    static func accept(_ id: Int, actText: String?, in scope: CycleScope, user: SignedInUser, store: Store) async throws
        -> Result<(proposal: PlanProposal, outcome: PlanEditOutcome, saved: PlanSaveSummary), Problem>
    {
        let proposal: PlanProposal
        switch try await decidable(id, in: scope, user: user, store: store) {
        case .failure(let problem): return .failure(problem)
        case .success(let found): proposal = found
        }
        guard let current = try await store.loadPlan(scope) else {
            return .failure(Problem(field: "", message: "Nessun ciclo \(scope.year) per l'Ente «\(scope.entityCode)».", status: .notFound))
        }
        let act: Act?
        switch PlanEditSaving.act(actText, on: current) {
        case .success(let cited): act = cited
        case .failure(.act(let message)), .failure(.changedMeanwhile(let message)):
            return .failure(Problem(field: FormFields.Proposta.act, message: message, status: .unprocessableContent))
        }
        switch PlanProposalRule.accept(proposal, by: user.username, on: current) {
        case .failure(let refusal) where refusal.isStale:
            try await store.refusePlanProposal(id, in: scope, reason: refusal.description, actor: user.username)
            return .failure(Problem(field: "", message: refusal.description, status: .conflict))
        case .failure(let refusal):
            return .failure(Problem(field: "", message: refusal.description, status: .unprocessableContent))
        case .success(let outcome):
            let saved = try await PlanEditSaving.saving(drawnFrom: current, act: act) { () async throws(StoreError) -> (PlanProposal, PlanSaveSummary) in
                try await store.acceptPlanProposal(
                    id, edited: outcome.plan, expecting: PlanFingerprint.of(current), act: act, actor: user.username)
            }
            switch saved {
            case .failure(.act(let message)): return .failure(Problem(field: FormFields.Proposta.act, message: message, status: .unprocessableContent))
            case .failure(.changedMeanwhile(let message)): return .failure(Problem(field: "", message: message, status: .conflict))
            case .success(let (decided, summary)): return .success((decided, outcome, summary))
            }
        }
    }
}
