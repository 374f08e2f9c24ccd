import Foundation
@testable import TraguardoCore

typealias Comparator = TraguardoCore.Comparator

/// Builds small plans in code for the scoring tests: the inputs are transcribed from the seeds, the
/// results are always computed by the engine.
struct PlanBuilder {
    var plan: CyclePlan
    let e = "test"
    var year: Int { plan.cycle.year }
    private var counter = 0

    init(year: Int, methodology: Methodology = MethodologyPresets.standard) {
        plan = CyclePlan(entity: Entity(code: "test", name: "Camera di Commercio di Prova"),
                         cycle: Cycle(entityCode: "test", year: year))
        plan.periods = MonitoringPeriod.standard(.yearEndOnly, entityCode: "test", year: year)
        plan.methodology = MethodologyVersion(entityCode: "test", year: year, version: 1, rules: methodology)
    }

    mutating func next(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }

    @discardableResult
    mutating func node(_ code: String, _ title: String = "", parent: String? = nil, weight: Decimal? = nil,
                       status: NodeStatus = .active) -> String {
        let id = "n-\(code)"
        plan.nodes.append(PlanNode(id: id, entityCode: e, year: year, parentID: parent.map { "n-\($0)" },
                                   kind: parent == nil ? .strategicArea : .project, code: code,
                                   title: title.isEmpty ? "Nodo \(code)" : title, status: status, weight: weight,
                                   sortOrder: plan.nodes.count))
        return id
    }

    @discardableResult
    mutating func objective(_ code: String, _ title: String = "", kind: ObjectiveKind = .individual,
                            manager: String? = nil, weight: Decimal? = nil) -> String {
        let id = "o-\(code)"
        if let manager, !plan.people.contains(where: { $0.id == manager }) {
            plan.people.append(Person(id: manager, entityCode: e, name: manager))
        }
        plan.objectives.append(Objective(id: id, entityCode: e, year: year, kind: kind, code: code,
                                         title: title.isEmpty ? "Obiettivo \(code)" : title,
                                         managerPersonID: manager, weight: weight, sortOrder: plan.objectives.count))
        return id
    }

    enum Owner { case node(String), objective(String) }

    /// An indicator with its items; returns the indicator's id.
    @discardableResult
    mutating func indicator(
        _ code: String, _ owner: Owner, name: String = "", rule: ScoringRuleKind? = nil, comparator: Comparator? = nil,
        target: Decimal? = nil, unit: String? = nil, polarity: Polarity? = nil, baseline: Decimal? = nil,
        baselineYear: Int? = nil, derivedFrom: ScoreDerivation? = nil, weight: Decimal? = nil,
        applicable: Bool = true, items: [ItemSpec] = []
    ) -> String {
        let id = next("i-")
        var nodeID: String?
        var objectiveID: String?
        switch owner {
        case .node(let c): nodeID = "n-\(c)"
        case .objective(let c): objectiveID = "o-\(c)"
        }
        plan.indicators.append(Indicator(
            id: id, entityCode: e, year: year, nodeID: nodeID, objectiveID: objectiveID, code: code,
            name: name.isEmpty ? "Indicatore \(code)" : name, rule: rule, comparator: comparator, polarity: polarity,
            unit: unit, baselineValue: baseline, baselineYear: baselineYear, weight: weight, derivedFrom: derivedFrom,
            sortOrder: plan.indicators.count))
        if target != nil || comparator != nil || !applicable {
            plan.targets.append(Target(id: next("t-"), indicatorID: id, year: year, applicable: applicable,
                                       comparator: comparator, value: target))
        }
        for spec in items { add(spec, to: id) }
        return id
    }

    mutating func add(_ s: ItemSpec, to indicatorID: String) {
        let id = next("it-")
        plan.items.append(MeasuredItem(
            id: id, indicatorID: indicatorID, code: s.code, description: s.description ?? "Item \(s.code)",
            comparator: s.comparator, targetValue: s.target, targetDeadline: s.deadline, targetText: s.targetText,
            unit: s.unit, rule: s.rule, weight: s.weight, sortOrder: plan.items.count))
        if s.measured {
            plan.measurements.append(Measurement(
                id: next("m-"), itemID: id, periodID: "test/\(year)/ANNO", value: s.value, date: s.date, done: s.done,
                numerator: s.numerator, denominator: s.denominator, text: s.text, notComputableReason: s.nc,
                justifiedDeviation: s.justified, justificationNote: s.note, override: s.override, series: s.series))
        }
    }
}

/// One item and its measurement.
struct ItemSpec {
    var code: String
    var description: String?
    var rule: ScoringRuleKind?
    var comparator: Comparator?
    var target: Decimal?
    var deadline: CivilDate?
    var targetText: String?
    var unit: String?
    var weight: Decimal?
    var measured = true
    var value: Decimal?
    var date: CivilDate?
    var done: Bool?
    var numerator: Decimal?
    var denominator: Decimal?
    var text: String?
    var nc: String?
    var justified = false
    var note: String?
    var override: ScoreOverride?
    var series: [YearValue]?

    init(_ code: String) { self.code = code }

    /// A % taken as entered (self-declared progress, or a printed project %).
    static func declared(_ code: String, _ value: Decimal) -> ItemSpec {
        var s = ItemSpec(code)
        s.rule = .declaredProgress
        s.value = value
        return s
    }

    static func done(_ code: String, _ done: Bool) -> ItemSpec {
        var s = ItemSpec(code)
        s.rule = .done
        s.done = done
        return s
    }

    static func nc(_ code: String, _ reason: String) -> ItemSpec {
        var s = ItemSpec(code)
        s.rule = .done
        s.nc = reason
        return s
    }

    static func deadline(_ code: String, due: CivilDate, on date: CivilDate?, done: Bool? = nil) -> ItemSpec {
        var s = ItemSpec(code)
        s.rule = .deadline
        s.comparator = .byDate
        s.deadline = due
        s.date = date
        s.done = done
        return s
    }

    static func threshold(_ code: String, _ comparator: Comparator, _ target: Decimal, value: Decimal) -> ItemSpec {
        var s = ItemSpec(code)
        s.rule = .threshold
        s.comparator = comparator
        s.target = target
        s.value = value
        return s
    }

    static func partial(_ code: String, got value: Decimal, of target: Decimal) -> ItemSpec {
        var s = ItemSpec(code)
        s.rule = .proportional
        s.comparator = .atLeast
        s.target = target
        s.value = value
        return s
    }
}

func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d) }

extension Decimal {
    /// `Decimal(string:)` for literals with decimals, so that no `Double` enters the tests.
    static func d(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }
}
