import Foundation

/// What a scoring rule gives for one input: the score (nil = N.C.), the formula that produced it, whether
/// the target was met, and the notes a reader must see.
struct RuleOutcome {
    var value: Decimal?
    var formula: Formula
    /// Whether the item's own target was met, for composite indicators; nil when it does not apply.
    var met: Bool?
    var notes: [ScoreNote] = []
    /// Extra lines for the explanation (the change and its %, the days late …).
    var details: [String] = []
    /// The measured value the rule compared (99,81 before the "≥ 90 → 100" threshold).
    var measured: Decimal?

    static func notComputable(_ reason: String, kind: ScoreNoteKind = .notComputable, source: String? = nil)
        -> RuleOutcome
    {
        RuleOutcome(value: nil, formula: .notComputable, met: nil,
                    notes: [ScoreNote(kind: kind, text: "N.C.: \(reason)", source: source)])
    }
}
