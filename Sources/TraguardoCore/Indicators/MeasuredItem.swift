import Foundation

/// A measurement line under an indicator (*item misurato*). Composite targets are split into
/// several items (seed 001 §4.4): the item, not the printed indicator number, is what is scored.
public struct MeasuredItem: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var indicatorID: String
    /// The printed label (`1a`, `2b`, `3)`).
    public var code: String
    public var description: String
    /// The item's own target; when nil the indicator's target for the year applies.
    public var comparator: Comparator?
    public var targetValue: Decimal?
    public var targetDeadline: CivilDate?
    /// The target as printed ("n. 2 video promozionali", "entro febbraio").
    public var targetText: String?
    public var unit: String?
    /// Overrides the indicator's rule for this item.
    public var rule: ScoringRuleKind?
    public var weight: Decimal?
    /// The office that enters this item's measurements.
    public var responsibleUnitID: String?
    public var sortOrder: Int
    public var provenance: Provenance?

    public init(
        id: String, indicatorID: String, code: String, description: String, comparator: Comparator? = nil,
        targetValue: Decimal? = nil, targetDeadline: CivilDate? = nil, targetText: String? = nil,
        unit: String? = nil, rule: ScoringRuleKind? = nil, weight: Decimal? = nil,
        responsibleUnitID: String? = nil, sortOrder: Int = 0, provenance: Provenance? = nil
    ) {
        self.id = id
        self.indicatorID = indicatorID
        self.code = code
        self.description = description
        self.comparator = comparator
        self.targetValue = targetValue
        self.targetDeadline = targetDeadline
        self.targetText = targetText
        self.unit = unit
        self.rule = rule
        self.weight = weight
        self.responsibleUnitID = responsibleUnitID
        self.sortOrder = sortOrder
        self.provenance = provenance
    }
}
