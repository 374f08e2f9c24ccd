import Foundation

/// A count or ratio written inside the narrative of a result, with its baseline (38.477 visitors in 2018 against 37.418
/// in 2017, «+2,83 %»; the CRM's «Ind. 1 clienti con e-mail 37,03 ≥ 33,85 del 2015»), kept as data with its own
/// values: the checks recompute the printed change and whether the comparison holds (`NarrativeDataCheck`), and the
/// documents print it under its indicator or procedure.
public struct SubIndicator: Hashable, Sendable, Codable, Identifiable {
    /// `CODICE@ANNO`.
    public var id: String
    public var code: String
    /// The indicator whose narrative holds it (its id), or the procedure (its id).
    public var indicatorID: String?
    public var procedureID: String?
    public var year: Int
    public var name: String
    public var value: Decimal
    public var unit: String?
    public var baseline: Decimal?
    public var baselineYear: Int?
    /// How the value must compare with `target` (or, without one, the baseline): `>=` for «incremento/mantenimento».
    public var comparator: Comparator?
    public var target: Decimal?
    /// The change against the baseline as printed, in % («+2,83 %» → 2,83).
    public var declaredChange: Decimal?
    /// The sub-indicator's result as printed («84.41=100%»).
    public var declared: DeclaredResult?
    public var provenance: Provenance?

    public init(
        code: String, indicatorID: String? = nil, procedureID: String? = nil, year: Int, name: String, value: Decimal,
        unit: String? = nil, baseline: Decimal? = nil, baselineYear: Int? = nil, comparator: Comparator? = nil,
        target: Decimal? = nil, declaredChange: Decimal? = nil, declared: DeclaredResult? = nil, provenance: Provenance? = nil
    ) {
        self.id = "\(code)@\(year)"
        self.code = code
        self.indicatorID = indicatorID
        self.procedureID = procedureID
        self.year = year
        self.name = name
        self.value = value
        self.unit = unit
        self.baseline = baseline
        self.baselineYear = baselineYear
        self.comparator = comparator
        self.target = target
        self.declaredChange = declaredChange
        self.declared = declared
        self.provenance = provenance
    }

    /// (value − baseline) / baseline × 100, exact; nil without a baseline (or a baseline of 0).
    public var change: Decimal? {
        guard let baseline, baseline != 0 else { return nil }
        return (value - baseline) / baseline * 100
    }

    /// Whether the value compares as it must with the target (or the baseline); nil without a comparator or a term.
    public var met: Bool? {
        guard let comparator, let term = target ?? baseline else { return nil }
        switch comparator {
        case .atLeast: return value >= term
        case .greaterThan: return value > term
        case .atMost: return value <= term
        case .lessThan: return value < term
        case .equal: return value == term
        default: return nil
        }
    }
}
