import Foundation

/// The score of one element: the % of achievement (0–100, or more where the methodology allows
/// over-achievement), how it is shown, its traffic light and punteggio, and the notes that must travel
/// with it.
public struct Score: Hashable, Sendable, Codable {
    /// The value the level above uses; nil when N.C. (excluded from numerator and denominator).
    public var value: Decimal?
    /// The value before this level's rounding.
    public var exactValue: Decimal?
    /// The value as shown: rounded with the level's rule even when `roundBeforeUse` is false.
    public var shownValue: Decimal?
    /// `68,49`, `100`, `N.C.`
    public var shown: String
    /// How many decimals `shown` writes (`2` for `99,20`, `0` for `100` and for N.C.): with `shownValue`, the
    /// number a writer that keeps numbers (XLSX) writes, shown as the text is.
    public var shownFractionDigits: Int
    public var trafficLight: TrafficLight?
    /// Punteggio from the methodology's bands (objectives), or the sum of the objectives' (managers).
    public var points: Decimal?
    public var notes: [ScoreNote]
    /// The measured or derived value a rule compared with its target, when there is one: 99,81 for
    /// "realizzazione di almeno il 90%" scored 100; the change −462.160,71 for a change from base.
    public var measuredValue: Decimal?
    /// Whether the element's own target was met (items under a composite indicator); nil when not known.
    public var targetMet: Bool?

    public init(
        value: Decimal?, exactValue: Decimal?, shownValue: Decimal?, shown: String, shownFractionDigits: Int = 0,
        trafficLight: TrafficLight? = nil, points: Decimal? = nil, notes: [ScoreNote] = [], measuredValue: Decimal? = nil
    ) {
        self.measuredValue = measuredValue
        self.value = value
        self.exactValue = exactValue
        self.shownValue = shownValue
        self.shown = shown
        self.shownFractionDigits = shownFractionDigits
        self.trafficLight = trafficLight
        self.points = points
        self.notes = notes
    }

    public var isNotComputable: Bool { value == nil }

    /// Why the element is N.C. (`nessuna rilevazione`), its own reason before one from below; nil when it is not.
    public var notComputableReason: String? {
        guard isNotComputable else { return nil }
        let note = notes.first { $0.kind == .notComputable && $0.source == nil } ?? notes.first { $0.kind == .notComputable }
        guard let text = note?.text else { return "non computabile" }
        return text.hasPrefix("N.C.: ") ? String(text.dropFirst("N.C.: ".count)) : text
    }
    /// Set by hand: always shown as such.
    public var isOverridden: Bool { notes.contains { $0.kind == .override } }
    public var isJustifiedDeviation: Bool { notes.contains { $0.kind == .justifiedDeviation } }
}

/// A note that travels with a score.
public struct ScoreNote: Hashable, Sendable, Codable {
    public var kind: ScoreNoteKind
    /// Italian text for the reader.
    public var text: String
    /// The code of the element the note comes from (`SG-4/2b/1`), when it comes from below.
    public var source: String?

    public init(kind: ScoreNoteKind, text: String, source: String? = nil) {
        self.kind = kind
        self.text = text
        self.source = source
    }
}

public enum ScoreNoteKind: String, Sendable, Codable, CaseIterable {
    /// N.C. with its reason.
    case notComputable = "non-computabile"
    /// A deviation accepted with a justification: scored 100.
    case justifiedDeviation = "scostamento-giustificato"
    /// A score set by hand, with reason and approver.
    case override = "modifica-manuale"
    /// No measurement for the period.
    case missingMeasurement = "rilevazione-mancante"
    /// Something the engine had to assume or could not use (a missing target, a circular reference).
    case warning = "avviso"
}

/// A scored element: what, how much, and why.
public struct ScoredElement: Hashable, Sendable, Codable {
    public var subject: ScoreSubject
    public var score: Score
    public var explanation: Explanation

    public init(subject: ScoreSubject, score: Score, explanation: Explanation) {
        self.subject = subject
        self.score = score
        self.explanation = explanation
    }
}
