import Foundation

/// A node's budget equals what it is made of: the sum of its children's budgets of the same kind
/// and phase or, when the children carry none, the sum of the account lines below it
/// (Lucca 2022: area and objective totals against the projects' lines).
public struct ResourceRollUpCheck: PlanCheck {
    public let code = "RISORSE-SOMMA"
    public let title = "Somme delle risorse"

    public init() {}

    /// Which budget kind an account line's nature counts towards.
    static func kind(of nature: AccountNature?) -> ResourceKind? {
        switch nature {
        case .costoEsterno, .onere: .oneri
        case .investimento: .investimenti
        // Contributi received (Unioncamere, Fondo perequativo, DA 20%): the «contributi/ricavi» of a scheda.
        case .ricavo, .provento, .contributo: .proventi
        case .risultato, nil: nil
        }
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let children = Dictionary(grouping: plan.nodes.filter { $0.parentID != nil }) { $0.parentID! }
        let resources = Dictionary(grouping: plan.resources) { $0.nodeID }
        let lines = Dictionary(grouping: plan.accountLines.filter { $0.nodeID != nil }) { $0.nodeID! }

        func subtreeLines(_ nodeID: String) -> [AccountLine] {
            (lines[nodeID] ?? []) + (children[nodeID] ?? []).flatMap { subtreeLines($0.id) }
        }

        var result: [Finding] = []
        for node in plan.nodes {
            for resource in resources[node.id] ?? [] where resource.year == plan.cycle.year {
                let kids = children[node.id] ?? []
                let kidResources = kids.flatMap { kid in
                    (resources[kid.id] ?? []).filter {
                        $0.kind == resource.kind && $0.phase == resource.phase && $0.year == resource.year
                    }
                }
                let expected: Decimal
                let what: String
                if !kidResources.isEmpty {
                    expected = kidResources.reduce(Decimal(0)) { $0 + $1.amount }
                    what = "la somma dei nodi figli"
                } else {
                    let matching = subtreeLines(node.id).filter {
                        Self.kind(of: $0.nature) == resource.kind && $0.phase == resource.phase
                    }
                    guard !matching.isEmpty else { continue }
                    expected = matching.reduce(Decimal(0)) { $0 + abs($1.amount) }
                    what = "la somma delle \(matching.count) righe di conto"
                }
                guard expected != resource.amount else { continue }
                result.append(Finding(
                    code: code, severity: .error, elementKind: "nodo", elementCode: node.code,
                    provenance: resource.provenance ?? node.provenance,
                    message: "\(resource.kind.label) \(resource.phase.label.lowercased()) di \(node.code) "
                        + "«\(node.title)»: \(CheckText.amount(resource.amount)), ma \(what) è "
                        + "\(CheckText.amount(expected)) (differenza \(CheckText.amount(resource.amount - expected))). "
                        + "Allineare il totale alle voci che lo compongono."))
            }
        }
        return result
    }
}
