import Foundation

/// Weights of siblings add up to 100 (or to 1), and are given to all siblings or to none.
public struct WeightSumCheck: PlanCheck {
    public let code = "PESI-SOMMA"
    public let title = "Somma dei pesi"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        var groups: [(kind: String, owner: String, weights: [Decimal?], provenance: Provenance?)] = []
        for (parentID, nodes) in Dictionary(grouping: plan.nodes, by: { $0.parentID ?? "" }) {
            let owner = lookup.nodesByID[parentID]?.code ?? "radice dell'albero"
            groups.append(("nodi figli di", owner, nodes.map(\.weight), nodes.first?.provenance))
        }
        for (indicatorID, items) in Dictionary(grouping: plan.items, by: \.indicatorID) {
            let owner = lookup.indicatorsByID[indicatorID].map(lookup.indicatorCode) ?? indicatorID
            groups.append(("item dell'indicatore", owner, items.map(\.weight), items.first?.provenance))
        }
        for (ownerID, indicators) in Dictionary(grouping: plan.indicators, by: { $0.nodeID ?? $0.objectiveID ?? "" }) {
            let owner = lookup.nodesByID[ownerID]?.code ?? lookup.objectivesByID[ownerID]?.code ?? ownerID
            groups.append(("indicatori di", owner, indicators.map(\.weight), indicators.first?.provenance))
        }
        for (manager, objectives) in Dictionary(grouping: plan.objectives.filter { $0.managerPersonID != nil },
                                                by: { $0.managerPersonID! })
        {
            groups.append(("obiettivi del dirigente", manager, objectives.map(\.weight), objectives.first?.provenance))
        }
        var result: [Finding] = []
        for group in groups {
            let given = group.weights.compactMap { $0 }
            guard !given.isEmpty else { continue }
            let message: String
            if given.count != group.weights.count {
                message = "Solo \(given.count) su \(group.weights.count) \(group.kind) \(group.owner) hanno un peso. "
                    + "Dare un peso a tutti o a nessuno."
            } else {
                let sum = given.reduce(Decimal(0), +)
                guard sum != 100 && sum != 1 else { continue }
                message = "I pesi dei \(group.kind) \(group.owner) sommano a \(CheckText.number(sum)), non a 100. "
                    + "Correggere i pesi."
            }
            result.append(Finding(code: code, severity: .error, elementKind: "pesi", elementCode: group.owner,
                                  provenance: group.provenance, message: message))
        }
        return result.sorted { $0.elementCode < $1.elementCode }
    }
}
