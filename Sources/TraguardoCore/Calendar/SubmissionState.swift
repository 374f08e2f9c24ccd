/// Where an office's values of a period are: `bozza → inviato` (the office submits) `→ verificato` (controllo di
/// gestione) `→ validato` (OIV, on the closed period); `rinviato` when sent back with a reason (the office fixes
/// and submits again).
public enum SubmissionState: String, Sendable, Codable, CaseIterable {
    case draft = "bozza"
    case submitted = "inviato"
    case sentBack = "rinviato"
    case verified = "verificato"
    case validated = "validato"

    /// The Italian label a person reads.
    public var label: String { rawValue }

    /// Whether the office still has to submit (bozza, rinviato): its values are still its own work.
    public var awaitsOffice: Bool { self == .draft || self == .sentBack }

    /// Whether the office's values are locked: once validated a change needs a reopening with a reason.
    public var locksValues: Bool { self == .validated }
}
