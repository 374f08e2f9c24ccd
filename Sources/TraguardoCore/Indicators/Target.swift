import Foundation

/// A target of an indicator for a year, and optionally for one monitoring period of that year.
public struct Target: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var indicatorID: String
    public var year: Int
    /// The period code (`T2`, `30-09`) for an intermediate target; nil for the year's target.
    public var periodCode: String?
    /// False where the document prints "_____": no target that year.
    public var applicable: Bool
    public var comparator: Comparator?
    public var value: Decimal?
    /// Second value of a compound target ("ore > 3000; partecipanti > 250").
    public var secondValue: Decimal?
    public var deadline: CivilDate?
    /// The target as printed ("≥ 44 aziende", "entro aprile 2013").
    public var text: String?

    public init(
        id: String, indicatorID: String, year: Int, periodCode: String? = nil, applicable: Bool = true,
        comparator: Comparator? = nil, value: Decimal? = nil, secondValue: Decimal? = nil,
        deadline: CivilDate? = nil, text: String? = nil
    ) {
        self.id = id
        self.indicatorID = indicatorID
        self.year = year
        self.periodCode = periodCode
        self.applicable = applicable
        self.comparator = comparator
        self.value = value
        self.secondValue = secondValue
        self.deadline = deadline
        self.text = text
    }
}
