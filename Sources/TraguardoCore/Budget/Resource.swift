import Foundation

/// Budget of a plan node for a year: one amount for each kind × phase
/// (proventi / oneri / investimenti × preventivo / aggiornato / consuntivo).
public struct Resource: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var nodeID: String
    public var year: Int
    public var kind: ResourceKind
    public var phase: BudgetPhase
    /// Euro, 2 decimals.
    public var amount: Decimal
    /// The qualifier as printed ("budget aggiornato al 31.12.2018").
    public var note: String?
    public var provenance: Provenance?

    public init(
        id: String, nodeID: String, year: Int, kind: ResourceKind, phase: BudgetPhase, amount: Decimal,
        note: String? = nil, provenance: Provenance? = nil
    ) {
        self.id = id
        self.nodeID = nodeID
        self.year = year
        self.kind = kind
        self.phase = phase
        self.amount = amount
        self.note = note
        self.provenance = provenance
    }
}

public enum ResourceKind: String, Sendable, Codable, CaseIterable {
    case proventi
    case oneri
    case investimenti

    public var label: String {
        switch self {
        case .proventi: "Proventi"
        case .oneri: "Oneri"
        case .investimenti: "Investimenti"
        }
    }
}

public enum BudgetPhase: String, Sendable, Codable, CaseIterable {
    case preventivo
    case aggiornato
    case consuntivo

    public var label: String {
        switch self {
        case .preventivo: "Preventivo"
        case .aggiornato: "Aggiornato"
        case .consuntivo: "Consuntivo"
        }
    }
}
