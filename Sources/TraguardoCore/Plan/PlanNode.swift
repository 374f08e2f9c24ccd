import Foundation

/// A node of the *albero della performance*: area, strategic objective, programme, project, action …
public struct PlanNode: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var entityCode: String
    public var year: Int
    public var parentID: String?
    public var kind: PlanNodeKind
    /// The Ente's code for the node (`2C`, `A10101`, `1.1`, `011‐005‐001`).
    public var code: String
    public var title: String
    public var description: String?
    public var ownerUnitID: String?
    public var ownerPersonID: String?
    /// National classification (D.M. 27/03/2013) on strategic objectives: missione `011`, programma `005`.
    public var missionCode: String?
    public var programmeCode: String?
    /// Balanced-scorecard perspective (Massa-Carrara): "Imprese, territorio e consumatori" …
    public var perspective: String?
    /// "Biennio", "Triennio", or years such as "2020-2022".
    public var timeSpan: String?
    public var status: NodeStatus
    public var weight: Decimal?
    /// Position among siblings.
    public var sortOrder: Int
    public var declared: DeclaredResult?
    public var provenance: Provenance?

    public init(
        id: String, entityCode: String, year: Int, parentID: String? = nil, kind: PlanNodeKind, code: String,
        title: String, description: String? = nil, ownerUnitID: String? = nil, ownerPersonID: String? = nil,
        missionCode: String? = nil, programmeCode: String? = nil, perspective: String? = nil,
        timeSpan: String? = nil, status: NodeStatus = .active, weight: Decimal? = nil, sortOrder: Int = 0,
        declared: DeclaredResult? = nil, provenance: Provenance? = nil
    ) {
        self.id = id
        self.entityCode = entityCode
        self.year = year
        self.parentID = parentID
        self.kind = kind
        self.code = code
        self.title = title
        self.description = description
        self.ownerUnitID = ownerUnitID
        self.ownerPersonID = ownerPersonID
        self.missionCode = missionCode
        self.programmeCode = programmeCode
        self.perspective = perspective
        self.timeSpan = timeSpan
        self.status = status
        self.weight = weight
        self.sortOrder = sortOrder
        self.declared = declared
        self.provenance = provenance
    }
}

public enum NodeStatus: String, Sendable, Codable, CaseIterable {
    case active = "attivo"
    case suspended = "sospeso"
    case eliminated = "eliminato"
    case merged = "accorpato"
}
