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

    public var id: String { "\(entityCode)/\(year)" }

    public init(
        entityCode: String, year: Int, horizonFrom: Int? = nil, horizonTo: Int? = nil,
        status: CycleStatus = .planning, componentEntityCodes: [String] = []
    ) {
        self.entityCode = entityCode
        self.year = year
        self.horizonFrom = horizonFrom
        self.horizonTo = horizonTo
        self.status = status
        self.componentEntityCodes = componentEntityCodes
    }
}

public enum CycleStatus: String, Sendable, Codable, CaseIterable {
    case planning = "programmazione"
    case monitoring = "monitoraggio"
    case reporting = "rendicontazione"
    case closed = "chiuso"
}
