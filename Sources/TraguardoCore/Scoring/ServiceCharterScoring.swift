import Foundation

extension ScoringEngine {
    /// The Carta dei servizi of the year (seed 000 §4.1–4.2): each row scored, the total = aggregate of the
    /// scored rows, N.C. rows out of numerator and denominator (3572 / 36 = 99,22).
    func scoreServiceCharter() {
        guard !plan.serviceStandards.isEmpty else { return }
        serviceCharter = scoreYearlyRows(
            plan.serviceStandards, .serviceRow, title: \.process, results: plan.serviceResults, owner: \.standardID,
            rule: methodology.serviceCharter,
            total: YearlyTotal(kind: .serviceCharter, id: "carta-dei-servizi", title: "risultato conseguito sui processi computati"),
            emptyReason: "nessuna riga",
            details: { entries in
                let computed = entries.filter { $0.value != nil }
                let sum = computed.reduce(Decimal(0)) { $0 + ($1.value ?? 0) }
                return ["totale \(ItalianFormatting.number(sum)) su \(computed.count) processi computati"]
            },
            score: scoreServiceRow, keep: { serviceRows[$0] = $1 })
    }

    private func scoreServiceRow(
        _ standard: ServiceStandard, _ result: ServiceResult?, subject: ScoreSubject, rounding: CombineRule
    ) -> ScoredElement {
        guard let result, result.notComputableReason == nil else {
            return notComputableRow(subject: subject, reason: result?.notComputableReason, rounding: rounding)
        }
        if result.justifiedDeviation {
            let note = ScoreNote(kind: .justifiedDeviation,
                                 text: "scostamento giustificato" + (result.note.map { ": \($0)" } ?? ""))
            return finish(subject: subject, exact: 100, formula: .call("scostamento giustificato", [.number(100)]),
                          rounding: rounding, ownNotes: [note])
        }
        if let total = result.casesTotal, let within = result.casesWithinStandard {
            var input = RuleInput(rule: .shareWithinStandard)
            input.numerator = Decimal(within)
            input.denominator = Decimal(total)
            let outcome = ItemRules.shareWithinStandard(input)
            return finish(subject: subject, exact: outcome.value, formula: outcome.formula, rounding: rounding,
                          ownNotes: outcome.notes, measured: outcome.measured)
        }
        let kind = ServiceStandardKind(standard)
        if let outcome = result.outcome, result.measuredDays == nil {
            // A declared outcome without a day count (a qualitative or textual standard): met → 100, else 0.
            let met = outcome == .met
            return finish(subject: subject, exact: met ? 100 : 0,
                          formula: .call("esito dichiarato", [.text(outcome.rawValue)]), rounding: rounding,
                          details: ["esito dichiarato: \(outcome.rawValue) (\(kind?.italian ?? "standard senza giorni"))"])
        }
        var input = RuleInput(rule: .timeWithinStandard, value: result.measuredDays)
        input.text = result.measuredText
        // A range («da 5 a 10 giorni») is met within its upper end; a per-channel standard by its general limit.
        input.targetValue = standard.standardDays ?? kind?.limit(forChannel: nil).map { Decimal($0) }
        input.targetText = standard.standardText
        input.comparator = .atMost
        let outcome = ItemRules.timeWithinStandard(input, methodology)
        return finish(subject: subject, exact: outcome.value, formula: outcome.formula, rounding: rounding,
                      ownNotes: outcome.notes, details: outcome.details, measured: outcome.measured)
    }
}
