import Foundation

/// A monitored procedure (*procedimento monitorato*), often cross-cutting (TRASVERSALE),
/// with coordinators, an expected result and the offices that are its sources.
public struct MonitoredProcedure: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var entityCode: String
    /// The printed number (`1` … `13`).
    public var code: String
    public var name: String
    /// "TRASVERSALE", "DI AREA", "TRASVERSALE AREE x/y".
    public var scope: String?
    public var coordinators: [String]
    public var expectedResult: String?
    public var controlSystem: String?
    /// Target as a number where the expected result has one (90 for "90% riscossioni").
    public var targetValue: Decimal?
    public var comparator: Comparator?
    /// FONTE: the offices that provide the data.
    public var sources: [String]
    public var sortOrder: Int
    public var provenance: Provenance?

    public init(
        id: String, entityCode: String, code: String, name: String, scope: String? = nil,
        coordinators: [String] = [], expectedResult: String? = nil, controlSystem: String? = nil,
        targetValue: Decimal? = nil, comparator: Comparator? = nil, sources: [String] = [],
        sortOrder: Int = 0, provenance: Provenance? = nil
    ) {
        self.id = id
        self.entityCode = entityCode
        self.code = code
        self.name = name
        self.scope = scope
        self.coordinators = coordinators
        self.expectedResult = expectedResult
        self.controlSystem = controlSystem
        self.targetValue = targetValue
        self.comparator = comparator
        self.sources = sources
        self.sortOrder = sortOrder
        self.provenance = provenance
    }
}

/// The yearly result of a monitored procedure.
public struct ProcedureResult: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var procedureID: String
    public var year: Int
    /// The raw measured value (93,19 for "(93.19%) 100%").
    public var value: Decimal?
    /// The result as a % of achievement, when entered directly (97 for "97%").
    public var score: Decimal?
    /// Per-office results (`Svil.Imp. 75% Brevetti 100% Rag. 100%`), aggregated into the total.
    public var subResults: [ProcedureSubResult]
    /// As printed ("96% 774 fatture pagate – n. 74 pagate in ritardo").
    public var text: String?
    public var notComputableReason: String?
    public var declared: DeclaredResult?
    public var provenance: Provenance?

    public init(
        id: String, procedureID: String, year: Int, value: Decimal? = nil, score: Decimal? = nil,
        subResults: [ProcedureSubResult] = [], text: String? = nil, notComputableReason: String? = nil,
        declared: DeclaredResult? = nil, provenance: Provenance? = nil
    ) {
        self.id = id
        self.procedureID = procedureID
        self.year = year
        self.value = value
        self.score = score
        self.subResults = subResults
        self.text = text
        self.notComputableReason = notComputableReason
        self.declared = declared
        self.provenance = provenance
    }
}

public struct ProcedureSubResult: Hashable, Sendable, Codable {
    public var label: String
    public var score: Decimal

    public init(label: String, score: Decimal) {
        self.label = label
        self.score = score
    }
}
