import Foundation

/// One level of an Ente-year's plan tree, with its label and code scheme.
///
/// Levels and codes differ by Ente: Lucca `2C` (obiettivo strategico) / `A10101` (progetto) /
/// `1B010402` (azione complessa); Massa `1.1`; PIRA `011‐005‐001` (missione‐programma‐progressivo).
public struct PlanLevel: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var entityCode: String
    public var year: Int
    /// 1 for the root level (area strategica), growing downwards.
    public var depth: Int
    public var kind: PlanNodeKind
    /// The label the Ente prints ("Area strategica", "Priorità", "Linea", "Progetto" …).
    public var label: String
    /// A regular expression every code at this level must match, e.g. `^[0-9][A-Z]$`.
    public var codePattern: String?
    /// An example code shown in errors and help, e.g. `2C`.
    public var codeExample: String?

    public init(
        id: String, entityCode: String, year: Int, depth: Int, kind: PlanNodeKind, label: String,
        codePattern: String? = nil, codeExample: String? = nil
    ) {
        self.id = id
        self.entityCode = entityCode
        self.year = year
        self.depth = depth
        self.kind = kind
        self.label = label
        self.codePattern = codePattern
        self.codeExample = codeExample
    }
}

/// What a node of the plan tree is.
public enum PlanNodeKind: String, Sendable, Codable, CaseIterable {
    case strategicArea = "area-strategica"
    case strategicObjective = "obiettivo-strategico"
    case programme = "programma"
    case project = "progetto"
    case operationalObjective = "obiettivo-operativo"
    case action = "azione"
    case complexAction = "azione-complessa"
    case priority = "priorita"
    case line = "linea"

    public var label: String {
        switch self {
        case .strategicArea: "Area strategica"
        case .strategicObjective: "Obiettivo strategico"
        case .programme: "Programma"
        case .project: "Progetto"
        case .operationalObjective: "Obiettivo operativo"
        case .action: "Azione"
        case .complexAction: "Azione complessa"
        case .priority: "Priorità"
        case .line: "Linea"
        }
    }
}
