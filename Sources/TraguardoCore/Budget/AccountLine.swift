import Foundation

/// A line of the budget by account (conto economico, budget lines of a project or action).
///
/// Lines of the conto economico form a tree through `parentCode` (3 = 30 + 35 + 36 + 37);
/// lines of a project point to their plan node.
public struct AccountLine: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var entityCode: String
    public var year: Int
    /// The plan node (project, action) the line belongs to, if any.
    public var nodeID: String?
    /// The account code (`330000`, `30`, `3290`).
    public var code: String
    public var parentCode: String?
    public var description: String
    public var nature: AccountNature?
    /// Istituzionale or commerciale column (Lucca 2022).
    public var column: AccountColumn?
    public var phase: BudgetPhase
    /// Cost centre (`TOT CAMERA`, `Servizi Generali`).
    public var costCentre: String?
    /// Euro, 2 decimals; oneri negative where the document prints them so.
    public var amount: Decimal
    public var sortOrder: Int
    public var provenance: Provenance?

    public init(
        id: String, entityCode: String, year: Int, nodeID: String? = nil, code: String,
        parentCode: String? = nil, description: String, nature: AccountNature? = nil,
        column: AccountColumn? = nil, phase: BudgetPhase, costCentre: String? = nil, amount: Decimal,
        sortOrder: Int = 0, provenance: Provenance? = nil
    ) {
        self.id = id
        self.entityCode = entityCode
        self.year = year
        self.nodeID = nodeID
        self.code = code
        self.parentCode = parentCode
        self.description = description
        self.nature = nature
        self.column = column
        self.phase = phase
        self.costCentre = costCentre
        self.amount = amount
        self.sortOrder = sortOrder
        self.provenance = provenance
    }
}

public enum AccountNature: String, Sendable, Codable, CaseIterable {
    case costoEsterno = "costo-esterno"
    case investimento
    case contributo
    case ricavo
    case provento
    case onere
    case risultato
}

public enum AccountColumn: String, Sendable, Codable, CaseIterable {
    case istituzionale
    case commerciale
}
