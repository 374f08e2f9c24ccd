import Foundation

/// The submission of an office's values for a period, as stored: its state, who moved it last and why, and the
/// fingerprint of the values it judged (``SubmissionFingerprint``). When the office's values change after a
/// submission, a verification or a validation, the stored state no longer applies (``effectiveState(current:)``):
/// a later change can never carry an old «validato».
public struct OfficeSubmission: Hashable, Sendable, Codable {
    public var unitID: String
    /// The period's code (`T1`, `ANNO`).
    public var periodCode: String
    public var state: SubmissionState
    /// The fingerprint of the office's values in the period when they were submitted, verified or validated.
    public var fingerprint: String?
    /// Who submitted the values last (a username): they may neither verify nor validate them.
    public var submittedBy: String?
    /// Who verified the values last (a username).
    public var verifiedBy: String?
    /// The reason of the last sending back or reopening.
    public var reason: String?
    public var updatedAt: Date?

    public init(
        unitID: String, periodCode: String, state: SubmissionState = .draft, fingerprint: String? = nil,
        submittedBy: String? = nil, verifiedBy: String? = nil, reason: String? = nil, updatedAt: Date? = nil
    ) {
        self.unitID = unitID
        self.periodCode = periodCode
        self.state = state
        self.fingerprint = fingerprint
        self.submittedBy = submittedBy
        self.verifiedBy = verifiedBy
        self.reason = reason
        self.updatedAt = updatedAt
    }

    /// The state that holds for the values as they are now: the stored state when it judged these values
    /// (same fingerprint), else `bozza` (the values changed after they were submitted, verified or validated).
    public func effectiveState(current fingerprint: String) -> SubmissionState {
        switch state {
        case .draft, .sentBack: return state
        case .submitted, .verified, .validated: return self.fingerprint == fingerprint ? state : .draft
        }
    }
}
