import Foundation
import TraguardoCore
import Yams

/// Writes an Ente-year as one plan file (`traguardo/1`), in the shape `PlanFileReader` reads:
/// codes instead of ids, children nested under their parents, keys always in the same order.
public enum PlanFileWriter {
    public static func yaml(_ plan: CyclePlan) throws -> String {
        try Yams.serialize(node: document(plan), width: -1, allowUnicode: true)
    }

    /// The same content as JSON (same keys), pretty-printed with sorted keys.
    public static func json(_ plan: CyclePlan) throws -> String {
        let value = PlanBuilder.plain(document(plan))
        let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func document(_ whole: CyclePlan) -> Node {
        let plan = IndexedPlan(whole)
        var root = PlanFileMap((K.format, PlanFileReader.formatName))
        root.set(K.entity, map: entity(plan.entity))
        root.set(K.year, plan.cycle.year)
        root.set(K.horizon, map: PlanFileMap((K.from, plan.cycle.horizonFrom), (K.to, plan.cycle.horizonTo)))
        root.set(K.cycleStatus, plan.cycle.status)
        root.set(K.componentEntities, plan.cycle.componentEntityCodes)
        root.set(K.declaredTotals, list: plan.cycle.declaredTotals.map { total in
            var map = PlanFileMap((K.element, total.element), (K.percentage, total.declared.score), (K.text, total.declared.text))
            map.setOrigin(source: total.provenance)
            return map.node
        })
        root.set(K.periods, list: plan.periods.sorted { $0.sequence < $1.sequence }.map { period in
            PlanFileMap(
                (K.code, period.code), (K.name, period.name), (K.kind, period.kind), (K.start, period.startsOn),
                (K.end, period.endsOn), (K.status, period.status), (K.opensOn, period.opensOn),
                (K.deadline, period.deadline), (K.reopenReason, period.reopenReason)
            ).node
        })
        root.set(K.unit, list: units(parent: nil, plan))
        root.set(K.people, list: plan.people.map { person(in: plan, $0) })
        root.set(K.levels, list: plan.levels.map { level in
            PlanFileMap(
                (K.level, level.depth), (K.kind, level.kind), (K.label, level.label), (K.codePattern, level.codePattern),
                (K.example, level.codeExample)
            ).node
        })
        if let methodology = plan.methodology { root.set(K.methodology, map: self.methodology(methodology)) }
        root.set(K.tree, list: nodes(parent: nil, plan))
        root.set(K.objectives, list: plan.objectives.map { objective(in: plan, $0) })
        root.set(K.accounts, list: plan.accountLines.filter { $0.nodeID == nil }.map(accountLine))
        root.set(K.serviceCharter, list: plan.serviceStandards.map { service(in: plan, $0) })
        root.set(K.procedures, list: plan.procedures.map { procedure(in: plan, $0) })
        root.set(K.narrativeTables, list: whole.narrativeTables.map(narrativeTable))
        root.set(K.subIndicators, list: whole.subIndicators.map(subIndicator))
        root.set(K.acts, list: plan.acts.map { act(in: plan, $0) })
        return root.node
    }

    private static func entity(_ entity: Entity) -> PlanFileMap {
        var map = PlanFileMap(
            (K.code, entity.code), (K.name, entity.name), (K.shortName, entity.shortName), (K.kind, entity.kind),
            (K.status, entity.status), (K.fiscalCode, entity.fiscalCode), (K.establishedOn, entity.establishedOn),
            (K.mergedFrom, entity.mergedFrom), (K.website, entity.website))
        if let patron = entity.patronSaint {
            map.set(K.patron, map: PlanFileMap((K.saint, patron.name), (K.day, patron.day), (K.month, patron.month)))
        }
        if let closures = entity.closures {
            map.set(K.closures, list: closures.map { PlanFileMap((K.date, $0.date), (K.reason, $0.reason)).node })
        }
        map.setOrigin(source: entity.provenance)
        return map
    }

    private static func units(parent: String?, _ plan: IndexedPlan) -> [Node] {
        (plan.unitsByParent[parent] ?? []).map { unit in
            var map = PlanFileMap((K.code, unit.id), (K.name, unit.name), (K.kind, unit.kind))
            map.setOrigin(source: unit.provenance)
            map.set(K.unit, list: units(parent: unit.id, plan))
            return map.node
        }
    }

    private static func person(in plan: IndexedPlan, _ person: Person) -> Node {
        var map = PlanFileMap((K.code, person.id), (K.name, person.name), (K.title, person.title), (K.email, person.email))
        map.setOrigin(source: person.provenance)
        map.set(K.roles, list: plan.roles.filter { $0.personID == person.id }.map { role in
            PlanFileMap(
                (K.role, role.role), (K.unit, role.unitID), (K.acting, role.acting ? true : nil), (K.since, role.fromYear),
                (K.until, role.toYear)
            ).node
        })
        return map.node
    }

    private static func methodology(_ version: MethodologyVersion) -> PlanFileMap {
        var map = PlanFileMap((K.version, version.version), (K.act, version.adoptedByActID))
        if let preset = MethodologyPresets.all.first(where: { $0.value == version.rules })?.key {
            map.set(K.preset, preset)
        } else if let data = try? sortedEncoder.encode(version.rules), let text = String(data: data, encoding: .utf8),
            let node = try? Yams.compose(yaml: text)
        {
            map.set(K.rules, node)
        }
        return map
    }

    /// Keys in name order: the rules hold dictionaries, whose order would otherwise change from run to run (and
    /// the same plan would not always write the same file).
    private static var sortedEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    private static func nodes(parent: String?, _ plan: IndexedPlan) -> [Node] {
        (plan.nodesByParent[parent] ?? []).map { node in
            var map = PlanFileMap(
                (K.code, node.code), (K.kind, node.kind), (K.title, node.title), (K.description, node.description),
                (K.responsibleUnit, node.ownerUnitID), (K.responsiblePerson, node.ownerPersonID),
                (K.mission, node.missionCode), (K.programme, node.programmeCode), (K.perspective, node.perspective),
                (K.timeSpan, node.timeSpan), (K.status, node.status), (K.weight, node.weight))
            map.setOrigin(declared: node.declared, source: node.provenance)
            map.set(K.resources, list: plan.resources.filter { $0.nodeID == node.id }.map { resource in
                var entry = PlanFileMap(
                    (K.year, resource.year), (K.kind, resource.kind), (K.phase, resource.phase), (K.amount, resource.amount),
                    (K.note, resource.note))
                entry.setOrigin(source: resource.provenance)
                return entry.node
            })
            map.set(K.accounts, list: plan.accountLines.filter { $0.nodeID == node.id }.map(accountLine))
            map.set(K.indicators, list: (plan.indicatorsByNode[node.id] ?? []).map { indicator(in: plan, $0) })
            map.set(K.children, list: nodes(parent: node.id, plan))
            return map.node
        }
    }

    private static func accountLine(_ line: AccountLine) -> Node {
        var map = PlanFileMap(
            (K.code, line.code), (K.parent, line.parentCode), (K.description, line.description), (K.nature, line.nature),
            (K.column, line.column), (K.phase, line.phase), (K.costCentre, line.costCentre), (K.amount, line.amount))
        map.setOrigin(source: line.provenance)
        return map.node
    }

    private static func indicator(in plan: IndexedPlan, _ indicator: Indicator) -> Node {
        var map = PlanFileMap(
            (K.code, indicator.code), (K.name, indicator.name), (K.description, indicator.description),
            (K.indicatorType, indicator.type), (K.rule, indicator.rule), (K.comparator, indicator.comparator),
            (K.polarity, indicator.polarity), (K.unitOfMeasure, indicator.unit), (K.algorithm, indicator.formula),
            (K.numerator, indicator.numerator), (K.denominator, indicator.denominator), (K.dataSource, indicator.source),
            (K.frequency, indicator.frequency))
        map.set(K.baseline, map: PlanFileMap(
            (K.value, indicator.baselineValue), (K.year, indicator.baselineYear), (K.text, indicator.baselineText)))
        map.set(K.weight, indicator.weight)
        map.set(K.office, indicator.ownerUnitID)
        if let derived = indicator.derivedFrom {
            var entry = PlanFileMap((K.kind, derived.kind), (K.codes, derived.codes))
            entry.set(K.otherSources, list: derived.further.map { PlanFileMap((K.kind, $0.kind), (K.codes, $0.codes)).node })
            if let rounding = derived.rounding {
                entry.set(K.rounding, map: PlanFileMap((K.mode, rounding.mode), (K.digits, rounding.digits)))
            }
            map.set(K.derivedFrom, map: entry)
        }
        map.setOrigin(declared: indicator.declared, source: indicator.provenance)
        map.set(K.target, list: (plan.targetsByIndicator[indicator.id] ?? []).map { target in
            PlanFileMap(
                (K.year, target.year), (K.period, target.periodCode), (K.applicable, target.applicable ? nil : false),
                (K.comparator, target.comparator), (K.value, target.value), (K.secondValue, target.secondValue),
                (K.deadline, target.deadline), (K.text, target.text)
            ).node
        })
        map.set(K.item, list: (plan.itemsByIndicator[indicator.id] ?? []).map { item(in: plan, $0) })
        return map.node
    }

    private static func item(in plan: IndexedPlan, _ item: MeasuredItem) -> Node {
        var map = PlanFileMap(
            (K.code, item.code), (K.description, item.description), (K.comparator, item.comparator),
            (K.targetValue, item.targetValue), (K.deadline, item.targetDeadline), (K.targetText, item.targetText),
            (K.unitOfMeasure, item.unit), (K.rule, item.rule), (K.weight, item.weight), (K.office, item.responsibleUnitID))
        map.setOrigin(source: item.provenance)
        let periods = plan.periodCodes
        map.set(K.measurements, list: (plan.measurementsByItem[item.id] ?? []).map { measurement in
            var entry = PlanFileMap(
                (K.period, periods[measurement.periodID] ?? measurement.periodID), (K.value, measurement.value),
                (K.date, measurement.date), (K.done, measurement.done), (K.numerator, measurement.numerator),
                (K.denominator, measurement.denominator), (K.text, measurement.text),
                (K.notComputable, measurement.notComputableReason))
            if measurement.justifiedDeviation {
                entry.set(K.justifiedVariance, measurement.justificationNote ?? "true")
            }
            if let forced = measurement.override {
                entry.set(K.override, map: PlanFileMap(
                    (K.score, forced.score), (K.reason, forced.reason), (K.approvedBy, forced.approvedBy)))
            }
            entry.set(K.narrative, measurement.narrative)
            entry.set(K.evidence, measurement.evidence)
            entry.set(K.author, measurement.author)
            entry.set(K.recordedAt, measurement.recordedAt.map { $0.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) })
            entry.setOrigin(source: measurement.provenance)
            return entry.node
        })
        return map.node
    }

    private static func objective(in plan: IndexedPlan, _ objective: Objective) -> Node {
        var map = PlanFileMap(
            (K.code, objective.code), (K.kind, objective.kind), (K.title, objective.title),
            (K.description, objective.description), (K.manager, objective.managerPersonID), (K.unit, objective.unitID),
            (K.assignedBy, objective.assignedByActID), (K.weight, objective.weight))
        map.setOrigin(declared: objective.declared, source: objective.provenance)
        let links = plan.objectiveLinks.filter { $0.objectiveID == objective.id }
        map.set(K.links, map: PlanFileMap(
            (K.nodes, links.compactMap(\.nodeID)), (K.objectives, links.compactMap(\.linkedObjectiveID))))
        map.set(K.indicators, list: (plan.indicatorsByObjective[objective.id] ?? []).map { indicator(in: plan, $0) })
        return map.node
    }

    private static func service(in plan: IndexedPlan, _ standard: ServiceStandard) -> Node {
        var map = PlanFileMap(
            (K.code, standard.code), (K.section, standard.section), (K.group, standard.groupName),
            (K.process, standard.process), (K.offices, standard.offices), (K.indicator, standard.indicatorText),
            (K.standardDays, standard.standardDays), (K.standardText, standard.standardText))
        map.setOrigin(source: standard.provenance)
        map.set(K.results, list: plan.serviceResults.filter { $0.standardID == standard.id }.map { result in
            var entry = PlanFileMap(
                (K.year, result.year), (K.measuredDays, result.measuredDays), (K.measuredText, result.measuredText),
                (K.totalCases, result.casesTotal), (K.casesWithinStandard, result.casesWithinStandard),
                (K.notComputable, result.notComputableReason), (K.justifiedVariance, result.justifiedDeviation ? true : nil),
                (K.outcome, result.outcome), (K.note, result.note))
            entry.setOrigin(declared: result.declared, source: result.provenance)
            return entry.node
        })
        return map.node
    }

    private static func procedure(in plan: IndexedPlan, _ procedure: MonitoredProcedure) -> Node {
        var map = PlanFileMap(
            (K.code, procedure.code), (K.name, procedure.name), (K.scope, procedure.scope),
            (K.coordinators, procedure.coordinators), (K.expectedResult, procedure.expectedResult),
            (K.controlSystem, procedure.controlSystem), (K.comparator, procedure.comparator),
            (K.targetValue, procedure.targetValue), (K.sources, procedure.sources))
        map.setOrigin(source: procedure.provenance)
        map.set(K.results, list: plan.procedureResults.filter { $0.procedureID == procedure.id }.map { result in
            var entry = PlanFileMap((K.year, result.year), (K.value, result.value), (K.score, result.score))
            entry.set(K.partials, list: result.subResults.map { PlanFileMap((K.label, $0.label), (K.score, $0.score)).node })
            entry.set(K.text, result.text)
            entry.set(K.notComputable, result.notComputableReason)
            entry.setOrigin(declared: result.declared, source: result.provenance)
            return entry.node
        })
        return map.node
    }

    private static func numbers(_ values: [Decimal?]) -> [Node] {
        values.map { $0.map { Node("\($0)", .implicit, .plain) } ?? Node("~", .implicit, .plain) }
    }

    private static func narrativeTable(_ table: NarrativeTable) -> Node {
        var map = PlanFileMap()
        map.set(K.code, table.code)
        map.set(K.indicator, table.indicatorID)
        map.set(K.procedure, table.procedureID)
        map.set(K.year, table.year)
        map.set(K.title, table.title)
        map.set(K.columns, table.columns)
        map.set(K.rows, list: table.rows.map { row in
            var entry = PlanFileMap()
            entry.set(K.label, row.label)
            entry.set(K.values, list: numbers(row.values))
            return entry.node
        })
        map.set(K.printedTotal, list: numbers(table.declaredTotals))
        map.set(K.source, map: PlanFileMap.provenance(table.provenance))
        return map.node
    }

    private static func subIndicator(_ sub: SubIndicator) -> Node {
        var map = PlanFileMap()
        map.set(K.code, sub.code)
        map.set(K.indicator, sub.indicatorID)
        map.set(K.procedure, sub.procedureID)
        map.set(K.year, sub.year)
        map.set(K.name, sub.name)
        map.set(K.value, sub.value)
        map.set(K.unitOfMeasure, sub.unit)
        map.set(K.baseline, sub.baseline)
        map.set(K.baselineYear, sub.baselineYear)
        map.set(K.comparator, sub.comparator)
        map.set(K.targetValue, sub.target)
        map.set(K.printedChange, sub.declaredChange)
        map.set(K.declared, map: PlanFileMap.declared(sub.declared))
        map.set(K.source, map: PlanFileMap.provenance(sub.provenance))
        return map.node
    }

    private static func act(in plan: IndexedPlan, _ act: Act) -> Node {
        var map = PlanFileMap(
            (K.code, act.id), (K.body, act.organ), (K.kind, act.kind), (K.number, act.number), (K.date, act.date),
            (K.subject, act.subject))
        map.setOrigin(source: act.provenance)
        map.set(K.variations, list: plan.variations.filter { $0.actID == act.id }.map { variation in
            PlanFileMap(
                (K.node, variation.nodeID), (K.kind, variation.kind), (K.description, variation.description),
                (K.field, variation.field), (K.before, variation.before), (K.after, variation.after)
            ).node
        })
        return map.node
    }
}

/// A plan with its children grouped by parent, looked up once each: the writer visits every indicator and item,
/// and filtering the whole plan at each one was quadratic (hours for 250.000 items). Everything else is the plan's.
@dynamicMemberLookup
struct IndexedPlan {
    let plan: CyclePlan
    let unitsByParent: [String?: [OrganisationalUnit]]
    let nodesByParent: [String?: [PlanNode]]
    let indicatorsByNode: [String: [Indicator]]
    let indicatorsByObjective: [String: [Indicator]]
    let targetsByIndicator: [String: [Target]]
    let itemsByIndicator: [String: [MeasuredItem]]
    let measurementsByItem: [String: [TraguardoCore.Measurement]]
    let periodCodes: [String: String]

    init(_ plan: CyclePlan) {
        self.plan = plan
        unitsByParent = Dictionary(grouping: plan.units, by: \.parentID)
        nodesByParent = Dictionary(grouping: plan.nodes, by: \.parentID)
        indicatorsByNode = Dictionary(grouping: plan.indicators.filter { $0.nodeID != nil }, by: { $0.nodeID! })
        indicatorsByObjective = Dictionary(grouping: plan.indicators.filter { $0.objectiveID != nil }, by: { $0.objectiveID! })
        targetsByIndicator = Dictionary(grouping: plan.targets, by: \.indicatorID)
        itemsByIndicator = Dictionary(grouping: plan.items, by: \.indicatorID)
        measurementsByItem = Dictionary(grouping: plan.measurements, by: \.itemID)
        periodCodes = Dictionary(plan.periods.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
    }

    subscript<T>(dynamicMember key: KeyPath<CyclePlan, T>) -> T { plan[keyPath: key] }
}
