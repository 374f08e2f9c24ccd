import Foundation
import TraguardoCore

/// «Come è stato ottenuto» for a person: the core's `Explanation` as a tree of `<details>` (no script needed),
/// each element with its value, the formula in words (`Formula.words`), its notes, a link to its page, and
/// inside it the inputs the formula used. The first level is open.
public struct ExplanationTree: Sendable {
    /// `Nodo C30101`, `Indicatore SG-4/1`.
    public var name: String
    public var title: String
    public var href: String
    public var hasHref: Bool
    public var shown: String
    /// «media di 4 valori (…), troncato a 2 decimali»; empty for a value that is its own formula.
    public var words: String
    public var hasWords: Bool
    /// The notes a reader must see next to the number (N.C. reasons, justified deviations …), joined by «; ».
    public var notes: String
    public var hasNotes: Bool
    public var children: [ExplanationTree]
    public var hasChildren: Bool
    public var open: Bool

    /// The tree of `explanation`, with links into the pages of `plan`'s Ente-year.
    public static func make(_ explanation: Explanation, plan: CyclePlan) -> ExplanationTree {
        let links = Links(plan: plan)
        func node(_ e: Explanation, depth: Int) -> ExplanationTree {
            let subject = e.subject
            let path = subject.parentCode.map { "\($0)/\(subject.code)" } ?? subject.code
            let words = e.formula.words
            let href = links.href(subject) ?? ""
            let children = e.inputs.map { node($0, depth: depth + 1) }
            return ExplanationTree(
                name: path.isEmpty ? subject.kind.label : "\(subject.kind.label) \(path)",
                title: subject.title.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                href: href, hasHref: !href.isEmpty, shown: e.shown,
                words: words == e.shown ? "" : words, hasWords: words != e.shown,
                notes: e.notes.joined(separator: "; "), hasNotes: !e.notes.isEmpty, children: children, hasChildren: !children.isEmpty,
                open: depth == 0)
        }
        return node(explanation, depth: 0)
    }

    /// Where each kind of element is shown: a node or an objective on its page, an indicator and its items in
    /// the indicator's section of the page of the node or objective they belong to, the Ente on its cruscotto.
    struct Links {
        let ente: String, year: Int
        let nodeCodes: [String: String]
        let objectiveCodes: [String: String]
        /// Indicator id → (owner's code, anchor).
        let indicatorPlaces: [String: String]
        let itemIndicators: [String: String]

        init(plan: CyclePlan) {
            ente = plan.entity.code
            year = plan.cycle.year
            nodeCodes = Dictionary(plan.nodes.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
            objectiveCodes = Dictionary(plan.objectives.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
            let (nodes, objectives) = (nodeCodes, objectiveCodes)
            indicatorPlaces = Dictionary(plan.indicators.compactMap { i -> (String, String)? in
                guard let owner = i.nodeID.flatMap({ nodes[$0] }) ?? i.objectiveID.flatMap({ objectives[$0] }) else { return nil }
                return (i.id, WebRoutes.nodo(ente: plan.entity.code, anno: plan.cycle.year, percorso: owner)
                    + "#indicatore-\(WebRoutes.segment(i.id))")
            }, uniquingKeysWith: { a, _ in a })
            itemIndicators = Dictionary(plan.items.map { ($0.id, $0.indicatorID) }, uniquingKeysWith: { a, _ in a })
        }

        func href(_ subject: ScoreSubject) -> String? {
            switch subject.kind {
            case .node: nodeCodes[subject.id].map { WebRoutes.nodo(ente: ente, anno: year, percorso: $0) }
            case .objective: objectiveCodes[subject.id].map { WebRoutes.nodo(ente: ente, anno: year, percorso: $0) }
            case .indicator: indicatorPlaces[subject.id]
            case .item: itemIndicators[subject.id].flatMap { indicatorPlaces[$0] }
            case .entity: WebRoutes.cruscotto(ente: ente, anno: year)
            default: nil
            }
        }
    }
}
