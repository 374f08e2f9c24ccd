import Foundation

/// One year of an Ente's performance cycle. Plans are multi-year (`horizonFrom…horizonTo`),
/// targets and results are per year.
public struct Cycle: Hashable, Sendable, Codable, Identifiable {
    public var entityCode: String
    public var year: Int
    public var horizonFrom: Int?
    public var horizonTo: Int?
    public var status: CycleStatus
    /// For a merged Ente: the Enti whose plans make up this year's plan (Toscana Nord-Ovest 2022 =
    /// Lucca + Pisa + Massa-Carrara).
    public var componentEntityCodes: [String]
    /// The totals the year's documents print (procedures, Carta dei servizi), checked against the computed ones.
    public var declaredTotals: [DeclaredTotal]

    public var id: String { "\(entityCode)/\(year)" }

    public init(
        entityCode: String, year: Int, horizonFrom: Int? = nil, horizonTo: Int? = nil,
        status: CycleStatus = .planning, componentEntityCodes: [String] = [], declaredTotals: [DeclaredTotal] = []
    ) {
        self.entityCode = entityCode
        self.year = year
        self.horizonFrom = horizonFrom
        self.horizonTo = horizonTo
        self.status = status
        self.componentEntityCodes = componentEntityCodes
        self.declaredTotals = declaredTotals
    }

    private enum CodingKeys: String, CodingKey {
        case entityCode, year, horizonFrom, horizonTo, status, componentEntityCodes, declaredTotals
    }

    /// Cycles stored before declared totals existed read as having none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            entityCode: try c.decode(String.self, forKey: .entityCode), year: try c.decode(Int.self, forKey: .year),
            horizonFrom: try c.decodeIfPresent(Int.self, forKey: .horizonFrom),
            horizonTo: try c.decodeIfPresent(Int.self, forKey: .horizonTo),
            status: try c.decode(CycleStatus.self, forKey: .status),
            componentEntityCodes: try c.decodeIfPresent([String].self, forKey: .componentEntityCodes) ?? [],
            declaredTotals: try c.decodeIfPresent([DeclaredTotal].self, forKey: .declaredTotals) ?? [])
    }

    /// Without declared totals the stored JSON is what it was before they existed (no change, no audit row).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entityCode, forKey: .entityCode)
        try c.encode(year, forKey: .year)
        try c.encodeIfPresent(horizonFrom, forKey: .horizonFrom)
        try c.encodeIfPresent(horizonTo, forKey: .horizonTo)
        try c.encode(status, forKey: .status)
        try c.encode(componentEntityCodes, forKey: .componentEntityCodes)
        if !declaredTotals.isEmpty { try c.encode(declaredTotals, forKey: .declaredTotals) }
    }
}

public enum CycleStatus: String, Sendable, Codable, CaseIterable {
    case planning = "programmazione"
    case monitoring = "monitoraggio"
    case reporting = "rendicontazione"
    case closed = "chiuso"
}
