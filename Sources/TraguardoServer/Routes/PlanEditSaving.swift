import Foundation
import TraguardoCore
import TraguardoStore

/// Saves an edit of the plan editor, from the web form or from the API: on an approved plan the variation cites the
/// act typed in «atto» (read by `ActCitation`), and the store refuses a change without one. One path for both.
enum PlanEditSaving {
    /// What belongs beside the «atto» field when the edit is not saved (nothing was written).
    struct ActProblem: Error {
        var message: String

        /// The reason as a sentence beside the field: the core's and the store's reasons start in lower case.
        init(message: String) {
            self.message = message.prefix(1).uppercased() + message.dropFirst()
        }
    }

    /// `edited` saved (the plan `stored` with the edit applied), or the problem with its act.
    static func save(_ edited: CyclePlan, drawnFrom stored: CyclePlan, actText: String?, store: Store, actor: String)
        async throws -> Result<PlanSaveSummary, ActProblem>
    {
        let approved = PlanApproval.state(of: stored) == .approved
        var act: Act?
        if approved, let text = actText, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            switch ActCitation.act(text, in: stored, subject: "Variazione del piano") {
            case .success(let cited): act = cited
            case .failure(let error): return .failure(ActProblem(message: error.description))
            }
        }
        do {
            return .success(try await store.savePlan(edited, actor: actor, act: act))
        } catch {
            guard approved, act == nil, case .integrity(let message) = error else { throw error }
            return .failure(ActProblem(message: message))
        }
    }
}
