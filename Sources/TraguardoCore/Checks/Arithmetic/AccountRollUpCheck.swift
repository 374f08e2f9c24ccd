import Foundation

/// A parent account line equals the sum of its children (conto economico: 31 = 310 + 311 + …;
/// 3 = 30 + 35 + 36 + 37), in every phase, node and column; a parent with a cost centre sums its
/// children of that cost centre, or all its children when none has it (a total across the
/// bodies of the system, as Lucca's personnel cost 2015 = CCIAA + Lucca In-Tec + Lucca Promos).
public struct AccountRollUpCheck: PlanCheck {
    public let code = "CONTI-SOMMA"
    public let title = "Somme dei conti"

    public init() {}

    private struct Group: Hashable {
        var nodeID: String?
        var phase: BudgetPhase
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let groups = Dictionary(grouping: context.plan.accountLines) {
            Group(nodeID: $0.nodeID, phase: $0.phase)
        }
        var result: [Finding] = []
        for lines in groups.values {
            let children = Dictionary(grouping: lines.filter { $0.parentCode != nil }) { $0.parentCode! }
            for parent in lines {
                guard var kids = children[parent.code], !kids.isEmpty else { continue }
                let sameCentre = kids.filter { $0.costCentre == parent.costCentre }
                if !sameCentre.isEmpty { kids = sameCentre }
                if parent.column != nil { kids = kids.filter { $0.column == nil || $0.column == parent.column } }
                let sum = kids.reduce(Decimal(0)) { $0 + $1.amount }
                guard sum != parent.amount else { continue }
                let childCodes = kids.map(\.code).joined(separator: " + ")
                result.append(Finding(
                    code: code, severity: .error, elementKind: "conto", elementCode: parent.code,
                    provenance: parent.provenance,
                    message: "Il conto \(parent.code) «\(parent.description)» (\(parent.phase.label.lowercased())) "
                        + "vale \(CheckText.amount(parent.amount)) ma la somma dei conti figli \(childCodes) è "
                        + "\(CheckText.amount(sum)) (differenza \(CheckText.amount(parent.amount - sum))). "
                        + "Correggere l'importo del conto o delle sue righe."))
            }
        }
        return result.sorted { ($0.elementCode, $0.message) < ($1.elementCode, $1.message) }
    }
}
