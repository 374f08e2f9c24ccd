import Foundation
import TraguardoCore

/// The page of a node of the tree or of an objective: its score and how it was obtained (the core's
/// `Explanation` as an expandable tree, `ExplanationTree`, with the sources below), owner and budget, its
/// children, its indicators with their targets, and each item with its measurement and the history of its
/// measurements over the periods of the year.
public struct NodePage: WebPage {
    public static let templateName = "nodo"
    public var title: String
    public var kindLabel: String
    public var code: String
    public var nodeTitle: String
    public var description: String?
    public var owner: String?
    public var periodLabel: String?
    public var score: ScoreBadge
    public var explanation: ExplanationTree
    public var sources: [String]
    public var hasSources: Bool
    public var parent: NavLink?
    public var treeHref: String
    public var budget: [BudgetRow]
    public var hasBudget: Bool
    /// The budget phases, as the table's columns.
    public var budgetPhases: [String]
    /// «modificato con Delibera di Consiglio n. 4 del 10/11/2017», where acts varied the node.
    public var varied: String?
    /// The element's history: «Versioni del piano» with `?elemento=`.
    public var historyHref: String = ""
    public var children: [ChildRow]
    public var hasChildren: Bool
    public var indicators: [IndicatorView]
    public var hasIndicators: Bool
    /// Comments and validations, with their forms for the OIV (set by the server).
    public var reviews: NodeReviews?

    public struct BudgetRow: Sendable {
        public var kind: String
        public var amounts: [String]
    }

    public struct ChildRow: Sendable {
        public var code: String
        public var title: String
        public var href: String
        public var score: ScoreBadge
    }

    public struct IndicatorView: Sendable {
        public var code: String
        public var name: String
        public var unit: String
        public var targets: String
        public var baseline: String
        public var score: ScoreBadge
        public var items: [ItemView]
        public var headingID: String
    }

    public struct ItemView: Sendable {
        public var code: String
        public var path: String
        public var description: String
        public var target: String
        public var measurement: String
        public var office: String
        public var score: ScoreBadge
        /// `T2: 40 · ANNO: 100`: the item's measurements in the periods of the year, in order.
        public var history: String
        /// The item's stored evidence files, every period, as download links.
        public var evidence: [EvidenceLink]
        public var hasEvidence: Bool
    }


    /// - Parameters:
    ///   - path: the node's or objective's code (`C30101`, `SG-4`); nil when the plan has none.
    ///   - evidence: the stored evidence files of the Ente-year; each item lists its own.
    public static func make(plan: CyclePlan, scores: PlanScores, path: String, evidence: [EvidenceFile] = []) -> NodePage? {
        let key = path.trimmingCharacters(in: .whitespaces)
        let node = plan.nodes.first { $0.code == key }
        let objective = node == nil ? plan.objectives.first { $0.code == key } : nil
        guard node != nil || objective != nil else { return nil }
        guard let element = node.flatMap({ scores.nodes[$0.id] }) ?? objective.flatMap({ scores.objectives[$0.id] }) else { return nil }
        let ente = plan.entity.code, year = plan.cycle.year
        func href(_ code: String) -> String { WebRoutes.nodo(ente: ente, anno: year, percorso: code) }

        let kindLabel = node.map { PlanDescriptions.kindLabel($0, in: plan) } ?? objective!.kind.label
        let ownerID = node?.id ?? objective!.id
        let scoredPeriod = scores.periodCode.flatMap { plan.period(code: $0) }
        let sources = plan.sources(of: element.explanation, periodID: scoredPeriod?.id).map {
            "\($0.label): \($0.provenances.map(\.description).joined(separator: "; "))"
        }

        var budget: [BudgetRow] = []
        if let node {
            for kind in ResourceKind.allCases {
                let phases = BudgetPhase.allCases.map { phase -> String in
                    guard plan.resources.contains(where: { $0.kind == kind && $0.phase == phase && $0.year == year }),
                          let amount = BudgetTotals.resources(kind, phase, of: node.code, in: plan) else { return "–" }
                    return ItalianFormatting.euro(amount)
                }
                if phases.contains(where: { $0 != "–" }) { budget.append(BudgetRow(kind: kind.label, amounts: phases)) }
            }
        }

        let children = plan.nodes.filter { node != nil && $0.parentID == node!.id }
            .sorted { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) }
            .map { ChildRow(code: $0.code, title: $0.title, href: href($0.code), score: badge(scores.nodes[$0.id])) }
        let parent = node?.parentID.flatMap { id in plan.nodes.first { $0.id == id } }
            .map { NavLink(label: "\($0.code) \($0.title)", href: href($0.code)) }

        let periods = plan.periods.sorted { $0.sequence < $1.sequence }
        let periodOrder = Dictionary(periods.flatMap { [($0.id, $0.sequence), ($0.code, $0.sequence)] }, uniquingKeysWith: { a, _ in a })
        let periodCodes = Dictionary(periods.flatMap { [($0.id, $0.code), ($0.code, $0.code)] }, uniquingKeysWith: { a, _ in a })
        let measurementsByItem = Dictionary(grouping: plan.measurements, by: \.itemID)
        let offices = plan.responsibleUnits()
        let unitNames = Dictionary(plan.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let paths = plan.itemPaths()
        let itemsByIndicator = Dictionary(grouping: plan.items, by: \.indicatorID)
        let filesByItem = Dictionary(grouping: evidence, by: \.itemID)
        let indicators = plan.indicators.filter { $0.nodeID == ownerID || $0.objectiveID == ownerID }
            .sorted { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) }
            .map { indicator -> IndicatorView in
                let targets = plan.targets.filter { $0.indicatorID == indicator.id && $0.year == year }
                    .map(targetText).joined(separator: "; ")
                let items = (itemsByIndicator[indicator.id] ?? []).sorted { $0.sortOrder < $1.sortOrder }.map { item -> ItemView in
                    let all = (measurementsByItem[item.id] ?? []).sorted { (periodOrder[$0.periodID] ?? 0) < (periodOrder[$1.periodID] ?? 0) }
                    let current = scoredPeriod.map { plan.measurement(of: item.id, in: $0) } ?? all.first
                    let history = all.map { "\(periodCodes[$0.periodID] ?? $0.periodID): \(measurementText($0))" }.joined(separator: " · ")
                    return ItemView(
                        code: item.code, path: paths[item.id] ?? item.code, description: item.description,
                        target: item.targetText ?? item.targetValue.map { ItalianFormatting.number($0) } ?? "",
                        measurement: current.map(measurementText) ?? "non rilevato",
                        office: offices[item.id].flatMap { unitNames[$0] } ?? "",
                        score: badge(scores.items[item.id]), history: history,
                        evidence: (filesByItem[item.id] ?? []).map { EvidenceLink($0, ente: ente, anno: year) },
                        hasEvidence: filesByItem[item.id]?.isEmpty == false)
                }
                return IndicatorView(
                    code: indicator.code, name: indicator.name, unit: indicator.unit ?? "", targets: targets,
                    baseline: indicator.baselineText ?? indicator.baselineValue.map { ItalianFormatting.number($0) } ?? "",
                    score: badge(scores.indicators[indicator.id]), items: items,
                    headingID: "indicatore-\(WebRoutes.segment(indicator.id))")
            }

        let code = node?.code ?? objective!.code
        let title = node?.title ?? objective!.title
        return NodePage(
            title: "\(kindLabel) \(code) – \(title)", kindLabel: kindLabel, code: code, nodeTitle: title,
            description: node?.description ?? objective?.description,
            owner: PlanDescriptions.owner(unitID: node?.ownerUnitID ?? objective?.unitID,
                                          personID: node?.ownerPersonID ?? objective?.managerPersonID, in: plan),
            periodLabel: scores.periodCode.map { c in plan.period(code: c).map { "\($0.name) (\($0.code))" } ?? c },
            score: ScoreBadge(element.score), explanation: ExplanationTree.make(element.explanation, plan: plan),
            sources: sources, hasSources: !sources.isEmpty, parent: parent,
            treeHref: WebRoutes.albero(ente: ente, anno: year), budget: budget, hasBudget: !budget.isEmpty, budgetPhases: BudgetPhase.allCases.map(\.label),
            varied: node.flatMap { PlanApproval.variedNote(nodeID: $0.id, in: plan) }.map { $0.prefix(1).uppercased() + $0.dropFirst() },
            historyHref: WebRoutes.pianoVersioni(ente: ente, anno: year) + "?elemento=" + WebRoutes.segment(code),
            children: children, hasChildren: !children.isEmpty, indicators: indicators, hasIndicators: !indicators.isEmpty)
    }

    static func badge(_ element: ScoredElement?) -> ScoreBadge { element.map { ScoreBadge($0.score) } ?? .missing }

    static func targetText(_ t: Target) -> String {
        guard t.applicable else { return "nessun target" }
        var text = t.text ?? [t.comparator?.symbol, t.value.map { ItalianFormatting.number($0) }, t.deadline?.italian]
            .compactMap { $0 }.joined(separator: " ")
        if let p = t.periodCode { text = "\(p): \(text)" }
        return text
    }

    /// A measurement in words: `95`, `43/47`, `N.C. (nessuna richiesta)`, `… – scostamento giustificato: …`.
    static func measurementText(_ m: TraguardoCore.Measurement) -> String {
        var text = m.isNotComputable ? "N.C. (\(m.notComputableReason ?? ""))" : (m.text ?? m.enteredText)
        if m.justifiedDeviation { text += " – scostamento giustificato" + (m.justificationNote.map { ": \($0)" } ?? "") }
        if let o = m.override { text += " – modificato a mano: \(ItalianFormatting.number(o.score)) (\(o.reason), \(o.approvedBy))" }
        return text
    }
}
