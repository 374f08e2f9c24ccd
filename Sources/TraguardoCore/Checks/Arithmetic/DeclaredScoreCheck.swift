import Foundation

/// A printed % (*valore dichiarato*) equals the one Traguardo recomputes under the methodology,
/// shown with the printed number of decimals: nodes, indicators, objectives, the rows of the Carta dei servizi
/// and of the monitored procedures, and the totals the documents print under them (the procedures'
/// «MEDIA TOTALE RISPETTO TERMINI 98.84%» where the mean of the seven printed results is 99,00).
public struct DeclaredScoreCheck: PlanCheck {
    public let code = "VALORE-DICHIARATO"
    public let title = "Valori dichiarati e ricalcolati"

    public init() {}

    /// One printed value and the computed element it is compared with.
    private struct Candidate {
        var kind: String
        var code: String
        var declared: DeclaredResult?
        var provenance: Provenance?
        var computed: ScoredElement?
        var computedValue: Decimal?
        /// What `traguardo explain` takes to show how the computed value comes out.
        var explainPath: String
    }

    public func findings(in context: CheckContext) -> [Finding] {
        var result: [Finding] = []
        for candidate in candidates(context) {
            guard let printed = candidate.declared?.score,
                let computed = candidate.computedValue ?? candidate.computed?.score.value
            else { continue }
            if printed == computed || CountPercentageCheck.agrees(printed: printed, exact: computed) { continue }
            let shown = candidate.computed?.score.shown ?? CheckText.number(computed)
            result.append(Finding(
                code: code, severity: .error, elementKind: candidate.kind, elementCode: candidate.code,
                provenance: candidate.provenance,
                message: "Il documento stampa \(CheckText.number(printed)) ma, con la metodologia dell'Ente, "
                    + "il valore ricalcolato dagli elementi è \(shown). Verificare gli "
                    + "elementi o correggere il valore stampato (`traguardo explain \(candidate.explainPath)`)."))
        }
        return result
    }

    private func candidates(_ context: CheckContext) -> [Candidate] {
        let plan = context.plan
        let year = plan.cycle.year
        let lookup = PlanLookup(plan)
        let scores = context.scores
        var list: [Candidate] = []
        func element(_ kind: String, _ code: String, _ id: String, _ declared: DeclaredResult?, _ provenance: Provenance?) -> Candidate {
            Candidate(kind: kind, code: code, declared: declared, provenance: provenance, computed: nil,
                      computedValue: context.computedScore(id), explainPath: code)
        }
        list += plan.nodes.map { element("nodo", $0.code, $0.id, $0.declared, $0.provenance) }
        list += plan.indicators.map { element("indicatore", lookup.indicatorCode($0), $0.id, $0.declared, $0.provenance) }
        list += plan.objectives.map { element("obiettivo", $0.code, $0.id, $0.declared, $0.provenance) }
        let standards = Dictionary(plan.serviceStandards.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        list += plan.serviceResults.filter { $0.year == year }.map {
            let code = standards[$0.standardID] ?? $0.standardID
            return Candidate(kind: "carta-dei-servizi", code: code, declared: $0.declared, provenance: $0.provenance,
                             computed: scores?.serviceRows[$0.standardID], explainPath: code)
        }
        let procedures = Dictionary(plan.procedures.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        list += plan.procedureResults.filter { $0.year == year }.map {
            let code = procedures[$0.procedureID] ?? $0.procedureID
            return Candidate(kind: "procedimento", code: code, declared: $0.declared, provenance: $0.provenance,
                             computed: scores?.procedures[$0.procedureID], explainPath: "\"procedimento \(code)\"")
        }
        list += plan.cycle.declaredTotals.map { total in
            let path = total.element.rawValue
            return Candidate(kind: "totale", code: path, declared: total.declared, provenance: total.provenance,
                             computed: scores?.element(path: path), explainPath: path)
        }
        return list
    }
}
