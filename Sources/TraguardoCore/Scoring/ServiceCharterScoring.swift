import Foundation

extension ScoringEngine {
    /// The Carta dei servizi of the year (seed 000 §4.1–4.2): each row scored, the total = aggregate of the
    /// scored rows, N.C. rows out of numerator and denominator (3572 / 36 = 99,22).
    func scoreServiceCharter() {
        guard !plan.serviceStandards.isEmpty else { return }
        let rule = methodology.serviceCharter
        let rowRounding = CombineRule(aggregation: .mean, rounding: rule.rowRounding, digits: rule.rowDigits)
        var entries: [AggregationEntry] = []
        for standard in plan.serviceStandards.stableSorted(by: { $0.sortOrder < $1.sortOrder }) {
            let subject = ScoreSubject(kind: .serviceRow, id: standard.id, code: standard.code, title: standard.process)
            let result = plan.serviceResults.first { $0.standardID == standard.id && $0.year == plan.cycle.year }
            let element = scoreServiceRow(standard, result, subject: subject, rounding: rowRounding)
            serviceRows[standard.id] = element
            entries.append(AggregationEntry(element: element, weight: nil))
        }
        let subject = ScoreSubject(kind: .serviceCharter, id: "carta-dei-servizi/\(plan.cycle.year)", code: "",
                                   title: "risultato conseguito sui processi computati, \(plan.cycle.year)")
        let computed = entries.filter { $0.value != nil }
        let sum = computed.reduce(Decimal(0)) { $0 + ($1.value ?? 0) }
        serviceCharter = aggregate(
            subject: subject, entries: entries, rule: CombineRule(total: rule), emptyReason: "nessuna riga",
            details: ["totale \(ItalianFormatting.number(sum)) su \(computed.count) processi computati"])
    }

    private func scoreServiceRow(
        _ standard: ServiceStandard, _ result: ServiceResult?, subject: ScoreSubject, rounding: CombineRule
    ) -> ScoredElement {
        guard let result else {
            return finish(subject: subject, exact: nil, formula: .notComputable, rounding: rounding,
                          ownNotes: [ScoreNote(kind: .missingMeasurement,
                                               text: "N.C.: nessun risultato per il \(plan.cycle.year)")])
        }
        if let reason = result.notComputableReason {
            return finish(subject: subject, exact: nil, formula: .notComputable, rounding: rounding,
                          ownNotes: [ScoreNote(kind: .notComputable, text: "N.C.: \(reason)")])
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
