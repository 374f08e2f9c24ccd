import Foundation

/// Two sibling objectives with exactly the same budget are often a copied line (Massa-Carrara
/// 2022: objective 1.2 prints the 235.000,00 of 1.1, while the «Interventi economici» give it 10.000).
/// A whole box of several lines repeated by a node of the same kind elsewhere in the tree is one too
/// (Lucca 2013: the box of I2 repeats the 6.500,00 / 5.030,00 of H2).
public struct CopiedResourcesCheck: PlanCheck {
    public let code = "RISORSE-COPIATE"
    public let title = "Risorse uguali a quelle di un nodo fratello"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let year = plan.cycle.year
        let resources = Dictionary(grouping: plan.resources.filter { $0.year == year && $0.amount != 0 }, by: \.nodeID)
        func signature(_ node: PlanNode) -> [String] {
            (resources[node.id] ?? []).map { "\($0.kind.rawValue)|\($0.phase.rawValue)|\($0.amount)" }.sorted()
        }
        var result: [Finding] = []
        let groups = Dictionary(grouping: plan.nodes.filter { $0.parentID != nil }, by: { "\($0.parentID!)|\($0.kind.rawValue)" })
        let sameKind = Dictionary(grouping: plan.nodes.filter { $0.parentID != nil }, by: \.kind.rawValue)
        for node in plan.nodes {
            guard let parent = node.parentID, let siblings = groups["\(parent)|\(node.kind.rawValue)"] else { continue }
            let own = signature(node)
            guard !own.isEmpty else { continue }
            var twin = siblings.prefix(while: { $0.id != node.id }).first(where: { signature($0) == own })
            if twin == nil, own.count >= 2 {
                twin = (sameKind[node.kind.rawValue] ?? []).prefix(while: { $0.id != node.id })
                    .first(where: { $0.parentID != parent && signature($0) == own })
            }
            guard let twin else { continue }
            let amounts = (resources[node.id] ?? []).map { "\($0.kind.label.lowercased()) \(CheckText.amount($0.amount))" }
                .joined(separator: ", ")
            result.append(Finding(
                code: code, severity: .warning, elementKind: "nodo", elementCode: node.code, provenance: node.provenance,
                message: "\(node.kind.label) \(node.code) ha le stesse risorse di \(twin.code) (\(amounts)): "
                    + "probabilmente una riga copiata. Verificare le risorse di \(node.code) sul bilancio o sul prospetto degli interventi."))
        }
        return result
    }
}
