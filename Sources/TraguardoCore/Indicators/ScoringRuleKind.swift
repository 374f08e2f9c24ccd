import Foundation

/// The named rules that turn a measured value and its target into a % of achievement (0–100).
/// Each indicator or item names one, or inherits the one its methodology sets for its type.
public enum ScoringRuleKind: String, Sendable, Codable, CaseIterable {
    /// Threshold met → 100, otherwise 0 (or proportional if the methodology says so).
    case threshold = "soglia"
    /// Partial quantity → value / target × 100 (1 video of 2 = 50).
    case proportional = "proporzionale"
    /// Self-declared progress %, taken as entered.
    case declaredProgress = "avanzamento-dichiarato"
    /// Deadline: on time → 100, late → the methodology's lateness scale.
    case deadline = "scadenza"
    /// Done → 100, not done → 0.
    case done = "realizzazione"
    /// Lower is better: value within the target → 100, otherwise target / value × 100.
    case lowerIsBetter = "minore-migliore"
    /// Numerator / denominator against a threshold.
    case ratio = "rapporto"
    /// Composite target: all sub-targets met → 100, else 0.
    case compositeAll = "composito-tutti"
    /// Composite target: share of sub-targets met (CRM 2 of 4 = 50).
    case compositeShare = "composito-quota"
    /// Multi-year average against a baseline average.
    case multiYearAverage = "media-pluriennale"
    /// Change against a base year (personnel cost against 2014).
    case changeFromBase = "variazione-base"
    /// Share of cases within a time standard (56 of 78 within 50 gg = 72).
    case shareWithinStandard = "quota-entro-standard"
    /// Time within the standard ("a vista" counts as 0 days).
    case timeWithinStandard = "tempo-entro-standard"
    /// Score given directly (a result already expressed as %: a procedure's "97%").
    case asScore = "punteggio-diretto"
}
