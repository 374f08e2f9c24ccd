import Foundation

/// How serious a finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Wrong: a number that does not add up, a verdict that contradicts its score.
    case error = "errore"
    /// Probably wrong or risky: a target against the polarity, a stale year in a note.
    case warning = "avviso"
    /// Could be better: a missing baseline, an indicator without a source.
    case suggestion = "suggerimento"

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .suggestion: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One thing a check found wrong, with the element it is about, where it comes from, and an
/// Italian sentence that says what is wrong and what would fix it.
public struct Finding: Hashable, Sendable, Codable {
    /// Stable code of the check (`CONTI-SOMMA`, `TARGET-POLARITA` …).
    public var code: String
    public var severity: Severity
    /// What kind of element: `nodo`, `indicatore`, `obiettivo`, `conto`, `atto` …
    public var elementKind: String
    /// The element's code as the Ente writes it.
    public var elementCode: String
    public var provenance: Provenance?
    public var message: String

    public init(
        code: String, severity: Severity, elementKind: String, elementCode: String,
        provenance: Provenance? = nil, message: String
    ) {
        self.code = code
        self.severity = severity
        self.elementKind = elementKind
        self.elementCode = elementCode
        self.provenance = provenance
        self.message = message
    }

    /// Identifies the finding across runs, so that an acknowledgement keeps applying to it.
    public var key: String { "\(code)|\(elementKind)|\(elementCode)" }
}
