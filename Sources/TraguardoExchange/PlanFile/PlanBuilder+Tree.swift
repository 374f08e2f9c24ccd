import Foundation
import TraguardoCore

/// The plan tree (`albero`, nested with `figli`) with resources, account lines, indicators, targets,
/// items and measurements; and the account lines outside the tree (`conti`).
extension PlanBuilder {
    func readTree(_ root: FileObject, into draft: Draft) {
        readNodes(root, key: K.tree, parent: nil, into: draft)
        root.list(K.accounts) { object, position in readAccountLine(object, node: nil, position: position, into: draft) }
    }

    private func readNodes(_ object: FileObject, key: String, parent: String?, into draft: Draft) {
        let entity = draft.plan.entity.code, year = draft.plan.cycle.year
        object.list(key) { node, position in
            guard let code = code(node, what: "del nodo"),
                unique(code, among: draft.plan.nodes, in: draft, object: node, what: "nodo")
            else { return }
            guard let kind = node.choice(K.kind, PlanNodeKind.self) else {
                if !node.has(K.kind) { node.error(K.kind, "manca il tipo del nodo (area-strategica, obiettivo-strategico, programma, progetto, …)") }
                return
            }
            draft.plan.nodes.append(PlanNode(
                id: code, entityCode: entity, year: year, parentID: parent, kind: kind, code: code,
                title: node.requiredString(K.title, what: "il titolo del nodo") ?? code, description: node.string(K.description),
                ownerUnitID: reference(node, K.responsibleUnit, .unit, in: draft),
                ownerPersonID: reference(node, K.responsiblePerson, .person, in: draft),
                missionCode: node.nationalCode(K.mission, what: "missione"), programmeCode: node.nationalCode(K.programme, what: "programma"),
                perspective: node.string(K.perspective), timeSpan: node.string(K.timeSpan),
                status: node.choice(K.status, NodeStatus.self) ?? .active, weight: node.decimal(K.weight),
                sortOrder: position, declared: node.declared(), provenance: node.provenance()))
            node.list(K.resources) { resource, index in
                let kind = resource.choice(K.kind, ResourceKind.self), phase = resource.choice(K.phase, BudgetPhase.self)
                let amount = resource.decimal(K.amount), resourceYear = resource.int(K.year) ?? year
                let note = resource.string(K.note), provenance = resource.provenance()
                guard let kind, let phase, let amount else {
                    for key in [K.kind, K.phase, K.amount] where !resource.has(key) { resource.error(key, "manca «\(key)» della risorsa") }
                    return
                }
                draft.plan.resources.append(Resource(
                    id: PlanIDs.resource(node: code, position: index + 1), nodeID: code, year: resourceYear, kind: kind, phase: phase,
                    amount: amount, note: note, provenance: provenance))
            }
            node.list(K.accounts) { line, position in readAccountLine(line, node: code, position: position, into: draft) }
            readIndicators(node, owner: (node: code, objective: nil), into: draft)
            readNodes(node, key: K.children, parent: code, into: draft)
        }
    }

    private func readAccountLine(_ object: FileObject, node: String?, position: Int, into draft: Draft) {
        guard let code = code(object, what: "del conto"), let phase = object.choice(K.phase, BudgetPhase.self),
            let amount = object.decimal(K.amount)
        else {
            for key in [K.phase, K.amount] where !object.has(key) { object.error(key, "manca «\(key)» della riga di conto") }
            return
        }
        let owner = node ?? "-"
        let index = draft.plan.accountLines.filter { ($0.nodeID ?? "-") == owner }.count + 1
        draft.plan.accountLines.append(AccountLine(
            id: PlanIDs.accountLine(node: node, position: index), entityCode: draft.plan.entity.code, year: draft.plan.cycle.year, nodeID: node, code: code,
            parentCode: object.string(K.parent), description: object.requiredString(K.description, what: "la descrizione del conto") ?? code,
            nature: object.choice(K.nature, AccountNature.self), column: object.choice(K.column, AccountColumn.self), phase: phase,
            costCentre: object.string(K.costCentre), amount: amount, sortOrder: position,
            provenance: object.provenance()))
    }

    /// The indicators of a node or of an objective.
    func readIndicators(_ object: FileObject, owner: (node: String?, objective: String?), into draft: Draft) {
        let entity = draft.plan.entity.code, year = draft.plan.cycle.year
        let parent = owner.node ?? owner.objective ?? ""
        object.list(K.indicators) { indicator, position in
            guard let code = code(indicator, what: "dell'indicatore") else { return }
            let id = PlanIDs.indicator(owner: parent, code: code)
            guard unique(id, among: draft.plan.indicators, in: draft, object: indicator, what: "indicatore") else { return }
            let baseline = indicator.object(K.baseline)
            var derivation: ScoreDerivation?
            if let derived = indicator.object(K.derivedFrom) {
                func source(_ object: FileObject) -> ScoreDerivation? {
                    if let kind = object.choice(K.kind, DerivationKind.self) { return ScoreDerivation(kind: kind, codes: object.strings(K.codes)) }
                    if !object.has(K.kind) { object.error(K.kind, "manca il tipo (nodi, obiettivi, procedimenti, carta-dei-servizi)") }
                    return nil
                }
                derivation = source(derived)
                // `altre_fonti: [{tipo: procedimenti}]`: further sources in the same aggregate.
                derived.list(K.otherSources) { further, _ in
                    if let more = source(further) { derivation?.further.append(more) }
                }
                // `arrotondamento: {modo: arrotonda, cifre: 0}`: this indicator's rounding, not the methodology's rule.
                if let rounding = derived.object(K.rounding) {
                    let mode = rounding.choice(K.mode, RoundingMode.self)
                    let digits = rounding.int(K.digits)
                    if mode == nil && !rounding.has(K.mode) { rounding.error(K.mode, "manca il modo (arrotonda, arrotonda-pari, tronca, nessuno)") }
                    if digits == nil && !rounding.has(K.digits) { rounding.error(K.digits, "mancano le cifre decimali (0, 1, 2…)") }
                    if let digits, !(0...6).contains(digits) {
                        rounding.error(K.digits, "\(digits) cifre decimali: attese da 0 a 6")
                    } else if let mode, let digits {
                        derivation?.rounding = RoundingRule(mode: mode, digits: digits)
                    }
                    rounding.finish()
                }
                derived.finish()
            }
            draft.plan.indicators.append(Indicator(
                id: id, entityCode: entity, year: year, nodeID: owner.node, objectiveID: owner.objective, code: code,
                name: indicator.requiredString(K.name, what: "il nome dell'indicatore") ?? code,
                description: indicator.string(K.description), type: indicator.choice(K.indicatorType, IndicatorType.self),
                rule: indicator.choice(K.rule, ScoringRuleKind.self), comparator: indicator.choice(K.comparator, Comparator.self),
                polarity: indicator.choice(K.polarity, Polarity.self), unit: indicator.string(K.unitOfMeasure),
                formula: indicator.string(K.algorithm), numerator: indicator.string(K.numerator),
                denominator: indicator.string(K.denominator), source: indicator.string(K.dataSource),
                frequency: indicator.choice(K.frequency, MeasurementFrequency.self), baselineValue: baseline?.decimal(K.value),
                baselineYear: baseline?.int(K.year), baselineText: baseline?.string(K.text), weight: indicator.decimal(K.weight),
                ownerUnitID: reference(indicator, K.office, .unit, in: draft), derivedFrom: derivation,
                sortOrder: position, declared: indicator.declared(), provenance: indicator.provenance()))
            baseline?.finish()
            indicator.list(K.target) { target, index in
                guard let targetYear = target.int(K.year) else {
                    if !target.has(K.year) { target.error(K.year, "manca l'anno del target") }
                    return
                }
                let period = reference(target, K.period, .period, in: draft)
                draft.plan.targets.append(Target(
                    id: PlanIDs.target(indicator: id, position: index + 1), indicatorID: id, year: targetYear, periodCode: period,
                    applicable: target.bool(K.applicable) ?? true, comparator: target.choice(K.comparator, Comparator.self),
                    value: target.decimal(K.value), secondValue: target.decimal(K.secondValue), deadline: target.date(K.deadline),
                    text: target.string(K.text)))
            }
            indicator.list(K.item) { item, position in readItem(item, indicator: id, position: position, into: draft) }
        }
    }

    private func readItem(_ item: FileObject, indicator: String, position: Int, into draft: Draft) {
        guard let code = code(item, what: "dell'item") else { return }
        let id = PlanIDs.item(indicator: indicator, code: code)
        guard unique(id, among: draft.plan.items, in: draft, object: item, what: "item") else { return }
        draft.plan.items.append(MeasuredItem(
            id: id, indicatorID: indicator, code: code, description: item.requiredString(K.description, what: "la descrizione dell'item") ?? code,
            comparator: item.choice(K.comparator, Comparator.self), targetValue: item.decimal(K.targetValue),
            targetDeadline: item.date(K.deadline), targetText: item.string(K.targetText), unit: item.string(K.unitOfMeasure),
            rule: item.choice(K.rule, ScoringRuleKind.self), weight: item.decimal(K.weight),
            responsibleUnitID: reference(item, K.office, .unit, in: draft), sortOrder: position,
            provenance: item.provenance()))
        item.list(K.measurements) { measurement, _ in readMeasurement(measurement, item: id, into: draft) }
    }

    private func readMeasurement(_ object: FileObject, item: String, into draft: Draft) {
        guard let period = reference(object, K.period, .period, in: draft) else {
            if !object.has(K.period) { object.error(K.period, "manca il periodo della rilevazione (per esempio ANNO)") }
            return
        }
        let id = Measurement.id(item: item, periodCode: period)
        guard unique(id, among: draft.plan.measurements, in: draft, object: object, what: "rilevazione dello stesso item e periodo") else { return }
        var justified = false
        var note: String?
        if let text = object.string(K.justifiedVariance) {
            switch text.lowercased() {
            case "true": justified = true
            case "false": justified = false
            default:
                justified = true
                note = text
            }
        }
        var override: ScoreOverride?
        if let forced = object.object(K.override) {
            if let score = forced.decimal(K.score), let reason = forced.requiredString(K.reason, what: "il motivo della forzatura"),
                let approver = forced.requiredString(K.approvedBy, what: "chi ha approvato la forzatura")
            {
                override = ScoreOverride(score: score, reason: reason, approvedBy: approver)
            } else if !forced.has(K.score) {
                forced.error(K.score, "manca il punteggio della forzatura")
            }
            forced.finish()
        }
        let entity = draft.plan.entity.code, year = draft.plan.cycle.year
        draft.plan.measurements.append(Measurement(
            id: id, itemID: item, periodID: "\(entity)/\(year)/\(period)", value: object.decimal(K.value), date: object.date(K.date),
            done: object.bool(K.done), numerator: object.decimal(K.numerator), denominator: object.decimal(K.denominator),
            text: object.string(K.text), notComputableReason: object.string(K.notComputable), justifiedDeviation: justified,
            justificationNote: note, override: override, narrative: object.string(K.narrative), evidence: object.strings(K.evidence),
            author: object.string(K.author), recordedAt: object.timestamp(K.recordedAt), provenance: object.provenance()))
    }
}
