import Foundation

/// Every project and operational objective has an owner (an office or a person, or one inherited
/// from the node above), and every individual objective names its manager.
public struct OwnerCheck: PlanCheck {
    public let code = "RESPONSABILE-MANCANTE"
    public let title = "Responsabili"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        var result: [Finding] = []
        func hasOwner(_ node: PlanNode) -> Bool {
            var current: PlanNode? = node
            var seen: Set<String> = []
            while let candidate = current, !seen.contains(candidate.id) {
                if candidate.ownerUnitID != nil || candidate.ownerPersonID != nil { return true }
                seen.insert(candidate.id)
                current = candidate.parentID.flatMap { lookup.nodesByID[$0] }
            }
            return false
        }
        let operational: Set<PlanNodeKind> = [.project, .operationalObjective, .complexAction]
        for node in plan.nodes where operational.contains(node.kind) && !hasOwner(node) {
            result.append(Finding(
                code: code, severity: .warning, elementKind: "nodo", elementCode: node.code, provenance: node.provenance,
                message: "\(node.kind.label) \(node.code) «\(node.title)» non ha un responsabile. "
                    + "Indicare l'ufficio o il dirigente che ne risponde."))
        }
        for objective in plan.objectives where objective.kind == .individual && objective.managerPersonID == nil {
            result.append(Finding(
                code: code, severity: .error, elementKind: "obiettivo", elementCode: objective.code,
                provenance: objective.provenance,
                message: "L'obiettivo individuale \(objective.code) «\(objective.title)» non indica il dirigente "
                    + "a cui è assegnato. Indicarlo, altrimenti non entra in nessuna scheda di valutazione."))
        }
        return result
    }
}
