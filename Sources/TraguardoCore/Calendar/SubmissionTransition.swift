/// A move of an office's submission for a period, and the one rule of when it may happen and by whom.
///
/// - `invia`: the office (its responsabile, its dirigente, or the controllo di gestione on its behalf) submits
///   its values, `bozza`/`rinviato` → `inviato`, while the period accepts entries or is in verifica.
/// - `verifica`: the controllo di gestione verifies, `inviato` → `verificato`.
/// - `rinvia`: sent back with a reason, `inviato` (controllo di gestione) or `verificato` (OIV) → `rinviato`.
/// - `valida`: the OIV validates the verified values of a closed period, `verificato` → `validato`.
/// - `riapri`: the controllo di gestione reopens validated values with a reason, `validato` → `bozza`; the
///   earlier validation stays in the history.
/// No one verifies or validates values they submitted themselves.
public enum SubmissionTransition: String, Sendable, CaseIterable {
    case submit = "invia"
    case verify = "verifica"
    case sendBack = "rinvia"
    case validate = "valida"
    case reopen = "riapri"

    /// The Italian label of the button.
    public var label: String {
        switch self {
        case .submit: "Invia"
        case .verify: "Verifica"
        case .sendBack: "Rinvia all'ufficio"
        case .validate: "Valida"
        case .reopen: "Riapri"
        }
    }

    /// Whether the transition needs a reason (sending back, reopening).
    public var needsReason: Bool { self == .sendBack || self == .reopen }

    /// Who acts: the office, the controllo di gestione, or the OIV.
    public enum Actor: Sendable {
        case office, controller, evaluator

        /// The part a user's role plays; nil for a reader.
        public init?(role: UserRole) {
            switch role {
            case .officeHead, .manager: self = .office
            case .controller, .administrator: self = .controller
            case .evaluator: self = .evaluator
            case .reader: return nil
            }
        }
    }

    /// The state after the transition from `state`, by `actor`; nil when the move is not one of the workflow.
    public func target(from state: SubmissionState, by actor: Actor) -> SubmissionState? {
        switch (self, state, actor) {
        case (.submit, .draft, .office), (.submit, .sentBack, .office),
             (.submit, .draft, .controller), (.submit, .sentBack, .controller): .submitted
        case (.verify, .submitted, .controller): .verified
        case (.sendBack, .submitted, .controller), (.sendBack, .verified, .evaluator), (.sendBack, .verified, .controller): .sentBack
        case (.validate, .verified, .evaluator): .validated
        case (.reopen, .validated, .controller), (.reopen, .verified, .controller): .draft
        default: nil
        }
    }

    /// Why `username` (acting as `actor`) may not move `submission` (its state as it holds now: `effective`) in
    /// `period`; nil when they may. The result is the Italian message shown to the person.
    public func problem(
        submission: OfficeSubmission?, effective: SubmissionState, period: MonitoringPeriod, by actor: Actor,
        username: String, reason: String?
    ) -> String? {
        guard target(from: effective, by: actor) != nil else {
            return "Non si può «\(label.lowercased())» un invio nello stato «\(effective.label)»."
        }
        switch self {
        case .submit:
            guard period.status.acceptsEntries || period.status == .underReview else {
                return "Il periodo \(period.code) è «\(period.status.label)»: i valori non si possono inviare."
            }
        case .verify, .sendBack:
            guard period.status != .toOpen else {
                return "Il periodo \(period.code) è ancora da aprire."
            }
        case .validate:
            guard period.status == .closed else {
                return "L'OIV valida i valori di un periodo chiuso: il periodo \(period.code) è «\(period.status.label)»."
            }
        case .reopen:
            break
        }
        if self == .verify || self == .validate, let submitter = submission?.submittedBy, submitter == username {
            return "Non si possono \(self == .verify ? "verificare" : "validare") valori inviati da sé stessi: deve farlo un'altra persona."
        }
        if self == .validate, let verifier = submission?.verifiedBy, verifier == username {
            return "Non si possono validare valori verificati da sé stessi: deve farlo un'altra persona."
        }
        if needsReason, (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "Manca il motivo: \(self == .sendBack ? "chi rinvia" : "chi riapre") deve dire perché."
        }
        return nil
    }
}
