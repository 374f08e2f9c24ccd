import Foundation
import TraguardoCore
import TraguardoStore

/// Saves an edit of the plan editor, from the web form or from the API: on an approved plan the variation cites the
/// act typed in «atto» (read by `ActCitation`), and the store refuses a change without one. The save happens only if
/// the stored plan is still `stored`, the one the edit was applied to: checked in the save's own transaction, so that of
/// two edits made on the same plan at the same time one is saved and the other refused (409). One path for both, and
/// for the acceptance of a dirigente's proposal.
enum PlanEditSaving {
    /// Why the edit was not saved (nothing was written).
    enum Problem: Error {
        /// What belongs beside the «atto» field.
        case act(String)
        /// Another change was saved after `stored` was read (`StoreError.planChanged`).
        case changedMeanwhile(String)
    }

    /// A reason as a sentence beside the field: the core's and the store's reasons start in lower case.
    static func sentence(_ message: String) -> String {
        message.prefix(1).uppercased() + message.dropFirst()
    }

    /// The act the edit of an approved plan cites, read from «atto» (nil: none typed, or a plan still `bozza`).
    static func act(_ actText: String?, on stored: CyclePlan) -> Result<Act?, Problem> {
        guard PlanApproval.state(of: stored) == .approved, let text = actText, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .success(nil)
        }
        switch ActCitation.act(text, in: stored, subject: "Variazione del piano") {
        case .success(let cited): return .success(cited)
        case .failure(let error): return .failure(.act(sentence(error.description)))
        }
    }

    /// `edited` saved (the plan `stored` with the edit applied), or why not.
    static func save(_ edited: CyclePlan, drawnFrom stored: CyclePlan, actText: String?, store: Store, actor: String)
        async throws -> Result<PlanSaveSummary, Problem>
    {
        let act: Act?
        switch Self.act(actText, on: stored) {
        case .success(let cited): act = cited
        case .failure(let problem): return .failure(problem)
        }
        return try await saving(drawnFrom: stored, act: act) { () async throws(StoreError) -> PlanSaveSummary in
            try await store.savePlan(edited, actor: actor, act: act, expecting: PlanFingerprint.of(stored))
        }
    }

    /// Runs a save of an edit of `stored`, turning the store's refusals the person can act on into a `Problem`.
    static func saving<T>(drawnFrom stored: CyclePlan, act: Act?, _ body: () async throws(StoreError) -> T) async throws -> Result<T, Problem> {
        do {
            return .success(try await body())
        } catch {
            if case .planChanged = error { return .failure(.changedMeanwhile(error.description)) }
            guard PlanApproval.state(of: stored) == .approved, act == nil, case .integrity(let message) = error else { throw error }
            return .failure(.act(sentence(message)))
        }
    }
}
