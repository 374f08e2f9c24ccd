/// One office's work in one period: every item it enters (`CyclePlan.items(enteredBy:)`) with its state, the
/// state of its submission, the deadline, and whom it escalates to. What the home page's tasks, the completion
/// view and the reminder digests read.
public struct OfficePeriodWork: Hashable, Sendable {
    public var period: MonitoringPeriod
    public var unit: OrganisationalUnit
    public var items: [ItemWork]
    /// The state of the office's submission for the values as they are now (``OfficeSubmission/effectiveState(current:)``).
    public var submission: SubmissionState
    /// Why the values were sent back, when `submission` is `rinviato`.
    public var sentBackReason: String?
    /// The username that submitted the values, when submitted.
    public var submittedBy: String?
    /// The fingerprint of the office's values in the period now (``SubmissionFingerprint``).
    public var fingerprint: String
    /// Days from `today` to the period's deadline: negative when past; nil when the period has no deadline.
    public var daysToDeadline: Int?
    public var escalation: Escalation

    public var deadline: CivilDate? { period.deadline }

    /// The items still without a value.
    public var missing: [ItemWork] { items.filter { $0.state == .missing } }

    /// Items with a value, of all the office's items.
    public var enteredCount: Int { items.count - missing.count }

    /// Percentage of items with a value, 0…100 (100 when the office has no items).
    public var completionPercent: Int {
        items.isEmpty ? 100 : enteredCount * 100 / items.count
    }

    /// Whether the office still owes work for this period: the period accepts entries and the office has not
    /// submitted (bozza or rinviato).
    public var isOutstanding: Bool { period.status.acceptsEntries && submission.awaitsOffice }

    /// Outstanding after the deadline.
    public var isOverdue: Bool { isOutstanding && (daysToDeadline.map { $0 < 0 } ?? false) }
}

/// An item an office enters, and whether it has a value in the period.
public struct ItemWork: Hashable, Sendable {
    public var item: MeasuredItem
    public var state: ItemEntryState

    public init(item: MeasuredItem, state: ItemEntryState) {
        self.item = item
        self.state = state
    }
}

public enum ItemEntryState: String, Hashable, Sendable {
    /// No measurement yet.
    case missing = "da compilare"
    /// A measurement is there (a value or N.C. with its reason).
    case entered = "compilato"
}

/// Whom an office's late work goes to: first its own holders, then the dirigente above it, then the controllo di
/// gestione (any account of that role: not a person of the plan).
public struct Escalation: Hashable, Sendable {
    /// The people holding the office (responsabile d'ufficio, capo servizio, posizione organizzativa); the
    /// dirigente of the unit when the office has none.
    public var officeHolders: [Person]
    /// The dirigenti (or the Segretario Generale) of the nearest unit above the office that has one.
    public var dirigenti: [Person]

    public init(officeHolders: [Person], dirigenti: [Person]) {
        self.officeHolders = officeHolders
        self.dirigenti = dirigenti
    }
}
