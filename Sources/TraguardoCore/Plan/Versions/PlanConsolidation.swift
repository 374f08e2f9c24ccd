import Foundation

/// The consolidated plan of a merged Ente (Toscana Nord-Ovest from Lucca, Pisa and Massa-Carrara): each original
/// plan's tree under one area of its own, every code prefixed so that the codes of the three plans never collide,
/// with the budget (resources and account lines) of each node; the original plans stay as they are, readable as
/// their own Ente-years. The mapping says where each original code went; ``budgetProblems(_:parts:)`` checks that
/// the consolidated totals are the sum of the parts.
public enum PlanConsolidation {
    /// One code of an original plan and its code in the consolidated plan.
    public struct Mapping: Hashable, Sendable {
        public var entityCode: String
        public var originalCode: String
        public var consolidatedCode: String

        public init(entityCode: String, originalCode: String, consolidatedCode: String) {
            self.entityCode = entityCode
            self.originalCode = originalCode
            self.consolidatedCode = consolidatedCode
        }
    }

    /// `parts` in the merged plan's order (`componentEntityCodes`); the merged plan's own tree and budget are
    /// replaced by the consolidated ones, everything else (acts, organisation) kept.
    public static func consolidate(_ merged: CyclePlan, parts: [CyclePlan]) -> (plan: CyclePlan, mapping: [Mapping]) {
        var plan = merged
        plan.nodes = []
        plan.resources = []
        plan.accountLines = []
        var mapping: [Mapping] = []
        let entity = merged.entity.code, year = merged.cycle.year
        for (number, part) in parts.enumerated() {
            let prefix = self.prefix(of: part, among: parts)
            let areaID = "\(prefix)"
            plan.nodes.append(PlanNode(
                id: areaID, entityCode: entity, year: year, kind: .strategicArea, code: prefix,
                title: part.entity.shortName ?? part.entity.name, sortOrder: number,
                provenance: Provenance(source: "piano \(part.cycle.year) di \(part.entity.code)")))
            let ids = Dictionary(part.nodes.map { ($0.id, "\(prefix).\($0.id)") }, uniquingKeysWith: { a, _ in a })
            for node in part.nodes {
                var copy = node
                copy.id = ids[node.id]!
                copy.code = "\(prefix).\(node.code)"
                copy.entityCode = entity
                copy.year = year
                copy.parentID = node.parentID.flatMap { ids[$0] } ?? areaID
                copy.ownerUnitID = nil
                copy.ownerPersonID = nil
                copy.provenance = origin(part, code: node.code, node.provenance)
                plan.nodes.append(copy)
                mapping.append(Mapping(entityCode: part.entity.code, originalCode: node.code, consolidatedCode: copy.code))
            }
            for resource in part.resources where resource.year == part.cycle.year {
                guard let node = ids[resource.nodeID] else { continue }
                var copy = resource
                copy.id = "\(prefix).\(resource.id)"
                copy.nodeID = node
                copy.year = year
                copy.provenance = origin(part, code: resource.id, resource.provenance)
                plan.resources.append(copy)
            }
            for line in part.accountLines where line.year == part.cycle.year {
                var copy = line
                copy.id = "\(prefix).\(line.id)"
                copy.entityCode = entity
                copy.year = year
                copy.nodeID = line.nodeID.flatMap { ids[$0] } ?? areaID
                copy.provenance = origin(part, code: line.id, line.provenance)
                plan.accountLines.append(copy)
            }
        }
        return (plan, mapping)
    }

    /// Where a consolidated element comes from: «piano 2022 di lucca, 2C», then the original's own source (the seed's lines).
    static func origin(_ part: CyclePlan, code: String, _ original: Provenance?) -> Provenance {
        Provenance(
            source: "piano \(part.cycle.year) di \(part.entity.code), \(code)" + (original.map { "; in origine \($0.source)" } ?? ""),
            lines: original?.lines)
    }

    /// «LU» for lucca, «PI» for pisa, «MA» for massa-carrara: the first letters of the Ente's code, as many as make it
    /// unique among the parts.
    public static func prefix(of part: CyclePlan, among parts: [CyclePlan]) -> String {
        prefix(of: part.entity.code, among: parts.map(\.entity.code))
    }

    public static func prefix(of code: String, among codes: [String]) -> String {
        let letters = code.uppercased().filter { $0.isLetter || $0.isNumber }
        for length in 2...max(2, letters.count) {
            let candidate = String(letters.prefix(length))
            let clash = codes.contains { $0 != code && String($0.uppercased().filter { $0.isLetter || $0.isNumber }.prefix(length)) == candidate }
            if !clash { return candidate }
        }
        return letters
    }

    /// The plan of a merged Ente whose tree is the consolidated one: an area for each Ente it was made from.
    public static func isConsolidated(_ plan: CyclePlan) -> Bool {
        let codes = plan.cycle.componentEntityCodes
        guard !codes.isEmpty else { return false }
        let top = Set(plan.nodes.filter { $0.parentID == nil }.map(\.code))
        return codes.allSatisfy { top.contains(prefix(of: $0, among: codes)) }
    }

    /// Where the consolidated budget is not the sum of the parts' (every resource of the year by kind × phase, then
    /// the account lines by phase): empty when every total adds up, nothing lost and nothing counted twice.
    /// The total of the plan's resources of its own year of one kind and phase: what the consolidation compares.
    public static func resources(_ plan: CyclePlan, _ kind: ResourceKind, _ phase: BudgetPhase) -> Decimal {
        plan.resources.filter { $0.kind == kind && $0.phase == phase && $0.year == plan.cycle.year }.map(\.amount).reduce(0, +)
    }

    public static func budgetProblems(_ consolidated: CyclePlan, parts: [CyclePlan]) -> [String] {
        func lines(_ plan: CyclePlan, _ phase: BudgetPhase) -> Decimal {
            plan.accountLines.filter { $0.phase == phase && $0.year == plan.cycle.year }.map(\.amount).reduce(0, +)
        }
        var problems: [String] = []
        for kind in ResourceKind.allCases {
            for phase in BudgetPhase.allCases {
                let sum = parts.map { resources($0, kind, phase) }.reduce(0, +), total = resources(consolidated, kind, phase)
                if sum != total {
                    problems.append("\(kind.rawValue) \(phase.rawValue): consolidato \(ItalianFormatting.amount(total)), somma delle parti \(ItalianFormatting.amount(sum))")
                }
            }
        }
        for phase in BudgetPhase.allCases {
            let sum = parts.map { lines($0, phase) }.reduce(0, +), total = lines(consolidated, phase)
            if sum != total {
                problems.append("righe di conto \(phase.rawValue): consolidato \(ItalianFormatting.amount(total)), somma delle parti \(ItalianFormatting.amount(sum))")
            }
        }
        return problems
    }
}
