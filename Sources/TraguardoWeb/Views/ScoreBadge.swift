import TraguardoCore

/// A score as the pages show it: the engine's `shown` text (`68,49`, `N.C.`) and its traffic light, by
/// colour and by word, so that colour is never the only signal.
public struct ScoreBadge: Sendable, Hashable {
    public var shown: String
    /// False when the methodology has no traffic lights or the score is N.C. (a flag, not an optional:
    /// Mustache would look a nil name up in the enclosing objects).
    public var hasLight: Bool
    /// `semaforo-verde`.
    public var lightClass: String
    /// `Verde`, `Giallo`, `Rosso`.
    public var lightLabel: String
    public var isNotComputable: Bool
    /// The N.C. reason, a justified deviation, an override: what must travel with the number.
    public var notes: [String]
    public var hasNotes: Bool
    public var points: String
    public var hasPoints: Bool

    public init(_ score: Score) {
        shown = score.shown
        hasLight = score.trafficLight != nil
        lightClass = score.trafficLight.map { "semaforo-\($0.rawValue)" } ?? ""
        lightLabel = score.trafficLight.map(Self.label) ?? ""
        isNotComputable = score.isNotComputable
        notes = score.notes.filter { $0.source == nil }.map(\.text)
        hasNotes = !notes.isEmpty
        points = score.points.map { ItalianFormatting.number($0) } ?? ""
        hasPoints = score.points != nil
    }

    /// For an element the scores do not have.
    public static let missing = ScoreBadge(Score(value: nil, exactValue: nil, shownValue: nil, shown: "–"))

    static func label(_ light: TrafficLight) -> String {
        switch light {
        case .green: "Verde"
        case .yellow: "Giallo"
        case .red: "Rosso"
        }
    }
}
