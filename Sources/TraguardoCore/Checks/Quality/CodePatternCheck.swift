import Foundation

/// Every node's code follows the scheme its level declares (Lucca `2C`, `A10101`; Massa `1.1`).
public struct CodePatternCheck: PlanCheck {
    public let code = "CODICE-SCHEMA"
    public let title = "Codici secondo lo schema del livello"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let levels = Dictionary(context.plan.levels.map { ($0.kind, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [Finding] = []
        for node in context.plan.nodes {
            guard let level = levels[node.kind], let pattern = level.codePattern,
                  let regex = try? Regex(pattern), node.code.wholeMatch(of: regex) == nil else { continue }
            let example = level.codeExample.map { " (per esempio \($0))" } ?? ""
            result.append(Finding(
                code: code, severity: .warning, elementKind: "nodo", elementCode: node.code,
                provenance: node.provenance,
                message: "Il codice \(node.code) non segue lo schema del livello «\(level.label)» "
                    + "\(pattern)\(example). Correggere il codice o lo schema del livello."))
        }
        return result
    }
}
