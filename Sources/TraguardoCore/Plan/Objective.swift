import Foundation

/// An objective assigned by the Giunta to the whole Ente (*obiettivo di Ente*) or to a manager
/// (*obiettivo individuale*). It points into the plan tree through `ObjectiveLink`s (many-to-many)
/// and may have indicators of its own.
public struct Objective: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var entityCode: String
    public var year: Int
    public var kind: ObjectiveKind
    /// The printed number: `1`, `1/2018`, `4`.
    public var code: String
    public var title: String
    public var description: String?
    /// The manager it is assigned to, for individual objectives.
    public var managerPersonID: String?
    public var unitID: String?
    /// The act that assigned it (delibera di Giunta).
    public var assignedByActID: String?
    public var weight: Decimal?
    public var sortOrder: Int
    public var declared: DeclaredResult?
    public var provenance: Provenance?

    public init(
        id: String, entityCode: String, year: Int, kind: ObjectiveKind, code: String, title: String,
        description: String? = nil, managerPersonID: String? = nil, unitID: String? = nil,
        assignedByActID: String? = nil, weight: Decimal? = nil, sortOrder: Int = 0,
        declared: DeclaredResult? = nil, provenance: Provenance? = nil
    ) {
        self.id = id
        self.entityCode = entityCode
        self.year = year
        self.kind = kind
        self.code = code
        self.title = title
        self.description = description
        self.managerPersonID = managerPersonID
        self.unitID = unitID
        self.assignedByActID = assignedByActID
        self.weight = weight
        self.sortOrder = sortOrder
        self.declared = declared
        self.provenance = provenance
    }
}

public enum ObjectiveKind: String, Sendable, Codable, CaseIterable {
    case ente = "ente"
    case individual = "individuale"

    public var label: String {
        switch self {
        case .ente: "Obiettivo di Ente"
        case .individual: "Obiettivo individuale"
        }
    }
}

/// A link from an objective to a node of the plan tree or to another objective
/// (a manager's objective pointing to Ente objectives n. 3–6).
public struct ObjectiveLink: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var objectiveID: String
    public var nodeID: String?
    public var linkedObjectiveID: String?

    public init(id: String, objectiveID: String, nodeID: String? = nil, linkedObjectiveID: String? = nil) {
        self.id = id
        self.objectiveID = objectiveID
        self.nodeID = nodeID
        self.linkedObjectiveID = linkedObjectiveID
    }
}
