import Foundation

/// A scheda that states how many indicators it has («Nr indicatori associati 5») has that many:
/// Lucca 2017, 011-005-004 declares 5 and lists 4.
public struct DeclaredIndicatorCountCheck: PlanCheck {
    public let code = "INDICATORI-NUMERO"
    public let title = "Numero di indicatori dichiarato"

    public init() {}

    /// The count a text declares: "Nr indicatori associati 5" → 5.
    static func declaredCount(in text: String) -> Int? {
        text.firstMatch(of: /(?i)indicatori\s+associati\s*:?\s*([0-9]+)/).flatMap { Int($0.1) }
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let counts = Dictionary(grouping: plan.indicators.compactMap(\.nodeID), by: { $0 }).mapValues(\.count)
        let objectiveCounts = Dictionary(grouping: plan.indicators.compactMap(\.objectiveID), by: { $0 }).mapValues(\.count)
        var result: [Finding] = []
        func check(_ kind: String, _ code: String, _ label: String, _ declared: DeclaredResult?, _ actual: Int, _ provenance: Provenance?) {
            guard let text = declared?.text, let stated = Self.declaredCount(in: text), stated != actual else { return }
            result.append(Finding(
                code: self.code, severity: .error, elementKind: kind, elementCode: code, provenance: provenance,
                message: "\(label) \(code) dichiara «\(text)» ma ha \(actual) indicator\(actual == 1 ? "e" : "i"). "
                    + "Aggiungere l'indicatore mancante o correggere il numero dichiarato (meglio: non scriverlo, lo conta Traguardo)."))
        }
        for node in plan.nodes {
            check("nodo", node.code, node.kind.label, node.declared, counts[node.id] ?? 0, node.provenance)
        }
        for objective in plan.objectives {
            check("obiettivo", objective.code, "L'obiettivo", objective.declared, objectiveCounts[objective.id] ?? 0, objective.provenance)
        }
        return result
    }
}
