import Foundation

extension ScoringEngine {
    /// The monitored procedures of the year (seed 000 §4.3, seed 001 §4.2): each scored, the total = their
    /// aggregate (RISULTATO FINALE 97,51).
    func scoreProcedures() {
        guard !plan.procedures.isEmpty else { return }
        let total = YearlyTotal(kind: .procedureTotal, id: "procedimenti", title: "risultato finale dei procedimenti monitorati")
        procedureTotal = scoreYearlyRows(
            plan.procedures, .procedure, title: \.name, results: plan.procedureResults, owner: \.procedureID,
            rule: methodology.procedures, total: total, emptyReason: "nessun procedimento", score: scoreProcedure,
            keep: { procedures[$0] = $1 })
    }

    /// A procedure's result: N.C.; the % entered directly ("97%"); the measured value against the target,
    /// min(100, value / target × 100) ("(93.19%) 100%"); or the aggregate of the per-office results, rounded
    /// with the row rule ("Svil.Imp. 75% Brevetti 100% Rag. 100% TOT. 91%").
    private func scoreProcedure(
        _ procedure: MonitoredProcedure, _ result: ProcedureResult?, subject: ScoreSubject, rounding: CombineRule
    ) -> ScoredElement {
        let direct = CombineRule(aggregation: .mean, rounding: .none, digits: rounding.digits)
        guard let result, result.notComputableReason == nil else {
            return notComputableRow(subject: subject, reason: result?.notComputableReason, rounding: direct)
        }
        if let score = result.score {
            return finish(subject: subject, exact: score, formula: .call("punteggio diretto", [.number(score)]),
                          rounding: direct, measured: result.value)
        }
        if let value = result.value, let target = procedure.targetValue {
            var input = RuleInput(rule: .proportional, value: value)
            input.targetValue = target
            input.comparator = procedure.comparator ?? .atLeast
            let outcome = ItemRules.proportional(input)
            return finish(subject: subject, exact: outcome.value, formula: outcome.formula, rounding: direct,
                          measured: value)
        }
        if !result.subResults.isEmpty {
            let parts = result.subResults.map { part in
                finish(subject: ScoreSubject(kind: .procedure, id: "\(procedure.id)#\(part.label)", code: part.label,
                                             title: "", parentCode: procedure.code),
                       exact: part.score, formula: .number(part.score), rounding: direct)
            }
            return aggregate(subject: subject, entries: parts.map { AggregationEntry(element: $0, weight: nil) },
                             rule: rounding, emptyReason: "nessun risultato parziale")
        }
        if let value = result.value {
            return finish(subject: subject, exact: value, formula: .call("punteggio diretto", [.number(value)]),
                          rounding: direct, measured: value)
        }
        return finish(subject: subject, exact: nil, formula: .notComputable, rounding: direct,
                      ownNotes: [ScoreNote(kind: .warning, text: "N.C.: risultato senza valore né punteggio")])
    }
}
