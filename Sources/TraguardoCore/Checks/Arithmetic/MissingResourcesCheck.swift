import Foundation

/// When every strategic objective (or area) of a group has its budget, the one without any is
/// probably a forgotten line (Massa-Carrara 2022: objective 2.2 has no «Risorse 2022»).
public struct MissingResourcesCheck: PlanCheck {
    public let code = "RISORSE-MANCANTI"
    public let title = "Risorse mancanti"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let year = plan.cycle.year
        let funded = Set(plan.resources.filter { $0.year == year }.map(\.nodeID))
            .union(plan.accountLines.filter { $0.year == year }.compactMap(\.nodeID))
        var result: [Finding] = []
        // Each node is compared with all the nodes of its kind in the Ente-year, not only its
        // siblings: a one-objective area is still part of the plan's budget.
        for kind in [PlanNodeKind.strategicArea, .strategicObjective] {
            let nodes = plan.nodes.filter { $0.kind == kind && $0.status == .active }
            let missing = nodes.filter { !funded.contains($0.id) }
            guard nodes.count >= 3, missing.count == 1, let node = missing.first else { continue }
            result.append(Finding(
                code: code, severity: .warning, elementKind: "nodo", elementCode: node.code, provenance: node.provenance,
                message: "\(kind.label) \(node.code) non ha risorse \(year), mentre \(nodes.count - 1) su \(nodes.count) le hanno. "
                    + "Aggiungere le risorse (anche 0,00 se l'obiettivo non ne usa)."))
        }
        return result
    }
}
