import Foundation

/// A printed % (*valore dichiarato*) equals the one Traguardo recomputes under the methodology,
/// shown with the printed number of decimals (printed 98,84 where the mean is 99,00).
public struct DeclaredScoreCheck: PlanCheck {
    public let code = "VALORE-DICHIARATO"
    public let title = "Valori dichiarati e ricalcolati"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        var candidates: [(kind: String, code: String, id: String, declared: DeclaredResult?, provenance: Provenance?)] = []
        candidates += plan.nodes.map { ("nodo", $0.code, $0.id, $0.declared, $0.provenance) }
        candidates += plan.indicators.map { ("indicatore", lookup.indicatorCode($0), $0.id, $0.declared, $0.provenance) }
        candidates += plan.objectives.map { ("obiettivo", $0.code, $0.id, $0.declared, $0.provenance) }
        let standards = Dictionary(plan.serviceStandards.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        candidates += plan.serviceResults.map {
            ("carta-dei-servizi", standards[$0.standardID] ?? $0.standardID, $0.id, $0.declared, $0.provenance)
        }
        let procedures = Dictionary(plan.procedures.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        candidates += plan.procedureResults.map {
            ("procedimento", procedures[$0.procedureID] ?? $0.procedureID, $0.id, $0.declared, $0.provenance)
        }
        var result: [Finding] = []
        for candidate in candidates {
            guard let printed = candidate.declared?.score, let computed = context.computedScore(candidate.id)
            else { continue }
            if printed == computed || CountPercentageCheck.agrees(printed: printed, exact: computed) { continue }
            result.append(Finding(
                code: code, severity: .error, elementKind: candidate.kind, elementCode: candidate.code,
                provenance: candidate.provenance,
                message: "Il documento stampa \(CheckText.number(printed)) ma, con la metodologia dell'Ente, "
                    + "il valore ricalcolato dagli elementi è \(CheckText.number(computed)). Verificare gli "
                    + "elementi o correggere il valore stampato (`traguardo explain \(candidate.code)`)."))
        }
        return result
    }
}
