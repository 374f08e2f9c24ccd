import TraguardoCore

/// The plan tree, expandable with `<details>`/`<summary>` (no JavaScript needed): every node with its
/// score and traffic light, owner and budget, linking to its page; then the objectives of Ente and the
/// individual ones.
public struct AlberoPage: WebPage {
    public static let templateName = "albero"
    public var title: String
    public var entityName: String
    public var periodLabel: String?
    public var nodes: [TreeNode]
    public var hasNodes: Bool
    public var objectives: [TreeNode]
    public var hasObjectives: Bool

    /// One node of the tree. Flags instead of optionals: Mustache looks a missing name up in the enclosing
    /// nodes, so an empty `owner` must be found (and be false), not inherited from the parent.
    public struct TreeNode: Sendable {
        public var code: String
        public var title: String
        public var kindLabel: String
        public var href: String
        public var score: ScoreBadge
        public var owner: String
        public var hasOwner: Bool
        public var budget: String
        public var hasBudget: Bool
        public var children: [TreeNode]
        public var hasChildren: Bool
    }

    public static func make(plan: CyclePlan, scores: PlanScores) -> AlberoPage {
        let ente = plan.entity.shortName ?? plan.entity.name
        let children = Dictionary(grouping: plan.nodes, by: { $0.parentID ?? "" })
        func href(_ code: String) -> String { WebRoutes.nodo(ente: plan.entity.code, anno: plan.cycle.year, percorso: code) }
        func build(_ parent: String, seen: Set<String>) -> [TreeNode] {
            (children[parent] ?? []).sorted { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) }
                .filter { !seen.contains($0.id) }
                .map { node in
                    let kids = build(node.id, seen: seen.union([node.id]))
                    let owner = PlanDescriptions.owner(unitID: node.ownerUnitID, personID: node.ownerPersonID, in: plan)
                    let budget = PlanDescriptions.budget(of: node, in: plan)
                    return TreeNode(
                        code: node.code, title: node.title, kindLabel: PlanDescriptions.kindLabel(node, in: plan),
                        href: href(node.code), score: scores.nodes[node.id].map { ScoreBadge($0.score) } ?? .missing,
                        owner: owner ?? "", hasOwner: owner != nil, budget: budget ?? "", hasBudget: budget != nil,
                        children: kids, hasChildren: !kids.isEmpty)
                }
        }
        let nodes = build("", seen: [])
        let objectives = plan.objectives.sorted { ($0.kind == .ente ? 0 : 1, $0.sortOrder) < ($1.kind == .ente ? 0 : 1, $1.sortOrder) }
            .map { o in
                let owner = PlanDescriptions.owner(unitID: o.unitID, personID: o.managerPersonID, in: plan)
                return TreeNode(
                    code: o.code, title: o.title, kindLabel: o.kind.label, href: href(o.code),
                    score: scores.objectives[o.id].map { ScoreBadge($0.score) } ?? .missing,
                    owner: owner ?? "", hasOwner: owner != nil, budget: "", hasBudget: false, children: [], hasChildren: false)
            }
        let period = scores.periodCode.map { code in plan.period(code: code).map { "\($0.name) (\($0.code))" } ?? code }
        return AlberoPage(
            title: "Albero della performance \(ente) \(plan.cycle.year)", entityName: plan.entity.name, periodLabel: period,
            nodes: nodes, hasNodes: !nodes.isEmpty, objectives: objectives, hasObjectives: !objectives.isEmpty)
    }
}
