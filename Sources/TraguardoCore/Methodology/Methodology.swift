import Foundation

/// The rules of an Ente-year's *sistema di misurazione e valutazione*: how each item is scored,
/// how levels aggregate, where and how rounding happens, and the punteggio bands.
///
/// The scoring engine reads only this value, so every Ente can state its own rules as data.
public struct Methodology: Hashable, Sendable, Codable {
    /// A human name ("SMVP CCIAA Lucca 2013 (ricostruito)").
    public var name: String
    public var description: String?
    /// The rule used when an indicator or item names none, per indicator type.
    public var defaultRules: [String: ScoringRuleKind]
    /// The rule used when neither the item, the indicator nor its type names one.
    public var fallbackRule: ScoringRuleKind
    /// Whether scores above 100 are allowed (over-achievement); otherwise capped at 100.
    public var allowOverAchievement: Bool
    /// Lateness scale for deadlines: days late → score.
    public var lateness: [LatenessBand]
    /// How each level aggregates and rounds, from the item upwards.
    public var levels: [LevelRule]
    /// % → punteggio bands for managers' objectives, highest first.
    public var pointBands: [PointBand]
    /// Traffic-light bands.
    public var trafficLights: [TrafficLightBand]

    public init(
        name: String, description: String? = nil, defaultRules: [String: ScoringRuleKind] = [:],
        fallbackRule: ScoringRuleKind = .threshold, allowOverAchievement: Bool = false,
        lateness: [LatenessBand] = [], levels: [LevelRule] = [], pointBands: [PointBand] = [],
        trafficLights: [TrafficLightBand] = []
    ) {
        self.name = name
        self.description = description
        self.defaultRules = defaultRules
        self.fallbackRule = fallbackRule
        self.allowOverAchievement = allowOverAchievement
        self.lateness = lateness
        self.levels = levels
        self.pointBands = pointBands
        self.trafficLights = trafficLights
    }
}

/// A band of the lateness scale: up to `maxDaysLate` days late scores `score`.
public struct LatenessBand: Hashable, Sendable, Codable {
    public var maxDaysLate: Int
    public var score: Decimal

    public init(maxDaysLate: Int, score: Decimal) {
        self.maxDaysLate = maxDaysLate
        self.score = score
    }
}

/// The level of the scoring tree a rule applies to.
public enum ScoringLevel: String, Sendable, Codable, CaseIterable {
    case item
    case indicator
    case node
    case objective
    case manager
    case entity = "ente"
}

/// How values are rounded.
public enum RoundingMode: String, Sendable, Codable, CaseIterable {
    case halfUp = "arrotonda"
    case halfEven = "arrotonda-pari"
    case truncate = "tronca"
    case none = "nessuno"
}

/// How a level aggregates its children and rounds the result.
public struct LevelRule: Hashable, Sendable, Codable {
    public var level: ScoringLevel
    public var aggregation: AggregationMode
    public var rounding: RoundingMode
    public var digits: Int
    /// True: the rounded value is what the level above uses; false: rounding applies only when shown.
    public var roundBeforeUse: Bool
    /// "≥ 90% → 100": when set, a result at or above this threshold becomes 100.
    public var fullScoreThreshold: Decimal?

    public init(
        level: ScoringLevel, aggregation: AggregationMode = .mean, rounding: RoundingMode = .halfUp,
        digits: Int = 2, roundBeforeUse: Bool = true, fullScoreThreshold: Decimal? = nil
    ) {
        self.level = level
        self.aggregation = aggregation
        self.rounding = rounding
        self.digits = digits
        self.roundBeforeUse = roundBeforeUse
        self.fullScoreThreshold = fullScoreThreshold
    }
}

public enum AggregationMode: String, Sendable, Codable, CaseIterable {
    case mean = "media"
    case weightedMean = "media-ponderata"
    case minimum = "minimo"
}

/// % at or above `minimumScore` gives `points`.
public struct PointBand: Hashable, Sendable, Codable {
    public var minimumScore: Decimal
    public var points: Decimal

    public init(minimumScore: Decimal, points: Decimal) {
        self.minimumScore = minimumScore
        self.points = points
    }
}

public enum TrafficLight: String, Sendable, Codable, CaseIterable {
    case green = "verde"
    case yellow = "giallo"
    case red = "rosso"
}

public struct TrafficLightBand: Hashable, Sendable, Codable {
    public var minimumScore: Decimal
    public var light: TrafficLight

    public init(minimumScore: Decimal, light: TrafficLight) {
        self.minimumScore = minimumScore
        self.light = light
    }
}
