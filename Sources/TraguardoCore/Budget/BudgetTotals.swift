import Foundation

/// Budget totals rebuilt from what they are made of, as the RPP and the Piano print them. The budget
/// is attributed at one level of the tree (Lucca 2022: the strategic objectives): the deepest level at
/// which every node has a resource of that kind and phase. A node at or below that level counts its own
/// resource; a node above it, and the Ente, the sum of its descendants at that level, whatever total
/// the document printed for it. Account lines add up without their subtotals.
public enum BudgetTotals {
    /// The rebuilt total of a node (by code) or, with `nodeCode` nil, of the Ente; nil when the node is unknown.
    public static func resources(
        _ kind: ResourceKind, _ phase: BudgetPhase, of nodeCode: String? = nil, in plan: CyclePlan
    ) -> Decimal? {
        var own: [String: Decimal] = [:]
        for r in plan.resources where r.kind == kind && r.phase == phase && r.year == plan.cycle.year {
            own[r.nodeID, default: 0] += r.amount
        }
        let byID = Dictionary(plan.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func depth(_ node: PlanNode) -> Int {
            var d = 0
            var current = node.parentID
            while let id = current, let parent = byID[id], d < plan.nodes.count {
                d += 1
                current = parent.parentID
            }
            return d
        }
        let depths = Dictionary(plan.nodes.map { ($0.id, depth($0)) }, uniquingKeysWith: { a, _ in a })
        let byDepth = Dictionary(grouping: plan.nodes, by: { depths[$0.id] ?? 0 })
        let budgetDepth = byDepth.keys.sorted().last { level in byDepth[level]!.allSatisfy { own[$0.id] != nil } }
        guard let budgetDepth else {
            // No complete level: the nodes' own amounts, as printed.
            guard let nodeCode else { return own.values.reduce(0, +) }
            return plan.nodes.first { $0.code == nodeCode }.map { own[$0.id] ?? 0 }
        }
        let budgetNodes = byDepth[budgetDepth]!
        func isBelow(_ node: PlanNode, _ ancestorID: String) -> Bool {
            var current: String? = node.id
            var steps = 0
            while let id = current, steps <= plan.nodes.count {
                if id == ancestorID { return true }
                current = byID[id]?.parentID
                steps += 1
            }
            return false
        }
        guard let nodeCode else { return budgetNodes.reduce(Decimal(0)) { $0 + own[$1.id]! } }
        guard let node = plan.nodes.first(where: { $0.code == nodeCode }) else { return nil }
        if (depths[node.id] ?? 0) >= budgetDepth { return own[node.id] ?? 0 }
        return budgetNodes.filter { isBelow($0, node.id) }.reduce(Decimal(0)) { $0 + own[$1.id]! }
    }

    /// The sum of the account lines of these natures and phase (and column, istituzionale or commerciale,
    /// when given) in the node's subtree, leaving out lines that are the `padre` of others (subtotals), with
    /// their sign as printed. For the Ente (`nodeCode` nil): the lines of the tree; the Ente's own lines only
    /// when the tree has none, since they summarise the same money another way.
    public static func accounts(
        _ natures: Set<AccountNature>, _ phase: BudgetPhase, column: AccountColumn? = nil, under nodeCode: String? = nil,
        in plan: CyclePlan
    ) -> Decimal? {
        var nodeIDs: Set<String>?
        if let nodeCode {
            guard let found = plan.subtreeNodeIDs(ofCode: nodeCode) else { return nil }
            nodeIDs = found
        }
        let treeHasLines = plan.accountLines.contains { $0.nodeID != nil }
        let parents = Set(plan.accountLines.compactMap { line in line.parentCode.map { "\(line.nodeID ?? "-")|\($0)" } })
        return plan.accountLines
            .filter { line in
                guard line.phase == phase, line.nature.map(natures.contains) == true,
                      column == nil || line.column == column,
                      !parents.contains("\(line.nodeID ?? "-")|\(line.code)") else { return false }
                if let nodeIDs { return line.nodeID.map(nodeIDs.contains) == true }
                return treeHasLines ? line.nodeID != nil : true
            }
            .reduce(Decimal(0)) { $0 + $1.amount }
    }
}
