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
    /// How a missed threshold scores (threshold, ratio, time within a standard, multi-year average, change
    /// from base): 0, or the proportion of the target reached.
    public var thresholdMiss: ThresholdMissScoring
    /// Rounding of the score of an indicator taken from other elements (Carta dei servizi, procedures, nodes,
    /// objectives), applied after the indicator's rule: Lucca 2018 enters the Carta's 99,22 as 99
    /// (seed 000, riga 1096). Nil: only the indicator level's own rounding.
    public var derivedIndicatorRounding: RoundingRule?
    /// How the rows of the Carta dei servizi are scored and totalled (3572/36 = 99,22; 56/78 → 72).
    public var serviceCharter: CollectionRule
    /// How the monitored procedures are scored and totalled (RISULTATO FINALE 97,51; TOT. 91).
    public var procedures: CollectionRule
    /// What the Ente's overall score aggregates.
    public var entityScoreSource: EntityScoreSource

    public init(
        name: String, description: String? = nil, defaultRules: [String: ScoringRuleKind] = [:],
        fallbackRule: ScoringRuleKind = .threshold, allowOverAchievement: Bool = false,
        lateness: [LatenessBand] = [], levels: [LevelRule] = [], pointBands: [PointBand] = [],
        trafficLights: [TrafficLightBand] = [], thresholdMiss: ThresholdMissScoring = .zero,
        derivedIndicatorRounding: RoundingRule? = nil, serviceCharter: CollectionRule = CollectionRule(),
        procedures: CollectionRule = CollectionRule(), entityScoreSource: EntityScoreSource = .automatic
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
        self.thresholdMiss = thresholdMiss
        self.derivedIndicatorRounding = derivedIndicatorRounding
        self.serviceCharter = serviceCharter
        self.procedures = procedures
        self.entityScoreSource = entityScoreSource
    }

    private enum CodingKeys: String, CodingKey {
        case name, description, defaultRules, fallbackRule, allowOverAchievement, lateness, levels, pointBands,
             trafficLights, thresholdMiss, derivedIndicatorRounding, serviceCharter, procedures, entityScoreSource
    }

    /// Decodes older values too: a field added after the first version takes the memberwise default.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name))
        try c.update(&description, .description)
        try c.update(&defaultRules, .defaultRules); try c.update(&fallbackRule, .fallbackRule)
        try c.update(&allowOverAchievement, .allowOverAchievement); try c.update(&lateness, .lateness)
        try c.update(&levels, .levels); try c.update(&pointBands, .pointBands)
        try c.update(&trafficLights, .trafficLights); try c.update(&thresholdMiss, .thresholdMiss)
        try c.update(&derivedIndicatorRounding, .derivedIndicatorRounding)
        try c.update(&serviceCharter, .serviceCharter); try c.update(&procedures, .procedures)
        try c.update(&entityScoreSource, .entityScoreSource)
    }
}

/// How a missed threshold scores.
public enum ThresholdMissScoring: String, Sendable, Codable, CaseIterable {
    /// Missed → 0.
    case zero = "zero"
    /// Missed → the share of the target reached (value / target × 100; target / value × 100 when lower is better).
    case proportional = "proporzionale"
}

/// A rounding step: mode and digits.
public struct RoundingRule: Hashable, Sendable, Codable {
    public var mode: RoundingMode
    public var digits: Int

    public init(mode: RoundingMode, digits: Int) {
        self.mode = mode
        self.digits = digits
    }
}

/// How rows (Carta dei servizi rows, procedures) are scored and totalled.
public struct CollectionRule: Hashable, Sendable, Codable {
    public var aggregation: AggregationMode
    /// Rounding of the total.
    public var rounding: RoundingMode
    public var digits: Int
    /// Rounding of a row's score when it is computed (a share of cases, the mean of per-office results).
    public var rowRounding: RoundingMode
    public var rowDigits: Int

    public init(
        aggregation: AggregationMode = .mean, rounding: RoundingMode = .halfUp, digits: Int = 2,
        rowRounding: RoundingMode = .halfUp, rowDigits: Int = 0
    ) {
        self.aggregation = aggregation
        self.rounding = rounding
        self.digits = digits
        self.rowRounding = rowRounding
        self.rowDigits = rowDigits
    }

    private enum CodingKeys: String, CodingKey { case aggregation, rounding, digits, rowRounding, rowDigits }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        try c.update(&aggregation, .aggregation); try c.update(&rounding, .rounding); try c.update(&digits, .digits)
        try c.update(&rowRounding, .rowRounding); try c.update(&rowDigits, .rowDigits)
    }
}

/// What the Ente's overall score aggregates.
public enum EntityScoreSource: String, Sendable, Codable, CaseIterable {
    /// The Ente objectives when there are any, otherwise the root nodes of the plan tree.
    case automatic = "automatico"
    /// The Ente objectives (*obiettivi di Ente*).
    case enteObjectives = "obiettivi-di-ente"
    /// The root nodes of the plan tree (aree strategiche).
    case rootNodes = "nodi-radice"
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
    /// Node and objective levels: true averages the items under the indicators directly, each item weighing
    /// the same (Febe's "valutazione sintetica andamento progetto", seed 001 §4.4: G10101 = 900/10 = 90),
    /// instead of the indicators' scores.
    public var countsItems: Bool

    public init(
        level: ScoringLevel, aggregation: AggregationMode = .mean, rounding: RoundingMode = .halfUp,
        digits: Int = 2, roundBeforeUse: Bool = true, fullScoreThreshold: Decimal? = nil, countsItems: Bool = false
    ) {
        self.level = level
        self.aggregation = aggregation
        self.rounding = rounding
        self.digits = digits
        self.roundBeforeUse = roundBeforeUse
        self.fullScoreThreshold = fullScoreThreshold
        self.countsItems = countsItems
    }

    private enum CodingKeys: String, CodingKey {
        case level, aggregation, rounding, digits, roundBeforeUse, fullScoreThreshold, countsItems
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(level: try c.decode(ScoringLevel.self, forKey: .level))
        try c.update(&aggregation, .aggregation); try c.update(&rounding, .rounding); try c.update(&digits, .digits)
        try c.update(&roundBeforeUse, .roundBeforeUse); try c.update(&fullScoreThreshold, .fullScoreThreshold)
        try c.update(&countsItems, .countsItems)
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
