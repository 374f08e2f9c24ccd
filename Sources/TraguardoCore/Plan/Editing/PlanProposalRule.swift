import Foundation

/// What a dirigente may propose and what the controller may accept: a proposal is an edit (`PlanEditor.apply`,
/// the editor's own validation) that changes only the proposer's area (`PlanArea.outside`); it is accepted by
/// someone else than its author, while still pending, and only if it still applies to the plan as it is now:
/// either the plan has not changed since (same `PlanFingerprint`), or the elements the edit changes are still as
/// the proposer saw them (same `baseline`) and the edit is still valid. Otherwise it is refused with the reason.
public enum PlanProposalRule {
    /// Why a proposal cannot be made or accepted, in Italian.
    public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        case invalid(PlanEditErrors.Wrapped)
        case outsideArea([String])
        case ownProposal
        case alreadyDecided(PlanProposal.Status)
        case noArea(String)
        case noLongerApplies(made: String, now: String, detail: String)

        public var description: String {
            switch self {
            case .invalid(let errors): return errors.text
            case .outsideArea(let problems): return "La proposta esce dalla tua area: " + problems.joined(separator: "; ") + "."
            case .ownProposal: return "Nessuno accetta o rifiuta una propria proposta: la decide un altro utente del controllo di gestione."
            case .alreadyDecided(let status): return "La proposta è già stata \(status.label): non si decide una seconda volta."
            case .noArea(let unit):
                return "L'unità «\(unit)» di chi ha fatto la proposta non è più nel piano: la proposta non ha più un'area a cui applicarsi."
            case .noLongerApplies(let made, let now, let detail):
                return "La proposta è stata fatta sul piano con impronta \(made); il piano ora ha impronta \(now) e la proposta non vi "
                    + "si applica più (\(detail)). Non ho applicato nulla: la proposta è rifiutata, chi l'ha fatta può rifarla sul piano attuale."
            }
        }

        /// Whether the plan moved under the proposal (it is then refused for good).
        public var isStale: Bool {
            if case .noLongerApplies = self { return true }
            return false
        }
    }

    /// A new proposal checked: the edit applied to `plan` (the editor's validation) changes only `area`.
    /// Returns the editor's outcome and the baseline of the elements it changes.
    public static func check(_ edit: PlanEdit, on plan: CyclePlan, area: PlanArea) -> Result<(PlanEditOutcome, String), Refusal> {
        switch PlanEditor.apply(edit, to: plan) {
        case .failure(let errors): return .failure(.invalid(PlanEditErrors.Wrapped(errors)))
        case .success(let outcome):
            let outside = area.outside(from: plan, to: outcome.plan)
            guard outside.isEmpty else { return .failure(.outsideArea(outside)) }
            return .success((outcome, baseline(from: plan, to: outcome.plan)))
        }
    }

    /// The fingerprint of the elements that `original → edited` changes, as they are in `original` (absent ones
    /// included, by id): equal on another plan when those elements have not changed there.
    public static func baseline(from original: CyclePlan, to edited: CyclePlan) -> String {
        var data = Data()
        for change in PlanArea.changes(from: original, to: edited) {
            data.append(Data("\(change.kind.rawValue)|\(change.id)|".utf8))
            data.append(change.before ?? Data("-".utf8))
            data.append(Data("\n".utf8))
        }
        return FNV1a.hex(data)
    }

    /// The proposal accepted by `decider` on the plan as it is now (checked against the proposer's area in it, by the
    /// unit stored with the proposal): the edited plan to save, or why it cannot be.
    public static func accept(_ proposal: PlanProposal, by decider: String, on current: CyclePlan) -> Result<PlanEditOutcome, Refusal> {
        if let refusal = mayDecide(proposal, by: decider) { return .failure(refusal) }
        guard let head = current.unit(named: proposal.unitID) else { return .failure(.noArea(proposal.unitID)) }
        let now = PlanFingerprint.of(current)
        switch check(proposal.edit, on: current, area: PlanArea(heading: head, in: current)) {
        case .success((let outcome, let baseline)):
            if now != proposal.fingerprint, baseline != proposal.baseline {
                return .failure(.noLongerApplies(
                    made: proposal.fingerprint, now: now,
                    detail: "gli elementi che modifica sono stati cambiati dopo la proposta"))
            }
            return .success(outcome)
        case .failure(let refusal):
            guard now != proposal.fingerprint else { return .failure(refusal) }
            return .failure(.noLongerApplies(made: proposal.fingerprint, now: now, detail: refusal.description))
        }
    }

    /// Why `decider` may not decide the proposal (accept or refuse it); nil when he may.
    public static func mayDecide(_ proposal: PlanProposal, by decider: String) -> Refusal? {
        if proposal.status != .pending { return .alreadyDecided(proposal.status) }
        if proposal.proposedBy == decider { return .ownProposal }
        return nil
    }

    /// The proposer's note: optional, trimmed (empty: none), at most `PlanProposal.maximumTextLength`.
    public static func note(_ text: String?) -> Result<String?, PlanEditError> {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= PlanProposal.maximumTextLength else {
            return .failure(PlanEditError(field: "nota", message: "nota di \(trimmed.count) caratteri: al massimo \(PlanProposal.maximumTextLength)"))
        }
        return .success(trimmed.isEmpty ? nil : trimmed)
    }

    /// A refusal's reason as the controller writes it: required, trimmed, at most `PlanProposal.maximumTextLength`.
    public static func reason(_ text: String?) -> Result<String, PlanEditError> {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            return .failure(PlanEditError(field: "motivo", message: "manca il motivo del rifiuto: scriverlo, chi ha proposto lo leggerà"))
        }
        guard trimmed.count <= PlanProposal.maximumTextLength else {
            return .failure(PlanEditError(field: "motivo", message: "motivo di \(trimmed.count) caratteri: al massimo \(PlanProposal.maximumTextLength)"))
        }
        return .success(trimmed)
    }
}

extension PlanEditErrors {
    /// The errors of an edit as a hashable value (a refusal carries them).
    public struct Wrapped: Hashable, Sendable {
        public var errors: [PlanEditError]
        public init(_ errors: PlanEditErrors) { self.errors = errors.errors }
        public var text: String { PlanEditErrors(errors).description }
    }
}
