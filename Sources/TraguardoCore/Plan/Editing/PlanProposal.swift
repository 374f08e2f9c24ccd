import Foundation

/// A change a dirigente proposes to his own area of the plan (`PlanArea`): the editor's edit, who proposed it and
/// when, the plan it was made on (its `PlanFingerprint`) and how the elements it changes were then (`baseline`), a
/// note for the controller; then the controller's decision (accepted, or refused with a reason).
public struct PlanProposal: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case pending = "in_attesa"
        case accepted = "accettata"
        case refused = "rifiutata"

        public var label: String {
            switch self {
            case .pending: "in attesa"
            case .accepted: "accettata"
            case .refused: "rifiutata"
            }
        }
    }

    /// Given by the store (0 before it is stored).
    public var id: Int
    public var entityCode: String
    public var year: Int
    public var edit: PlanEdit
    /// The editor's sentence (`Nodo «A101» modificato.`), as the proposal would do it.
    public var summary: String
    public var proposedBy: String
    /// The unit the proposer heads (the area the proposal was checked against).
    public var unitID: String
    public var proposedAt: Date
    /// The `PlanFingerprint` of the plan the proposal was made on.
    public var fingerprint: String
    /// The fingerprint of the elements the proposal changes, as they were in that plan (`PlanProposalRule.baseline`).
    public var baseline: String
    public var note: String?
    public var status: Status
    public var decidedBy: String?
    public var decidedAt: Date?
    /// Why it was refused.
    public var reason: String?

    public init(
        id: Int = 0, entityCode: String, year: Int, edit: PlanEdit, summary: String, proposedBy: String, unitID: String, proposedAt: Date,
        fingerprint: String, baseline: String, note: String? = nil, status: Status = .pending, decidedBy: String? = nil,
        decidedAt: Date? = nil, reason: String? = nil
    ) {
        self.id = id
        self.entityCode = entityCode
        self.year = year
        self.edit = edit
        self.summary = summary
        self.proposedBy = proposedBy
        self.unitID = unitID
        self.proposedAt = proposedAt
        self.fingerprint = fingerprint
        self.baseline = baseline
        self.note = note
        self.status = status
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.reason = reason
    }

    /// The longest note and refusal reason, in characters.
    public static let maximumTextLength = 2_000
}
