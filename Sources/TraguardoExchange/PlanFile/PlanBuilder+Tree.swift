import Foundation
import TraguardoCore

/// The plan tree (`albero`, nested with `figli`) with resources, account lines, indicators, targets,
/// items and measurements; and the account lines outside the tree (`conti`).
extension PlanBuilder {
    func readTree(_ root: FileObject, into draft: Draft) {
        readNodes(root, key: "albero", parent: nil, into: draft)
        root.list("conti") { object, position in readAccountLine(object, node: nil, position: position, into: draft) }
    }

    private func readNodes(_ object: FileObject, key: String, parent: String?, into draft: Draft) {
        let entity = draft.plan.entity.code, year = draft.plan.cycle.year
        object.list(key) { node, position in
            guard let code = code(node, what: "del nodo"),
                unique(code, among: draft.plan.nodes, in: draft, object: node, what: "nodo")
            else { return }
            guard let kind = node.choice("tipo", PlanNodeKind.self) else {
                if !node.has("tipo") { node.error("tipo", "manca il tipo del nodo (area-strategica, obiettivo-strategico, programma, progetto, …)") }
                return
            }
            draft.plan.nodes.append(PlanNode(
                id: code, entityCode: entity, year: year, parentID: parent, kind: kind, code: code,
                title: node.requiredString("titolo", what: "il titolo del nodo") ?? code, description: node.string("descrizione"),
                ownerUnitID: reference(node, "responsabile_unita", .unit, in: draft),
                ownerPersonID: reference(node, "responsabile_persona", .person, in: draft),
                missionCode: node.string("missione"), programmeCode: node.string("programma"),
                perspective: node.string("prospettiva"), timeSpan: node.string("arco_temporale"),
                status: node.choice("stato", NodeStatus.self) ?? .active, weight: node.decimal("peso"),
                sortOrder: position, declared: node.declared(), provenance: node.provenance()))
            node.list("risorse") { resource, index in
                let kind = resource.choice("tipo", ResourceKind.self), phase = resource.choice("fase", BudgetPhase.self)
                let amount = resource.decimal("importo"), resourceYear = resource.int("anno") ?? year
                let note = resource.string("nota"), provenance = resource.provenance()
                guard let kind, let phase, let amount else {
                    for key in ["tipo", "fase", "importo"] where !resource.has(key) { resource.error(key, "manca «\(key)» della risorsa") }
                    return
                }
                draft.plan.resources.append(Resource(
                    id: PlanIDs.resource(node: code, position: index + 1), nodeID: code, year: resourceYear, kind: kind, phase: phase,
                    amount: amount, note: note, provenance: provenance))
            }
            node.list("conti") { line, position in readAccountLine(line, node: code, position: position, into: draft) }
            readIndicators(node, owner: (node: code, objective: nil), into: draft)
            readNodes(node, key: "figli", parent: code, into: draft)
        }
    }

    private func readAccountLine(_ object: FileObject, node: String?, position: Int, into draft: Draft) {
        guard let code = code(object, what: "del conto"), let phase = object.choice("fase", BudgetPhase.self),
            let amount = object.decimal("importo")
        else {
            for key in ["fase", "importo"] where !object.has(key) { object.error(key, "manca «\(key)» della riga di conto") }
            return
        }
        let owner = node ?? "-"
        let index = draft.plan.accountLines.filter { ($0.nodeID ?? "-") == owner }.count + 1
        draft.plan.accountLines.append(AccountLine(
            id: "\(owner)/c\(index)", entityCode: draft.plan.entity.code, year: draft.plan.cycle.year, nodeID: node, code: code,
            parentCode: object.string("padre"), description: object.requiredString("descrizione", what: "la descrizione del conto") ?? code,
            nature: object.choice("natura", AccountNature.self), column: object.choice("colonna", AccountColumn.self), phase: phase,
            costCentre: object.string("centro_di_costo"), amount: amount, sortOrder: position,
            provenance: object.provenance()))
    }

    /// The indicators of a node or of an objective.
    func readIndicators(_ object: FileObject, owner: (node: String?, objective: String?), into draft: Draft) {
        let entity = draft.plan.entity.code, year = draft.plan.cycle.year
        let parent = owner.node ?? owner.objective ?? ""
        object.list("indicatori") { indicator, position in
            guard let code = code(indicator, what: "dell'indicatore") else { return }
            let id = PlanIDs.indicator(owner: parent, code: code)
            guard unique(id, among: draft.plan.indicators, in: draft, object: indicator, what: "indicatore") else { return }
            let baseline = indicator.object("baseline")
            var derivation: ScoreDerivation?
            if let derived = indicator.object("derivato_da") {
                func source(_ object: FileObject) -> ScoreDerivation? {
                    if let kind = object.choice("tipo", DerivationKind.self) { return ScoreDerivation(kind: kind, codes: object.strings("codici")) }
                    if !object.has("tipo") { object.error("tipo", "manca il tipo (nodi, obiettivi, procedimenti, carta-dei-servizi)") }
                    return nil
                }
                derivation = source(derived)
                // `altre_fonti: [{tipo: procedimenti}]`: further sources in the same aggregate.
                derived.list("altre_fonti") { further, _ in
                    if let more = source(further) { derivation?.further.append(more) }
                }
                // `arrotondamento: {modo: arrotonda, cifre: 0}`: this indicator's rounding, not the methodology's rule.
                if let rounding = derived.object("arrotondamento") {
                    let mode = rounding.choice("modo", RoundingMode.self)
                    let digits = rounding.int("cifre")
                    if mode == nil && !rounding.has("modo") { rounding.error("modo", "manca il modo (arrotonda, arrotonda-pari, tronca, nessuno)") }
                    if digits == nil && !rounding.has("cifre") { rounding.error("cifre", "mancano le cifre decimali (0, 1, 2…)") }
                    if let digits, !(0...6).contains(digits) {
                        rounding.error("cifre", "\(digits) cifre decimali: attese da 0 a 6")
                    } else if let mode, let digits {
                        derivation?.rounding = RoundingRule(mode: mode, digits: digits)
                    }
                    rounding.finish()
                }
                derived.finish()
            }
            draft.plan.indicators.append(Indicator(
                id: id, entityCode: entity, year: year, nodeID: owner.node, objectiveID: owner.objective, code: code,
                name: indicator.requiredString("nome", what: "il nome dell'indicatore") ?? code,
                description: indicator.string("descrizione"), type: indicator.choice("tipologia", IndicatorType.self),
                rule: indicator.choice("regola", ScoringRuleKind.self), comparator: indicator.choice("comparatore", Comparator.self),
                polarity: indicator.choice("polarita", Polarity.self), unit: indicator.string("unita_misura"),
                formula: indicator.string("algoritmo"), numerator: indicator.string("numeratore"),
                denominator: indicator.string("denominatore"), source: indicator.string("fonte_dati"),
                frequency: indicator.choice("frequenza", MeasurementFrequency.self), baselineValue: baseline?.decimal("valore"),
                baselineYear: baseline?.int("anno"), baselineText: baseline?.string("testo"), weight: indicator.decimal("peso"),
                ownerUnitID: reference(indicator, "ufficio", .unit, in: draft), derivedFrom: derivation,
                sortOrder: position, declared: indicator.declared(), provenance: indicator.provenance()))
            baseline?.finish()
            indicator.list("target") { target, index in
                guard let targetYear = target.int("anno") else {
                    if !target.has("anno") { target.error("anno", "manca l'anno del target") }
                    return
                }
                let period = reference(target, "periodo", .period, in: draft)
                draft.plan.targets.append(Target(
                    id: PlanIDs.target(indicator: id, position: index + 1), indicatorID: id, year: targetYear, periodCode: period,
                    applicable: target.bool("applicabile") ?? true, comparator: target.choice("comparatore", Comparator.self),
                    value: target.decimal("valore"), secondValue: target.decimal("secondo_valore"), deadline: target.date("scadenza"),
                    text: target.string("testo")))
            }
            indicator.list("item") { item, position in readItem(item, indicator: id, position: position, into: draft) }
        }
    }

    private func readItem(_ item: FileObject, indicator: String, position: Int, into draft: Draft) {
        guard let code = code(item, what: "dell'item") else { return }
        let id = PlanIDs.item(indicator: indicator, code: code)
        guard unique(id, among: draft.plan.items, in: draft, object: item, what: "item") else { return }
        draft.plan.items.append(MeasuredItem(
            id: id, indicatorID: indicator, code: code, description: item.requiredString("descrizione", what: "la descrizione dell'item") ?? code,
            comparator: item.choice("comparatore", Comparator.self), targetValue: item.decimal("valore_target"),
            targetDeadline: item.date("scadenza"), targetText: item.string("testo_target"), unit: item.string("unita_misura"),
            rule: item.choice("regola", ScoringRuleKind.self), weight: item.decimal("peso"),
            responsibleUnitID: reference(item, "ufficio", .unit, in: draft), sortOrder: position,
            provenance: item.provenance()))
        item.list("rilevazioni") { measurement, _ in readMeasurement(measurement, item: id, into: draft) }
    }

    private func readMeasurement(_ object: FileObject, item: String, into draft: Draft) {
        guard let period = reference(object, "periodo", .period, in: draft) else {
            if !object.has("periodo") { object.error("periodo", "manca il periodo della rilevazione (per esempio ANNO)") }
            return
        }
        let id = Measurement.id(item: item, periodCode: period)
        guard unique(id, among: draft.plan.measurements, in: draft, object: object, what: "rilevazione dello stesso item e periodo") else { return }
        var justified = false
        var note: String?
        if let text = object.string("scostamento_giustificato") {
            switch text.lowercased() {
            case "true": justified = true
            case "false": justified = false
            default:
                justified = true
                note = text
            }
        }
        var override: ScoreOverride?
        if let forced = object.object("forzatura") {
            if let score = forced.decimal("punteggio"), let reason = forced.requiredString("motivo", what: "il motivo della forzatura"),
                let approver = forced.requiredString("approvato_da", what: "chi ha approvato la forzatura")
            {
                override = ScoreOverride(score: score, reason: reason, approvedBy: approver)
            } else if !forced.has("punteggio") {
                forced.error("punteggio", "manca il punteggio della forzatura")
            }
            forced.finish()
        }
        let entity = draft.plan.entity.code, year = draft.plan.cycle.year
        draft.plan.measurements.append(Measurement(
            id: id, itemID: item, periodID: "\(entity)/\(year)/\(period)", value: object.decimal("valore"), date: object.date("data"),
            done: object.bool("fatto"), numerator: object.decimal("numeratore"), denominator: object.decimal("denominatore"),
            text: object.string("testo"), notComputableReason: object.string("nc"), justifiedDeviation: justified,
            justificationNote: note, override: override, narrative: object.string("narrativa"), evidence: object.strings("evidenze"),
            author: object.string("autore"), recordedAt: object.timestamp("registrato_il"), provenance: object.provenance()))
    }
}
