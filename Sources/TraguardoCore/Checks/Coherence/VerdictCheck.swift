import Foundation

/// A verdict text agrees with its number: "L'OBIETTIVO NON E' REALIZZATO" with a score of 100,
/// or "REALIZZATO AL 99,65%" printed beside 99,74, contradict themselves. Every form the documents use is read:
/// singular and plural («realizzati al 99.95%»), comma or dot decimals; a verdict whose number is missing
/// («OBIETTIVO REALIZZATO AL» and nothing after) is a finding too, not a silent pass.
public struct VerdictCheck: PlanCheck {
    public let code = "GIUDIZIO-INCOERENTE"
    public let title = "Giudizi e numeri"

    public init() {}

    /// The percentage a verdict text states ("… REALIZZATO AL 68,49%"), if any.
    static func statedPercentage(in text: String) -> Decimal? {
        guard let match = text.firstMatch(of: /(?i)realizzat[oaie]\s+al(?:l')?\s*([0-9]{1,3}(?:[,.][0-9]+)?)\s*%/) else {
            return nil
        }
        return Decimal(string: String(match.1).replacingOccurrences(of: ",", with: "."))
    }

    /// True when the verdict announces a percentage and stops: «REALIZZATO AL», «realizzati al %».
    static func lacksItsNumber(_ text: String) -> Bool {
        text.firstMatch(of: /(?i)realizzat[oaie]\s+al\s*(?:%|[.;,:)\]]|$)/) != nil
    }

    /// True when the text says the objective was not achieved.
    static func saysNotAchieved(_ text: String) -> Bool {
        text.firstMatch(of: /(?i)\bnon\s+(?:e'|è|é|e`)?\s*(?:stato\s+)?realizzat/) != nil
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        var elements: [(kind: String, code: String, id: String, declared: DeclaredResult, provenance: Provenance?)] = []
        elements += plan.nodes.compactMap { n in n.declared.map { ("nodo", n.code, n.id, $0, n.provenance) } }
        elements += plan.objectives.compactMap { o in o.declared.map { ("obiettivo", o.code, o.id, $0, o.provenance) } }
        elements += plan.indicators.compactMap { i in
            i.declared.map { ("indicatore", lookup.indicatorCode(i), i.id, $0, i.provenance) }
        }
        var result: [Finding] = []
        for element in elements {
            guard let text = element.declared.text else { continue }
            let score = element.declared.score ?? context.computedScore(element.id)
            if Self.lacksItsNumber(text) {
                result.append(Finding(
                    code: code, severity: .error, elementKind: element.kind, elementCode: element.code,
                    provenance: element.provenance,
                    message: "Il giudizio «\(text)» si interrompe: dopo «al» manca la percentuale"
                        + (score.map { " (il risultato è \(CheckText.number($0))%)" } ?? "")
                        + ". Completare il giudizio o generarlo dal numero."))
            } else if Self.saysNotAchieved(text), let score, score >= 50 {
                result.append(Finding(
                    code: code, severity: .error, elementKind: element.kind, elementCode: element.code,
                    provenance: element.provenance,
                    message: "Il giudizio «\(text)» dice che non è realizzato, ma il risultato è "
                        + "\(CheckText.number(score))%. Generare il giudizio dal numero o correggere il risultato."))
            } else if let stated = Self.statedPercentage(in: text), let printed = element.declared.score,
                      stated != printed
            {
                result.append(Finding(
                    code: code, severity: .error, elementKind: element.kind, elementCode: element.code,
                    provenance: element.provenance,
                    message: "Il giudizio «\(text)» indica \(CheckText.number(stated))%, ma il risultato stampato "
                        + "accanto è \(CheckText.number(printed))%. Usare un solo valore."))
            }
        }
        return result
    }
}
