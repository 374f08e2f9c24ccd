import Foundation

extension ScoringEngine {
    /// The target of an indicator for the plan's year: the period's own target first, then the year's.
    func target(of indicator: Indicator) -> Target? {
        let targets = (targetsByIndicator[indicator.id] ?? []).filter { $0.year == plan.cycle.year }
        if let code = period?.code, let t = targets.first(where: { $0.periodCode == code }) { return t }
        return targets.first { $0.periodCode == nil }
    }

    /// The rule of an item: its own, the indicator's, the methodology's for the indicator type, one implied by
    /// the comparator (`entro` → deadline, `realizzato` → done), or the methodology's fallback.
    func rule(of item: MeasuredItem?, in indicator: Indicator, comparator: Comparator?) -> ScoringRuleKind {
        if let r = item?.rule { return r }
        if let r = indicator.rule, r != .compositeAll, r != .compositeShare { return r }
        if indicator.rule == .compositeAll || indicator.rule == .compositeShare {
            return comparator == .byDate ? .deadline : comparator == .done ? .done : .threshold
        }
        if let type = indicator.type, let r = methodology.defaultRules[type.rawValue] { return r }
        if comparator == .byDate { return .deadline }
        if comparator == .done { return .done }
        return methodology.fallbackRule
    }

    /// The period's measurement of an item: the last one entered for the period.
    func measurement(of item: MeasuredItem) -> Measurement? {
        measurementsByItem[item.id]?.last
    }

    /// Scores one item (*item misurato*): override, N.C., justified deviation, then its rule; capped and
    /// rounded with the item level.
    func scoreItem(_ item: MeasuredItem, in indicator: Indicator, parentCode: String) -> ScoredElement {
        if let done = items[item.id] { return done }
        let subject = ScoreSubject(kind: .item, id: item.id, code: item.code, title: item.description,
                                   parentCode: "\(parentCode)/\(indicator.code)")
        let rounding = CombineRule(level(.item))
        let target = target(of: indicator)
        let comparator = item.comparator ?? target?.comparator ?? indicator.comparator
        let rule = rule(of: item, in: indicator, comparator: comparator)
        let element: ScoredElement
        let hasOwnTarget = item.targetValue != nil || item.targetDeadline != nil
        if let m = measurement(of: item) {
            element = scoreMeasurement(m, item: item, indicator: indicator, target: target, comparator: comparator,
                                       rule: rule, subject: subject, rounding: rounding,
                                       targetApplicable: hasOwnTarget || (target?.applicable ?? true))
        } else {
            let what = periodKey.map { "nessuna rilevazione per il periodo «\($0)»" } ?? "nessuna rilevazione"
            element = finish(subject: subject, exact: nil, formula: .notComputable, rounding: rounding,
                             ownNotes: [ScoreNote(kind: .missingMeasurement, text: "N.C.: \(what)")])
        }
        items[item.id] = element
        return element
    }

    private func scoreMeasurement(
        _ m: Measurement, item: MeasuredItem, indicator: Indicator, target: Target?, comparator: Comparator?,
        rule: ScoringRuleKind, subject: ScoreSubject, rounding: CombineRule, targetApplicable: Bool
    ) -> ScoredElement {
        var extraNotes: [ScoreNote] = []
        if let o = m.override {
            let note = ScoreNote(kind: .override,
                                 text: "punteggio modificato a mano: \(ItalianFormatting.number(o.score)) — motivo: \(o.reason); approvato da \(o.approvedBy)")
            return finish(subject: subject, exact: o.score, formula: .call("modifica manuale", [.number(o.score)]),
                          rounding: CombineRule(aggregation: .mean, rounding: .none, digits: rounding.digits), ownNotes: [note])
        }
        if let reason = m.notComputableReason {
            return finish(subject: subject, exact: nil, formula: .notComputable, rounding: rounding,
                          ownNotes: [ScoreNote(kind: .notComputable, text: "N.C.: \(reason)")])
        }
        if !targetApplicable {
            let text = target?.text.map { " («\($0)»)" } ?? ""
            return finish(subject: subject, exact: nil, formula: .notComputable, rounding: rounding,
                          ownNotes: [ScoreNote(kind: .notComputable,
                                               text: "N.C.: nessun target per il \(plan.cycle.year)\(text)")])
        }
        if m.justifiedDeviation {
            let note = ScoreNote(kind: .justifiedDeviation,
                                 text: "scostamento giustificato" + (m.justificationNote.map { ": \($0)" } ?? ""))
            return finish(subject: subject, exact: 100, formula: .call("scostamento giustificato", [.number(100)]),
                          rounding: rounding, ownNotes: [note])
        }
        var input = RuleInput(rule: rule, value: m.value)
        input.comparator = comparator
        input.polarity = indicator.polarity
        input.targetValue = item.targetValue ?? target?.value
        input.targetDeadline = item.targetDeadline ?? target?.deadline
        input.targetText = item.targetText ?? target?.text
        input.unit = item.unit ?? indicator.unit
        input.baselineValue = indicator.baselineValue
        input.baselineYear = indicator.baselineYear
        input.date = m.date
        input.done = m.done
        input.numerator = m.numerator
        input.denominator = m.denominator
        input.text = m.text
        input.series = m.series ?? []
        let outcome = ItemRules.apply(input, methodology: methodology)
        extraNotes += outcome.notes
        // A % entered by a person (self-declared progress, a printed score) is taken as entered: the item
        // level's rounding applies to what the rules compute (43/47, 2/3), not to what was typed.
        var ruleRounding = rounding
        if rule == .declaredProgress || rule == .asScore { ruleRounding.rounding = .none }
        var element = finish(subject: subject, exact: outcome.value, formula: outcome.formula, rounding: ruleRounding,
                             ownNotes: extraNotes, details: outcome.details, measured: outcome.measured)
        element.score.targetMet = outcome.met
        return element
    }
}
