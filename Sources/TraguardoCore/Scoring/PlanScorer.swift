import Foundation

/// The one scoring function: a plan, its measurements and its methodology in, a scored tree with an
/// explanation for every number out. Pure: no I/O, no clock.
///
/// ```swift
/// let scores = PlanScorer.score(plan, period: "ANNO")
/// print(scores.objective(code: "SG-4")!.explanation.rendered())
/// ```
public enum PlanScorer {
    /// Scores every item, indicator, node, objective, manager, Carta dei servizi row, procedure and the Ente.
    ///
    /// - Parameters:
    ///   - period: the period code (`ANNO`, `T2`) or id; nil scores the last period of the year (the one with
    ///     the highest sequence), or, for a plan without periods, each item's last measurement.
    ///   - methodology: overrides the plan's own methodology version (a preset, a draft); when both are nil
    ///     `MethodologyPresets.standard` applies.
    public static func score(
        _ plan: CyclePlan, period: String? = nil, methodology: MethodologyVersion? = nil
    ) -> PlanScores {
        let engine = ScoringEngine(plan: plan, period: period, version: methodology ?? plan.methodology)
        return engine.run()
    }
}

/// The working state of one scoring run: indexes over the plan and the memo of what is already scored.
final class ScoringEngine {
    let plan: CyclePlan
    let methodology: Methodology
    let reference: MethodologyReference
    let period: MonitoringPeriod?
    let periodKey: String?

    var itemsByIndicator: [String: [MeasuredItem]] = [:]
    var measurementsByItem: [String: [Measurement]] = [:]
    var targetsByIndicator: [String: [Target]] = [:]
    var indicatorsByNode: [String: [Indicator]] = [:]
    var indicatorsByObjective: [String: [Indicator]] = [:]
    var childrenByNode: [String: [PlanNode]] = [:]
    var nodesByID: [String: PlanNode] = [:]
    var nodesByCode: [String: PlanNode] = [:]
    var objectivesByID: [String: Objective] = [:]
    var objectivesByCode: [String: Objective] = [:]
    var linksByObjective: [String: [ObjectiveLink]] = [:]

    var items: [String: ScoredElement] = [:]
    var indicators: [String: ScoredElement] = [:]
    var nodes: [String: ScoredElement] = [:]
    var objectives: [String: ScoredElement] = [:]
    var inProgress: Set<String> = []
    var serviceRows: [String: ScoredElement] = [:]
    var serviceCharter: ScoredElement?
    var procedures: [String: ScoredElement] = [:]
    var procedureTotal: ScoredElement?

    init(plan: CyclePlan, period: String?, version: MethodologyVersion?) {
        self.plan = plan
        let rules = version?.rules ?? MethodologyPresets.standard
        methodology = rules
        reference = MethodologyReference(versionID: version?.id, version: version?.version, name: rules.name)
        let periods = plan.periods.filter { $0.year == plan.cycle.year || $0.year == 0 }
        if let period {
            self.period = periods.first { $0.code == period || $0.id == period }
            periodKey = period
        } else {
            self.period = periods.max { $0.sequence < $1.sequence }
            periodKey = self.period?.code
        }
        index()
    }

    private func index() {
        for item in plan.items { itemsByIndicator[item.indicatorID, default: []].append(item) }
        for key in itemsByIndicator.keys { itemsByIndicator[key]!.sortStable { $0.sortOrder < $1.sortOrder } }
        for m in plan.measurements where matchesPeriod(m) { measurementsByItem[m.itemID, default: []].append(m) }
        for t in plan.targets { targetsByIndicator[t.indicatorID, default: []].append(t) }
        let sortedIndicators = plan.indicators.stableSorted { $0.sortOrder < $1.sortOrder }
        for i in sortedIndicators {
            if let n = i.nodeID { indicatorsByNode[n, default: []].append(i) }
            if let o = i.objectiveID { indicatorsByObjective[o, default: []].append(i) }
        }
        for n in plan.nodes.stableSorted(by: { $0.sortOrder < $1.sortOrder }) {
            nodesByID[n.id] = n
            if nodesByCode[n.code] == nil { nodesByCode[n.code] = n }
            if let p = n.parentID { childrenByNode[p, default: []].append(n) }
        }
        for o in plan.objectives {
            objectivesByID[o.id] = o
            if objectivesByCode[o.code] == nil { objectivesByCode[o.code] = o }
        }
        for l in plan.objectiveLinks { linksByObjective[l.objectiveID, default: []].append(l) }
    }

    private func matchesPeriod(_ m: Measurement) -> Bool {
        if let period { return m.isOf(period) }
        if let periodKey { return m.periodID == periodKey }
        return true
    }

    func level(_ level: ScoringLevel) -> LevelRule {
        methodology.levels.first { $0.level == level } ?? LevelRule(level: level)
    }

    // MARK: run

    func run() -> PlanScores {
        scoreServiceCharter()
        scoreProcedures()
        for indicator in plan.indicators { _ = scoreIndicator(indicator) }
        for node in plan.nodes { _ = scoreNode(node) }
        for objective in plan.objectives { _ = scoreObjective(objective) }
        let managers = scoreManagers()
        let entity = scoreEntity()
        return PlanScores(
            methodology: reference, periodCode: period?.code ?? periodKey, items: items, indicators: indicators,
            nodes: nodes, objectives: objectives, managers: managers, serviceRows: serviceRows,
            serviceCharter: serviceCharter, procedures: procedures, procedureTotal: procedureTotal, entity: entity)
    }

    // MARK: finishing a score

    /// Caps, rounds, colours and explains a value.
    func finish(
        subject: ScoreSubject, exact rawExact: Decimal?, formula rawFormula: Formula, rounding: CombineRule,
        cap: Bool = true, ownNotes: [ScoreNote] = [], details: [String] = [], inputs: [ScoredElement] = [],
        measured: Decimal? = nil, points: Decimal? = nil, extraRounding: RoundingRule? = nil
    ) -> ScoredElement {
        var exact = rawExact
        var formula = rawFormula
        if cap, let e = exact {
            if e < 0 {
                exact = 0
                formula = .call("minimo 0", [formula])
            } else if e > 100 && !methodology.allowOverAchievement {
                exact = 100
                formula = .call("massimo 100", [formula])
            }
        }
        var used = exact
        var shownValue = exact
        var explanationNotes = ownNotes.map(\.text) + details
        if let e = exact {
            let rounded = e.rounded(rounding.rounding, digits: rounding.digits)
            shownValue = rounded
            if rounding.roundBeforeUse {
                used = rounded
                // The step is shown only where it changes the value: 68,49 = tronca a 2 decimali(media(…)).
                if rounded != e { formula = formula.rounded(rounding.rounding, digits: rounding.digits) }
            } else if rounded != e, let step = rounding.rounding.stepName(digits: rounding.digits) {
                explanationNotes.append("mostrato come \(ItalianFormatting.score(rounded, digits: rounding.digits)) (\(step), solo in visualizzazione)")
            }
        }
        if let extra = extraRounding, let u = used {
            used = u.rounded(extra)
            shownValue = used
            if used != u { formula = formula.rounded(extra.mode, digits: extra.digits) }
        }
        let digits: Int? = extraRounding.map { $0.mode == .none ? nil : $0.digits }
            ?? (rounding.rounding == .none ? nil : rounding.digits)
        let fixed = rounding.keepsDigits && extraRounding == nil
        let shown = shownValue.map { ItalianFormatting.score($0, digits: digits, keepingDigits: fixed) } ?? "N.C."
        // Notes climb the tree: the Ente gathers every N.C. below it. A set answers "already there?" at once, so that
        // gathering is linear in the notes, not quadratic (a list scanned for each note).
        var notes = ownNotes
        var present = Set(ownNotes)
        for input in inputs {
            for note in input.score.notes where !present.contains(note) {
                var n = note
                if n.source == nil { n.source = input.subject.path }
                if present.insert(n).inserted { notes.append(n) }
            }
        }
        let light = shownValue.flatMap { trafficLight(for: $0) }
        let explanation = Explanation(
            subject: subject, result: used, shown: shown, formula: used == nil ? .notComputable : formula,
            inputs: inputs.map(\.explanation), notes: explanationNotes)
        let score = Score(
            value: used, exactValue: exact, shownValue: shownValue, shown: shown,
            shownFractionDigits: shownValue.map { ItalianFormatting.scoreFractionDigits($0, digits: digits, keepingDigits: fixed) } ?? 0,
            trafficLight: light, points: points, notes: notes, measuredValue: measured)
        return ScoredElement(subject: subject, score: score, explanation: explanation)
    }

    func trafficLight(for value: Decimal) -> TrafficLight? {
        methodology.trafficLights.sorted { $0.minimumScore > $1.minimumScore }.first { value >= $0.minimumScore }?.light
    }

    func points(for value: Decimal?) -> Decimal? {
        guard let value, !methodology.pointBands.isEmpty else { return nil }
        return methodology.pointBands.sorted { $0.minimumScore > $1.minimumScore }
            .first { value >= $0.minimumScore }?.points ?? 0
    }

    /// Aggregates entries with a level's rule, "≥ threshold → 100" included.
    func aggregate(
        subject: ScoreSubject, entries: [AggregationEntry], rule: CombineRule, emptyReason: String,
        ownNotes: [ScoreNote] = [], details: [String] = [], points: ((Decimal?) -> Decimal?)? = nil,
        extraRounding: RoundingRule? = nil
    ) -> ScoredElement {
        var details = details
        if let note = Aggregation.exclusionNote(entries) { details.append(note) }
        let inputs = entries.map(\.element)
        guard let (value, formula) = Aggregation.combine(entries, rule.aggregation) else {
            let reason = entries.isEmpty ? emptyReason : "nessun elemento computabile (tutti N.C.)"
            return finish(subject: subject, exact: nil, formula: .notComputable, rounding: rule,
                          ownNotes: ownNotes + [ScoreNote(kind: .notComputable, text: "N.C.: \(reason)")],
                          details: details, inputs: inputs)
        }
        var exact = value
        var f = formula
        if let threshold = rule.fullScoreThreshold, value >= threshold, value < 100 {
            exact = 100
            f = .call("pieno se ≥ \(ItalianFormatting.number(threshold))", [formula])
        }
        var element = finish(subject: subject, exact: exact, formula: f, rounding: rule, cap: false,
                             ownNotes: ownNotes, details: details, inputs: inputs, extraRounding: extraRounding)
        if let points {
            element.score.points = points(element.score.value)
        }
        return element
    }
}

extension ScoreSubject {
    /// How a person names the element on the command line: `SG-4`, `SG-4/2b`, `C30101/1/3`.
    public var path: String { parentCode.map { "\($0)/\(code)" } ?? code }
}

extension Array {
    func stableSorted(by less: (Element, Element) -> Bool) -> [Element] {
        enumerated().sorted { a, b in
            if less(a.element, b.element) { return true }
            if less(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }

    mutating func sortStable(by less: (Element, Element) -> Bool) {
        self = stableSorted(by: less)
    }
}
