import Foundation

/// Italian wording shared by the checks' messages.
enum CheckText {
    /// A decimal in Italian format, keeping its own digits: 1418965.5 → "1.418.965,5".
    static func number(_ value: Decimal) -> String {
        var text = "\(value)"
        var sign = ""
        if text.hasPrefix("-") {
            sign = "-"
            text.removeFirst()
        }
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        var integer = parts[0]
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        let grouped = groups.joined(separator: ".")
        return parts.count > 1 ? "\(sign)\(grouped),\(parts[1])" : "\(sign)\(grouped)"
    }

    /// Money with two decimals: "1.418.965,00".
    static func amount(_ value: Decimal) -> String {
        ItalianFormatting.amount(value)
    }
}

/// Lookups over a plan that several checks need.
struct PlanLookup {
    let plan: CyclePlan
    let nodesByID: [String: PlanNode]
    let objectivesByID: [String: Objective]
    let indicatorsByID: [String: Indicator]

    init(_ plan: CyclePlan) {
        self.plan = plan
        nodesByID = Dictionary(plan.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        objectivesByID = Dictionary(plan.objectives.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        indicatorsByID = Dictionary(plan.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// "A10101/1": the indicator's code prefixed by its owner's code.
    func indicatorCode(_ indicator: Indicator) -> String {
        "\(ownerCode(of: indicator))/\(indicator.code)"
    }

    func ownerCode(of indicator: Indicator) -> String {
        if let id = indicator.nodeID, let node = nodesByID[id] { return node.code }
        if let id = indicator.objectiveID, let objective = objectivesByID[id] { return objective.code }
        return "?"
    }
}
