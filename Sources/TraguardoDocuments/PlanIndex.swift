import Foundation
import TraguardoCore

/// A plan looked up the way a programming document reads it: the tree in the Ente's order, the units by id
/// or code, the indicators and targets of a node, the account lines of a subtree. Nothing here adds money
/// up: totals come from `BudgetTotals` and `AccountFigures`.
struct PlanIndex {
    let plan: CyclePlan
    let nodesByID: [String: PlanNode]
    private let childrenByParent: [String: [PlanNode]]

    init(_ plan: CyclePlan) {
        self.plan = plan
        nodesByID = Dictionary(plan.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = plan.nodes.enumerated().sorted { ($0.element.sortOrder, $0.offset) < ($1.element.sortOrder, $1.offset) }
            .map(\.element)
        childrenByParent = Dictionary(grouping: ordered, by: { $0.parentID ?? "" })
    }

    var roots: [PlanNode] { childrenByParent[""] ?? [] }

    func children(of node: PlanNode) -> [PlanNode] { childrenByParent[node.id] ?? [] }

    /// The node and everything under it, depth first, in the Ente's order.
    func subtree(of node: PlanNode) -> [PlanNode] {
        var out: [PlanNode] = []
        var seen: Set<String> = []
        func visit(_ n: PlanNode) {
            guard seen.insert(n.id).inserted else { return }
            out.append(n)
            for child in children(of: n) { visit(child) }
        }
        visit(node)
        return out
    }

    /// The label the Ente prints for a kind of node (`Priorità (Linea strategica)`), else the generic one.
    func label(of kind: PlanNodeKind) -> String {
        plan.levels.first { $0.kind == kind }?.label ?? kind.label
    }

    func unit(_ reference: String?) -> OrganisationalUnit? {
        guard let reference else { return nil }
        return plan.units.first { $0.id == reference } ?? plan.units.first { $0.code == reference }
    }

    /// The indicators of a node, in the Ente's order.
    func indicators(ofNode node: PlanNode) -> [Indicator] {
        ordered(plan.indicators.filter { $0.nodeID == node.id })
    }

    func indicators(ofObjective objective: Objective) -> [Indicator] {
        ordered(plan.indicators.filter { $0.objectiveID == objective.id })
    }

    private func ordered(_ indicators: [Indicator]) -> [Indicator] {
        indicators.enumerated().sorted { ($0.element.sortOrder, $0.offset) < ($1.element.sortOrder, $1.offset) }.map(\.element)
    }

    /// The yearly target of an indicator (not a period's intermediate one).
    func target(of indicator: Indicator, year: Int) -> Target? {
        plan.targets.first { $0.indicatorID == indicator.id && $0.year == year && $0.periodCode == nil }
    }

    /// The target as the document prints it: its text, else comparator and value; `—` where there is none that year.
    func targetText(of indicator: Indicator, year: Int) -> String {
        guard let target = target(of: indicator, year: year) else { return "" }
        if !target.applicable { return "—" }
        if let text = target.text, !text.isEmpty { return text }
        var parts: [String] = []
        if let comparator = target.comparator { parts.append(comparator.symbol) }
        if let value = target.value { parts.append(ItalianFormatting.number(value)) }
        if let deadline = target.deadline { parts.append("entro il \(deadline.italian)") }
        return parts.joined(separator: " ")
    }

    /// The target as a cell aligned with the figures: a bare value is a number; a comparator, a deadline or the
    /// plan's own words (`100%`, `entro il 30/06`) stay text.
    func targetCell(of indicator: Indicator, year: Int) -> TableCell {
        if let target = target(of: indicator, year: year), target.applicable, target.text?.isEmpty ?? true,
           target.comparator == nil, target.deadline == nil, let value = target.value {
            return .number(value)
        }
        return .trailing(targetText(of: indicator, year: year))
    }

    /// The years the plan's indicators have yearly targets for, in order.
    var targetYears: [Int] {
        Array(Set(plan.targets.filter { $0.periodCode == nil }.map(\.year))).sorted()
    }

    /// Whether the node has a resource of this kind and phase for the cycle's year (so that a figure is printed
    /// only where the document has one).
    func hasResource(_ kind: ResourceKind, _ phase: BudgetPhase, on node: PlanNode) -> Bool {
        plan.resources.contains { $0.nodeID == node.id && $0.kind == kind && $0.phase == phase && $0.year == plan.cycle.year }
    }

    /// The account lines of these nodes: node by node in the order given, each node's lines in the Ente's order.
    func accountLines(of nodes: [PlanNode]) -> [AccountLine] {
        var position: [String: Int] = [:]
        for (i, node) in nodes.enumerated() where position[node.id] == nil { position[node.id] = i }
        return plan.accountLines.enumerated()
            .compactMap { offset, line in line.nodeID.flatMap { position[$0] }.map { (node: $0, offset: offset, line: line) } }
            .sorted { ($0.node, $0.line.sortOrder, $0.offset) < ($1.node, $1.line.sortOrder, $1.offset) }
            .map(\.line)
    }

    /// The phase the programming document's money is in: `aggiornato` when the plan has an updated budget,
    /// else `preventivo`, else `consuntivo`.
    var budgetPhase: BudgetPhase {
        let year = plan.cycle.year
        let phases = Set(plan.resources.filter { $0.year == year }.map(\.phase))
            .union(plan.accountLines.filter { $0.year == year }.map(\.phase))
        for phase in [BudgetPhase.aggiornato, .preventivo, .consuntivo] where phases.contains(phase) { return phase }
        return .preventivo
    }

    /// `1B – Analisi del sistema economico locale`, one line.
    static func label(_ code: String, _ title: String) -> String {
        let clean = oneLine(title)
        if code.isEmpty { return clean }
        return clean.isEmpty ? code : "\(code) – \(clean)"
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A text's paragraphs (blank-line separated), each on one line.
    static func paragraphs(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.components(separatedBy: "\n\n").map(oneLine).filter { !$0.isEmpty }
    }

    /// `1.418.965,00`.
    static func money(_ value: Decimal?) -> String {
        value.map(ItalianFormatting.amount) ?? ""
    }

    static func natureLabel(_ nature: AccountNature?) -> String {
        switch nature {
        case .costoEsterno: "Costo esterno"
        case .investimento: "Investimento"
        case .contributo: "Contributo"
        case .ricavo: "Ricavo"
        case .provento: "Provento"
        case .onere: "Onere"
        case .risultato: "Risultato"
        case nil: ""
        }
    }
}
