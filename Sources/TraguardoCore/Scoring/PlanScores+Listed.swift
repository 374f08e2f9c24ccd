import Foundation

/// One scored element in the order the listing has it, with its depth (0 for the Ente and the groups' roots).
public struct ListedScore: Sendable {
    public var element: ScoredElement
    public var depth: Int
}

extension PlanScores {
    /// The scored elements in the order `traguardo score` lists them and the documents go through them: the Ente,
    /// then the tree depth first (each node followed by its indicators and their items, then its children),
    /// objectives in the plan's order with their indicators, managers by name, the Carta dei servizi and its
    /// rows, the procedures' total and the procedures.
    public func listed(in plan: CyclePlan) -> [ListedScore] {
        var rows = [ListedScore(element: entity, depth: 0)]
        let indicatorsByOwner = Dictionary(grouping: plan.indicators.stableSorted { $0.sortOrder < $1.sortOrder }) {
            $0.nodeID ?? $0.objectiveID ?? ""
        }
        let itemsByIndicator = Dictionary(grouping: plan.items.stableSorted { $0.sortOrder < $1.sortOrder }, by: \.indicatorID)
        func addIndicators(of owner: String, depth: Int) {
            for indicator in indicatorsByOwner[owner] ?? [] {
                guard let scored = self.indicators[indicator.id] else { continue }
                rows.append(ListedScore(element: scored, depth: depth))
                for item in itemsByIndicator[indicator.id] ?? [] {
                    if let scored = self.items[item.id] { rows.append(ListedScore(element: scored, depth: depth + 1)) }
                }
            }
        }
        let children = Dictionary(grouping: plan.nodes, by: { $0.parentID ?? "" })
        func walk(_ parent: String, depth: Int) {
            for node in (children[parent] ?? []).sorted(by: { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) }) {
                if let scored = self.nodes[node.id] { rows.append(ListedScore(element: scored, depth: depth)) }
                addIndicators(of: node.id, depth: depth + 1)
                walk(node.id, depth: depth + 1)
            }
        }
        walk("", depth: 0)
        for objective in plan.objectives.stableSorted(by: { $0.sortOrder < $1.sortOrder }) {
            guard let scored = objectives[objective.id] else { continue }
            rows.append(ListedScore(element: scored, depth: 0))
            addIndicators(of: objective.id, depth: 1)
        }
        for manager in managers.values.sorted(by: { $0.subject.title < $1.subject.title }) {
            rows.append(ListedScore(element: manager, depth: 0))
        }
        if let serviceCharter { rows.append(ListedScore(element: serviceCharter, depth: 0)) }
        for standard in plan.serviceStandards.stableSorted(by: { $0.sortOrder < $1.sortOrder }) {
            if let scored = serviceRows[standard.id] { rows.append(ListedScore(element: scored, depth: 1)) }
        }
        if let procedureTotal { rows.append(ListedScore(element: procedureTotal, depth: 0)) }
        for procedure in plan.procedures.stableSorted(by: { $0.sortOrder < $1.sortOrder }) {
            if let scored = procedures[procedure.id] { rows.append(ListedScore(element: scored, depth: 1)) }
        }
        return rows
    }
}
