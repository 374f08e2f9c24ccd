import Foundation

extension ScoringEngine {
    /// The code of the node or objective an indicator belongs to.
    func parentCode(of indicator: Indicator) -> String {
        if let n = indicator.nodeID, let node = nodesByID[n] { return node.code }
        if let o = indicator.objectiveID, let objective = objectivesByID[o] { return objective.code }
        return ""
    }

    /// Scores an indicator: from its items (mean / weighted mean / minimum, or a composite rule), or from the
    /// elements it derives from (nodes, objectives, procedures, Carta dei servizi) through its rule.
    func scoreIndicator(_ indicator: Indicator) -> ScoredElement {
        if let done = indicators[indicator.id] { return done }
        let parent = parentCode(of: indicator)
        let subject = ScoreSubject(kind: .indicator, id: indicator.id, code: indicator.code, title: indicator.name,
                                   parentCode: parent)
        return once(subject, CombineRule(level(.indicator)), memo: \.indicators) {
            scoreIndicatorOnce(indicator, subject, parent: parent)
        }
    }

    private func scoreIndicatorOnce(_ indicator: Indicator, _ subject: ScoreSubject, parent: String) -> ScoredElement {
        let element: ScoredElement
        if let derivation = indicator.derivedFrom {
            element = scoreDerived(indicator, derivation, subject: subject)
        } else {
            let items = (itemsByIndicator[indicator.id] ?? []).map { scoreItem($0, in: indicator, parentCode: parent) }
            let rule = CombineRule(level(.indicator))
            switch indicator.rule {
            case .compositeAll?, .compositeShare?:
                element = composite(indicator, subject: subject, items: items, rule: rule)
            default:
                let entries = zip(items, itemsByIndicator[indicator.id] ?? []).map {
                    AggregationEntry(element: $0.0, weight: $0.1.weight)
                }
                element = aggregate(subject: subject, entries: entries, rule: rule, emptyReason: "nessun item misurato")
            }
        }
        return element
    }

    /// Composite target: all sub-targets met → 100, else 0; or the share of sub-targets met (CRM 2 of 4 = 50).
    private func composite(_ indicator: Indicator, subject: ScoreSubject, items: [ScoredElement], rule: CombineRule)
        -> ScoredElement
    {
        let computable = items.filter { $0.score.value != nil }
        var details: [String] = []
        if let note = Aggregation.exclusionNote(items.map { AggregationEntry(element: $0, weight: nil) }) {
            details.append(note)
        }
        guard !computable.isEmpty else {
            let reason = items.isEmpty ? "nessun item misurato" : "nessun elemento computabile (tutti N.C.)"
            return finish(subject: subject, exact: nil, formula: .notComputable, rounding: rule,
                          ownNotes: [ScoreNote(kind: .notComputable, text: "N.C.: \(reason)")], details: details,
                          inputs: items)
        }
        let met = computable.filter { $0.score.targetMet ?? (($0.score.value ?? 0) >= 100) }.count
        let n = computable.count
        let exact: Decimal
        let formula: Formula
        if indicator.rule == .compositeAll {
            exact = met == n ? 100 : 0
            formula = .call(met == n ? "tutti i sotto-target raggiunti" : "non tutti i sotto-target raggiunti",
                            [.infix(.number(Decimal(met)), "su", .number(Decimal(n)))])
        } else {
            exact = Decimal(met) / Decimal(n) * 100
            formula = .call("quota dei sotto-target raggiunti",
                            [.infix(.infix(.number(Decimal(met)), "/", .number(Decimal(n))), "×", .number(100))])
        }
        return finish(subject: subject, exact: exact, formula: formula, rounding: rule, details: details,
                      inputs: items)
    }

    /// An indicator taken from other elements: their aggregate (with the indicator level's rule) is the
    /// measured value, the indicator's rule turns it into the score (threshold "≥ 90 → 100", or as is), and
    /// the indicator's own rounding, or else the methodology's `derivedIndicatorRounding`, rounds it (Lucca 2018:
    /// 99,22 → 99).
    private func scoreDerived(_ indicator: Indicator, _ derivation: ScoreDerivation, subject: ScoreSubject)
        -> ScoredElement
    {
        let levelRule = CombineRule(level(.indicator))
        var sources: [ScoredElement] = []
        var missing: [String] = []
        for source in derivation.sources {
            switch source.kind {
            case .nodes:
                if source.codes.isEmpty {
                    sources += plan.nodes.filter { $0.parentID == nil }.map { scoreNode($0) }
                }
                for code in source.codes {
                    if let n = nodesByCode[code] { sources.append(scoreNode(n)) } else { missing.append(code) }
                }
            case .objectives:
                for code in source.codes {
                    if let o = objectivesByCode[code] { sources.append(scoreObjective(o)) } else { missing.append(code) }
                }
            case .procedures:
                if let total = procedureTotal { sources.append(total) }
            case .serviceCharter:
                if let total = serviceCharter { sources.append(total) }
            }
        }
        var warnings: [ScoreNote] = []
        if !missing.isEmpty {
            warnings.append(ScoreNote(kind: .warning,
                                      text: "elementi da cui deriva non trovati nel piano: \(missing.joined(separator: ", "))"))
        }
        let measured: ScoredElement
        if sources.count == 1 {
            measured = sources[0]
        } else {
            let what = derivation.sources.map { source -> String in
                let name: String
                switch source.kind {
                case .nodes: name = "nodi"
                case .objectives: name = "obiettivi"
                case .procedures: name = "procedimenti"
                case .serviceCharter: name = "Carta dei servizi"
                }
                return source.codes.isEmpty ? name : "\(name) \(source.codes.joined(separator: ", "))"
            }
            let derivedSubject = ScoreSubject(
                kind: .indicator, id: "\(indicator.id)#valore", code: indicator.code,
                title: "valore rilevato: \(what.joined(separator: "; "))",
                parentCode: subject.parentCode)
            measured = aggregate(subject: derivedSubject, entries: sources.map { AggregationEntry(element: $0, weight: weight(of: $0)) },
                                 rule: levelRule, emptyReason: "nessun elemento da cui derivare il valore")
        }
        guard let value = measured.score.value else {
            return finish(subject: subject, exact: nil, formula: .notComputable, rounding: levelRule,
                          ownNotes: warnings + [ScoreNote(kind: .notComputable,
                                                          text: "N.C.: il valore da cui deriva è N.C.")],
                          inputs: [measured])
        }
        let target = target(of: indicator)
        var input = RuleInput(rule: indicator.rule ?? .asScore, value: value)
        input.comparator = target?.comparator ?? indicator.comparator
        input.polarity = indicator.polarity
        input.targetValue = target?.value
        input.targetDeadline = target?.deadline
        input.targetText = target?.text
        input.unit = indicator.unit
        input.baselineValue = indicator.baselineValue
        input.baselineYear = indicator.baselineYear
        let outcome = ItemRules.apply(input, methodology: methodology)
        var element = finish(subject: subject, exact: outcome.value, formula: outcome.formula, rounding: levelRule,
                             ownNotes: warnings + outcome.notes, details: outcome.details, inputs: [measured],
                             measured: value, extraRounding: derivation.rounding ?? methodology.derivedIndicatorRounding)
        element.score.targetMet = outcome.met
        return element
    }

    /// The weight of a scored node or objective.
    func weight(of element: ScoredElement) -> Decimal? {
        switch element.subject.kind {
        case .node: nodesByID[element.subject.id]?.weight
        case .objective: objectivesByID[element.subject.id]?.weight
        default: nil
        }
    }

    func circular(_ subject: ScoreSubject, _ rule: CombineRule) -> ScoredElement {
        finish(subject: subject, exact: nil, formula: .notComputable, rounding: rule,
               ownNotes: [ScoreNote(kind: .warning, text: "N.C.: riferimento circolare (l'elemento deriva da se stesso)")])
    }
}
