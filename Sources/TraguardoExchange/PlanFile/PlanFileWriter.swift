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
        var root = PlanFileMap()
        root.set(K.format, PlanFileReader.formatName)
        root.set(K.entity, map: entity(plan.entity))
        root.set(K.year, plan.cycle.year)
        if plan.cycle.horizonFrom != nil || plan.cycle.horizonTo != nil {
            var horizon = PlanFileMap()
            horizon.set(K.from, plan.cycle.horizonFrom)
            horizon.set(K.to, plan.cycle.horizonTo)
            root.set(K.horizon, map: horizon)
        }
        root.set(K.cycleStatus, plan.cycle.status)
        root.set(K.componentEntities, plan.cycle.componentEntityCodes)
        root.set(K.declaredTotals, list: plan.cycle.declaredTotals.map { total in
            var map = PlanFileMap()
            map.set(K.element, total.element)
            map.set(K.percentage, total.declared.score)
            map.set(K.text, total.declared.text)
            map.set(K.source, map: PlanFileMap.provenance(total.provenance))
            return map.node
        })
        root.set(K.periods, list: plan.periods.sorted { $0.sequence < $1.sequence }.map { period in
            var map = PlanFileMap()
            map.set(K.code, period.code)
            map.set(K.name, period.name)
            map.set(K.kind, period.kind)
            map.set(K.start, period.startsOn)
            map.set(K.end, period.endsOn)
            map.set(K.status, period.status)
            map.set(K.opensOn, period.opensOn)
            map.set(K.deadline, period.deadline)
            map.set(K.reopenReason, period.reopenReason)
            return map.node
        })
        root.set(K.unit, list: units(parent: nil, plan))
        root.set(K.people, list: plan.people.map { person(in: plan, $0) })
        root.set(K.levels, list: plan.levels.map { level in
            var map = PlanFileMap()
            map.set(K.level, level.depth)
            map.set(K.kind, level.kind)
            map.set(K.label, level.label)
            map.set(K.codePattern, level.codePattern)
            map.set(K.example, level.codeExample)
            return map.node
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
        var map = PlanFileMap()
        map.set(K.code, entity.code)
        map.set(K.name, entity.name)
        map.set(K.shortName, entity.shortName)
        map.set(K.kind, entity.kind)
        map.set(K.status, entity.status)
        map.set(K.fiscalCode, entity.fiscalCode)
        map.set(K.establishedOn, entity.establishedOn)
        map.set(K.mergedFrom, entity.mergedFrom)
        map.set(K.website, entity.website)
        if let patron = entity.patronSaint {
            var saint = PlanFileMap()
            saint.set(K.saint, patron.name)
            saint.set(K.day, patron.day)
            saint.set(K.month, patron.month)
            map.set(K.patron, map: saint)
        }
        if let closures = entity.closures {
            map.set(K.closures, list: closures.map { closure in
                var item = PlanFileMap()
                item.set(K.date, closure.date)
                item.set(K.reason, closure.reason)
                return item.node
            })
        }
        map.set(K.source, map: PlanFileMap.provenance(entity.provenance))
        return map
    }

    private static func units(parent: String?, _ plan: IndexedPlan) -> [Node] {
        (plan.unitsByParent[parent] ?? []).map { unit in
            var map = PlanFileMap()
            map.set(K.code, unit.id)
            map.set(K.name, unit.name)
            map.set(K.kind, unit.kind)
            map.set(K.source, map: PlanFileMap.provenance(unit.provenance))
            map.set(K.unit, list: units(parent: unit.id, plan))
            return map.node
        }
    }

    private static func person(in plan: IndexedPlan, _ person: Person) -> Node {
        var map = PlanFileMap()
        map.set(K.code, person.id)
        map.set(K.name, person.name)
        map.set(K.title, person.title)
        map.set(K.email, person.email)
        map.set(K.source, map: PlanFileMap.provenance(person.provenance))
        map.set(K.roles, list: plan.roles.filter { $0.personID == person.id }.map { role in
            var entry = PlanFileMap()
            entry.set(K.role, role.role)
            entry.set(K.unit, role.unitID)
            entry.set(K.acting, role.acting ? true : nil)
            entry.set(K.since, role.fromYear)
            entry.set(K.until, role.toYear)
            return entry.node
        })
        return map.node
    }

    private static func methodology(_ version: MethodologyVersion) -> PlanFileMap {
        var map = PlanFileMap()
        map.set(K.version, version.version)
        map.set(K.act, version.adoptedByActID)
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
            var map = PlanFileMap()
            map.set(K.code, node.code)
            map.set(K.kind, node.kind)
            map.set(K.title, node.title)
            map.set(K.description, node.description)
            map.set(K.responsibleUnit, node.ownerUnitID)
            map.set(K.responsiblePerson, node.ownerPersonID)
            map.set(K.mission, node.missionCode)
            map.set(K.programme, node.programmeCode)
            map.set(K.perspective, node.perspective)
            map.set(K.timeSpan, node.timeSpan)
            map.set(K.status, node.status)
            map.set(K.weight, node.weight)
            map.set(K.declared, map: PlanFileMap.declared(node.declared))
            map.set(K.source, map: PlanFileMap.provenance(node.provenance))
            map.set(K.resources, list: plan.resources.filter { $0.nodeID == node.id }.map { resource in
                var entry = PlanFileMap()
                entry.set(K.year, resource.year)
                entry.set(K.kind, resource.kind)
                entry.set(K.phase, resource.phase)
                entry.set(K.amount, resource.amount)
                entry.set(K.note, resource.note)
                entry.set(K.source, map: PlanFileMap.provenance(resource.provenance))
                return entry.node
            })
            map.set(K.accounts, list: plan.accountLines.filter { $0.nodeID == node.id }.map(accountLine))
            map.set(K.indicators, list: (plan.indicatorsByNode[node.id] ?? []).map { indicator(in: plan, $0) })
            map.set(K.children, list: nodes(parent: node.id, plan))
            return map.node
        }
    }

    private static func accountLine(_ line: AccountLine) -> Node {
        var map = PlanFileMap()
        map.set(K.code, line.code)
        map.set(K.parent, line.parentCode)
        map.set(K.description, line.description)
        map.set(K.nature, line.nature)
        map.set(K.column, line.column)
        map.set(K.phase, line.phase)
        map.set(K.costCentre, line.costCentre)
        map.set(K.amount, line.amount)
        map.set(K.source, map: PlanFileMap.provenance(line.provenance))
        return map.node
    }

    private static func indicator(in plan: IndexedPlan, _ indicator: Indicator) -> Node {
        var map = PlanFileMap()
        map.set(K.code, indicator.code)
        map.set(K.name, indicator.name)
        map.set(K.description, indicator.description)
        map.set(K.indicatorType, indicator.type)
        map.set(K.rule, indicator.rule)
        map.set(K.comparator, indicator.comparator)
        map.set(K.polarity, indicator.polarity)
        map.set(K.unitOfMeasure, indicator.unit)
        map.set(K.algorithm, indicator.formula)
        map.set(K.numerator, indicator.numerator)
        map.set(K.denominator, indicator.denominator)
        map.set(K.dataSource, indicator.source)
        map.set(K.frequency, indicator.frequency)
        var baseline = PlanFileMap()
        baseline.set(K.value, indicator.baselineValue)
        baseline.set(K.year, indicator.baselineYear)
        baseline.set(K.text, indicator.baselineText)
        map.set(K.baseline, map: baseline)
        map.set(K.weight, indicator.weight)
        map.set(K.office, indicator.ownerUnitID)
        if let derived = indicator.derivedFrom {
            var entry = PlanFileMap()
            entry.set(K.kind, derived.kind)
            entry.set(K.codes, derived.codes)
            entry.set(K.otherSources, list: derived.further.map { further in
                var source = PlanFileMap()
                source.set(K.kind, further.kind)
                source.set(K.codes, further.codes)
                return source.node
            })
            if let rounding = derived.rounding {
                var rule = PlanFileMap()
                rule.set(K.mode, rounding.mode)
                rule.set(K.digits, rounding.digits)
                entry.set(K.rounding, map: rule)
            }
            map.set(K.derivedFrom, map: entry)
        }
        map.set(K.declared, map: PlanFileMap.declared(indicator.declared))
        map.set(K.source, map: PlanFileMap.provenance(indicator.provenance))
        map.set(K.target, list: (plan.targetsByIndicator[indicator.id] ?? []).map { target in
            var entry = PlanFileMap()
            entry.set(K.year, target.year)
            entry.set(K.period, target.periodCode)
            entry.set(K.applicable, target.applicable ? nil : false)
            entry.set(K.comparator, target.comparator)
            entry.set(K.value, target.value)
            entry.set(K.secondValue, target.secondValue)
            entry.set(K.deadline, target.deadline)
            entry.set(K.text, target.text)
            return entry.node
        })
        map.set(K.item, list: (plan.itemsByIndicator[indicator.id] ?? []).map { item(in: plan, $0) })
        return map.node
    }

    private static func item(in plan: IndexedPlan, _ item: MeasuredItem) -> Node {
        var map = PlanFileMap()
        map.set(K.code, item.code)
        map.set(K.description, item.description)
        map.set(K.comparator, item.comparator)
        map.set(K.targetValue, item.targetValue)
        map.set(K.deadline, item.targetDeadline)
        map.set(K.targetText, item.targetText)
        map.set(K.unitOfMeasure, item.unit)
        map.set(K.rule, item.rule)
        map.set(K.weight, item.weight)
        map.set(K.office, item.responsibleUnitID)
        map.set(K.source, map: PlanFileMap.provenance(item.provenance))
        let periods = plan.periodCodes
        map.set(K.measurements, list: (plan.measurementsByItem[item.id] ?? []).map { measurement in
            var entry = PlanFileMap()
            entry.set(K.period, periods[measurement.periodID] ?? measurement.periodID)
            entry.set(K.value, measurement.value)
            entry.set(K.date, measurement.date)
            entry.set(K.done, measurement.done)
            entry.set(K.numerator, measurement.numerator)
            entry.set(K.denominator, measurement.denominator)
            entry.set(K.text, measurement.text)
            entry.set(K.notComputable, measurement.notComputableReason)
            if measurement.justifiedDeviation {
                entry.set(K.justifiedVariance, measurement.justificationNote ?? "true")
            }
            if let forced = measurement.override {
                var override = PlanFileMap()
                override.set(K.score, forced.score)
                override.set(K.reason, forced.reason)
                override.set(K.approvedBy, forced.approvedBy)
                entry.set(K.override, map: override)
            }
            entry.set(K.narrative, measurement.narrative)
            entry.set(K.evidence, measurement.evidence)
            entry.set(K.author, measurement.author)
            entry.set(K.recordedAt, measurement.recordedAt.map { $0.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) })
            entry.set(K.source, map: PlanFileMap.provenance(measurement.provenance))
            return entry.node
        })
        return map.node
    }

    private static func objective(in plan: IndexedPlan, _ objective: Objective) -> Node {
        var map = PlanFileMap()
        map.set(K.code, objective.code)
        map.set(K.kind, objective.kind)
        map.set(K.title, objective.title)
        map.set(K.description, objective.description)
        map.set(K.manager, objective.managerPersonID)
        map.set(K.unit, objective.unitID)
        map.set(K.assignedBy, objective.assignedByActID)
        map.set(K.weight, objective.weight)
        map.set(K.declared, map: PlanFileMap.declared(objective.declared))
        map.set(K.source, map: PlanFileMap.provenance(objective.provenance))
        let links = plan.objectiveLinks.filter { $0.objectiveID == objective.id }
        var linked = PlanFileMap()
        linked.set(K.nodes, links.compactMap(\.nodeID))
        linked.set(K.objectives, links.compactMap(\.linkedObjectiveID))
        map.set(K.links, map: linked)
        map.set(K.indicators, list: (plan.indicatorsByObjective[objective.id] ?? []).map { indicator(in: plan, $0) })
        return map.node
    }

    private static func service(in plan: IndexedPlan, _ standard: ServiceStandard) -> Node {
        var map = PlanFileMap()
        map.set(K.code, standard.code)
        map.set(K.section, standard.section)
        map.set(K.group, standard.groupName)
        map.set(K.process, standard.process)
        map.set(K.offices, standard.offices)
        map.set(K.indicator, standard.indicatorText)
        map.set(K.standardDays, standard.standardDays)
        map.set(K.standardText, standard.standardText)
        map.set(K.source, map: PlanFileMap.provenance(standard.provenance))
        map.set(K.results, list: plan.serviceResults.filter { $0.standardID == standard.id }.map { result in
            var entry = PlanFileMap()
            entry.set(K.year, result.year)
            entry.set(K.measuredDays, result.measuredDays)
            entry.set(K.measuredText, result.measuredText)
            entry.set(K.totalCases, result.casesTotal)
            entry.set(K.casesWithinStandard, result.casesWithinStandard)
            entry.set(K.notComputable, result.notComputableReason)
            entry.set(K.justifiedVariance, result.justifiedDeviation ? true : nil)
            entry.set(K.outcome, result.outcome)
            entry.set(K.note, result.note)
            entry.set(K.declared, map: PlanFileMap.declared(result.declared))
            entry.set(K.source, map: PlanFileMap.provenance(result.provenance))
            return entry.node
        })
        return map.node
    }

    private static func procedure(in plan: IndexedPlan, _ procedure: MonitoredProcedure) -> Node {
        var map = PlanFileMap()
        map.set(K.code, procedure.code)
        map.set(K.name, procedure.name)
        map.set(K.scope, procedure.scope)
        map.set(K.coordinators, procedure.coordinators)
        map.set(K.expectedResult, procedure.expectedResult)
        map.set(K.controlSystem, procedure.controlSystem)
        map.set(K.comparator, procedure.comparator)
        map.set(K.targetValue, procedure.targetValue)
        map.set(K.sources, procedure.sources)
        map.set(K.source, map: PlanFileMap.provenance(procedure.provenance))
        map.set(K.results, list: plan.procedureResults.filter { $0.procedureID == procedure.id }.map { result in
            var entry = PlanFileMap()
            entry.set(K.year, result.year)
            entry.set(K.value, result.value)
            entry.set(K.score, result.score)
            entry.set(K.partials, list: result.subResults.map { part in
                var item = PlanFileMap()
                item.set(K.label, part.label)
                item.set(K.score, part.score)
                return item.node
            })
            entry.set(K.text, result.text)
            entry.set(K.notComputable, result.notComputableReason)
            entry.set(K.declared, map: PlanFileMap.declared(result.declared))
            entry.set(K.source, map: PlanFileMap.provenance(result.provenance))
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
        var map = PlanFileMap()
        map.set(K.code, act.id)
        map.set(K.body, act.organ)
        map.set(K.kind, act.kind)
        map.set(K.number, act.number)
        map.set(K.date, act.date)
        map.set(K.subject, act.subject)
        map.set(K.source, map: PlanFileMap.provenance(act.provenance))
        map.set(K.variations, list: plan.variations.filter { $0.actID == act.id }.map { variation in
            var entry = PlanFileMap()
            entry.set(K.node, variation.nodeID)
            entry.set(K.kind, variation.kind)
            entry.set(K.description, variation.description)
            entry.set(K.field, variation.field)
            entry.set(K.before, variation.before)
            entry.set(K.after, variation.after)
            return entry.node
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
