import Foundation

/// What is measured, under a plan node or an objective.
public struct Indicator: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var entityCode: String
    public var year: Int
    /// The plan node it belongs to; exactly one of `nodeID` and `objectiveID` is set.
    public var nodeID: String?
    /// The objective (Ente or individual) it belongs to.
    public var objectiveID: String?
    /// The Ente's code or label (`A1-I01`, `1a`, `N. 1`, `EC_12_2`).
    public var code: String
    public var name: String
    /// What it measures ("Cosa misura").
    public var description: String?
    public var type: IndicatorType?
    public var rule: ScoringRuleKind?
    public var comparator: Comparator?
    public var polarity: Polarity?
    /// Unit of measure: `%`, `n.`, `gg`, `€`, `punteggio 1-5` …
    public var unit: String?
    /// Calculation algorithm as text ("% realizzazione attività programmate").
    public var formula: String?
    public var numerator: String?
    public var denominator: String?
    /// Data source ("rilevazione ufficio competente", "Banca dati Infocamere").
    public var source: String?
    public var frequency: MeasurementFrequency?
    public var baselineValue: Decimal?
    public var baselineYear: Int?
    /// The baseline as printed ("media 2007-2009: n. 197,33").
    public var baselineText: String?
    public var weight: Decimal?
    public var ownerUnitID: String?
    /// Set when the score is taken from other elements instead of the indicator's own items.
    public var derivedFrom: ScoreDerivation?
    public var sortOrder: Int
    public var declared: DeclaredResult?
    public var provenance: Provenance?

    public init(
        id: String, entityCode: String, year: Int, nodeID: String? = nil, objectiveID: String? = nil,
        code: String, name: String, description: String? = nil, type: IndicatorType? = nil,
        rule: ScoringRuleKind? = nil, comparator: Comparator? = nil, polarity: Polarity? = nil,
        unit: String? = nil, formula: String? = nil, numerator: String? = nil, denominator: String? = nil,
        source: String? = nil, frequency: MeasurementFrequency? = nil, baselineValue: Decimal? = nil,
        baselineYear: Int? = nil, baselineText: String? = nil, weight: Decimal? = nil,
        ownerUnitID: String? = nil, derivedFrom: ScoreDerivation? = nil, sortOrder: Int = 0,
        declared: DeclaredResult? = nil, provenance: Provenance? = nil
    ) {
        self.id = id
        self.entityCode = entityCode
        self.year = year
        self.nodeID = nodeID
        self.objectiveID = objectiveID
        self.code = code
        self.name = name
        self.description = description
        self.type = type
        self.rule = rule
        self.comparator = comparator
        self.polarity = polarity
        self.unit = unit
        self.formula = formula
        self.numerator = numerator
        self.denominator = denominator
        self.source = source
        self.frequency = frequency
        self.baselineValue = baselineValue
        self.baselineYear = baselineYear
        self.baselineText = baselineText
        self.weight = weight
        self.ownerUnitID = ownerUnitID
        self.derivedFrom = derivedFrom
        self.sortOrder = sortOrder
        self.declared = declared
        self.provenance = provenance
    }
}
