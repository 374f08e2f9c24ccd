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
        root.set("formato", PlanFileReader.formatName)
        root.set("ente", map: entity(plan.entity))
        root.set("anno", plan.cycle.year)
        if plan.cycle.horizonFrom != nil || plan.cycle.horizonTo != nil {
            var horizon = PlanFileMap()
            horizon.set("da", plan.cycle.horizonFrom)
            horizon.set("a", plan.cycle.horizonTo)
            root.set("orizzonte", map: horizon)
        }
        root.set("stato_ciclo", plan.cycle.status)
        root.set("enti_componenti", plan.cycle.componentEntityCodes)
        root.set("totali_dichiarati", list: plan.cycle.declaredTotals.map { total in
            var map = PlanFileMap()
            map.set("elemento", total.element)
            map.set("percentuale", total.declared.score)
            map.set("testo", total.declared.text)
            map.set("fonte", map: PlanFileMap.provenance(total.provenance))
            return map.node
        })
        root.set("periodi", list: plan.periods.sorted { $0.sequence < $1.sequence }.map { period in
            var map = PlanFileMap()
            map.set("codice", period.code)
            map.set("nome", period.name)
            map.set("tipo", period.kind)
            map.set("inizio", period.startsOn)
            map.set("fine", period.endsOn)
            map.set("stato", period.status)
            map.set("apertura", period.opensOn)
            map.set("scadenza", period.deadline)
            map.set("motivo_riapertura", period.reopenReason)
            return map.node
        })
        root.set("unita", list: units(parent: nil, plan))
        root.set("persone", list: plan.people.map { person(in: plan, $0) })
        root.set("livelli", list: plan.levels.map { level in
            var map = PlanFileMap()
            map.set("livello", level.depth)
            map.set("tipo", level.kind)
            map.set("etichetta", level.label)
            map.set("schema_codice", level.codePattern)
            map.set("esempio", level.codeExample)
            return map.node
        })
        if let methodology = plan.methodology { root.set("metodologia", map: self.methodology(methodology)) }
        root.set("albero", list: nodes(parent: nil, plan))
        root.set("obiettivi", list: plan.objectives.map { objective(in: plan, $0) })
        root.set("conti", list: plan.accountLines.filter { $0.nodeID == nil }.map(accountLine))
        root.set("carta_dei_servizi", list: plan.serviceStandards.map { service(in: plan, $0) })
        root.set("procedimenti", list: plan.procedures.map { procedure(in: plan, $0) })
        root.set("atti", list: plan.acts.map { act(in: plan, $0) })
        return root.node
    }

    private static func entity(_ entity: Entity) -> PlanFileMap {
        var map = PlanFileMap()
        map.set("codice", entity.code)
        map.set("nome", entity.name)
        map.set("nome_breve", entity.shortName)
        map.set("tipo", entity.kind)
        map.set("stato", entity.status)
        map.set("codice_fiscale", entity.fiscalCode)
        map.set("istituito_il", entity.establishedOn)
        map.set("accorpato_da", entity.mergedFrom)
        map.set("sito", entity.website)
        if let patron = entity.patronSaint {
            var saint = PlanFileMap()
            saint.set("santo", patron.name)
            saint.set("giorno", patron.day)
            saint.set("mese", patron.month)
            map.set("patrono", map: saint)
        }
        if let closures = entity.closures {
            map.set("chiusure", list: closures.map { closure in
                var item = PlanFileMap()
                item.set("data", closure.date)
                item.set("motivo", closure.reason)
                return item.node
            })
        }
        map.set("fonte", map: PlanFileMap.provenance(entity.provenance))
        return map
    }

    private static func units(parent: String?, _ plan: IndexedPlan) -> [Node] {
        (plan.unitsByParent[parent] ?? []).map { unit in
            var map = PlanFileMap()
            map.set("codice", unit.id)
            map.set("nome", unit.name)
            map.set("tipo", unit.kind)
            map.set("fonte", map: PlanFileMap.provenance(unit.provenance))
            map.set("unita", list: units(parent: unit.id, plan))
            return map.node
        }
    }

    private static func person(in plan: IndexedPlan, _ person: Person) -> Node {
        var map = PlanFileMap()
        map.set("codice", person.id)
        map.set("nome", person.name)
        map.set("titolo", person.title)
        map.set("email", person.email)
        map.set("fonte", map: PlanFileMap.provenance(person.provenance))
        map.set("ruoli", list: plan.roles.filter { $0.personID == person.id }.map { role in
            var entry = PlanFileMap()
            entry.set("ruolo", role.role)
            entry.set("unita", role.unitID)
            entry.set("facente_funzione", role.acting ? true : nil)
            entry.set("dal", role.fromYear)
            entry.set("al", role.toYear)
            return entry.node
        })
        return map.node
    }

    private static func methodology(_ version: MethodologyVersion) -> PlanFileMap {
        var map = PlanFileMap()
        map.set("versione", version.version)
        map.set("atto", version.adoptedByActID)
        if let preset = MethodologyPresets.all.first(where: { $0.value == version.rules })?.key {
            map.set("preset", preset)
        } else if let data = try? JSONEncoder().encode(version.rules), let text = String(data: data, encoding: .utf8),
            let node = try? Yams.compose(yaml: text)
        {
            map.set("regole", node)
        }
        return map
    }

    private static func nodes(parent: String?, _ plan: IndexedPlan) -> [Node] {
        (plan.nodesByParent[parent] ?? []).map { node in
            var map = PlanFileMap()
            map.set("codice", node.code)
            map.set("tipo", node.kind)
            map.set("titolo", node.title)
            map.set("descrizione", node.description)
            map.set("responsabile_unita", node.ownerUnitID)
            map.set("responsabile_persona", node.ownerPersonID)
            map.set("missione", node.missionCode)
            map.set("programma", node.programmeCode)
            map.set("prospettiva", node.perspective)
            map.set("arco_temporale", node.timeSpan)
            map.set("stato", node.status)
            map.set("peso", node.weight)
            map.set("dichiarato", map: PlanFileMap.declared(node.declared))
            map.set("fonte", map: PlanFileMap.provenance(node.provenance))
            map.set("risorse", list: plan.resources.filter { $0.nodeID == node.id }.map { resource in
                var entry = PlanFileMap()
                entry.set("anno", resource.year)
                entry.set("tipo", resource.kind)
                entry.set("fase", resource.phase)
                entry.set("importo", resource.amount)
                entry.set("nota", resource.note)
                entry.set("fonte", map: PlanFileMap.provenance(resource.provenance))
                return entry.node
            })
            map.set("conti", list: plan.accountLines.filter { $0.nodeID == node.id }.map(accountLine))
            map.set("indicatori", list: (plan.indicatorsByNode[node.id] ?? []).map { indicator(in: plan, $0) })
            map.set("figli", list: nodes(parent: node.id, plan))
            return map.node
        }
    }

    private static func accountLine(_ line: AccountLine) -> Node {
        var map = PlanFileMap()
        map.set("codice", line.code)
        map.set("padre", line.parentCode)
        map.set("descrizione", line.description)
        map.set("natura", line.nature)
        map.set("colonna", line.column)
        map.set("fase", line.phase)
        map.set("centro_di_costo", line.costCentre)
        map.set("importo", line.amount)
        map.set("fonte", map: PlanFileMap.provenance(line.provenance))
        return map.node
    }

    private static func indicator(in plan: IndexedPlan, _ indicator: Indicator) -> Node {
        var map = PlanFileMap()
        map.set("codice", indicator.code)
        map.set("nome", indicator.name)
        map.set("descrizione", indicator.description)
        map.set("tipologia", indicator.type)
        map.set("regola", indicator.rule)
        map.set("comparatore", indicator.comparator)
        map.set("polarita", indicator.polarity)
        map.set("unita_misura", indicator.unit)
        map.set("algoritmo", indicator.formula)
        map.set("numeratore", indicator.numerator)
        map.set("denominatore", indicator.denominator)
        map.set("fonte_dati", indicator.source)
        map.set("frequenza", indicator.frequency)
        var baseline = PlanFileMap()
        baseline.set("valore", indicator.baselineValue)
        baseline.set("anno", indicator.baselineYear)
        baseline.set("testo", indicator.baselineText)
        map.set("baseline", map: baseline)
        map.set("peso", indicator.weight)
        map.set("ufficio", indicator.ownerUnitID)
        if let derived = indicator.derivedFrom {
            var entry = PlanFileMap()
            entry.set("tipo", derived.kind)
            entry.set("codici", derived.codes)
            entry.set("altre_fonti", list: derived.further.map { further in
                var source = PlanFileMap()
                source.set("tipo", further.kind)
                source.set("codici", further.codes)
                return source.node
            })
            if let rounding = derived.rounding {
                var rule = PlanFileMap()
                rule.set("modo", rounding.mode)
                rule.set("cifre", rounding.digits)
                entry.set("arrotondamento", map: rule)
            }
            map.set("derivato_da", map: entry)
        }
        map.set("dichiarato", map: PlanFileMap.declared(indicator.declared))
        map.set("fonte", map: PlanFileMap.provenance(indicator.provenance))
        map.set("target", list: (plan.targetsByIndicator[indicator.id] ?? []).map { target in
            var entry = PlanFileMap()
            entry.set("anno", target.year)
            entry.set("periodo", target.periodCode)
            entry.set("applicabile", target.applicable ? nil : false)
            entry.set("comparatore", target.comparator)
            entry.set("valore", target.value)
            entry.set("secondo_valore", target.secondValue)
            entry.set("scadenza", target.deadline)
            entry.set("testo", target.text)
            return entry.node
        })
        map.set("item", list: (plan.itemsByIndicator[indicator.id] ?? []).map { item(in: plan, $0) })
        return map.node
    }

    private static func item(in plan: IndexedPlan, _ item: MeasuredItem) -> Node {
        var map = PlanFileMap()
        map.set("codice", item.code)
        map.set("descrizione", item.description)
        map.set("comparatore", item.comparator)
        map.set("valore_target", item.targetValue)
        map.set("scadenza", item.targetDeadline)
        map.set("testo_target", item.targetText)
        map.set("unita_misura", item.unit)
        map.set("regola", item.rule)
        map.set("peso", item.weight)
        map.set("ufficio", item.responsibleUnitID)
        map.set("fonte", map: PlanFileMap.provenance(item.provenance))
        let periods = plan.periodCodes
        map.set("rilevazioni", list: (plan.measurementsByItem[item.id] ?? []).map { measurement in
            var entry = PlanFileMap()
            entry.set("periodo", periods[measurement.periodID] ?? measurement.periodID)
            entry.set("valore", measurement.value)
            entry.set("data", measurement.date)
            entry.set("fatto", measurement.done)
            entry.set("numeratore", measurement.numerator)
            entry.set("denominatore", measurement.denominator)
            entry.set("testo", measurement.text)
            entry.set("nc", measurement.notComputableReason)
            if measurement.justifiedDeviation {
                entry.set("scostamento_giustificato", measurement.justificationNote ?? "true")
            }
            if let forced = measurement.override {
                var override = PlanFileMap()
                override.set("punteggio", forced.score)
                override.set("motivo", forced.reason)
                override.set("approvato_da", forced.approvedBy)
                entry.set("forzatura", map: override)
            }
            entry.set("narrativa", measurement.narrative)
            entry.set("evidenze", measurement.evidence)
            entry.set("autore", measurement.author)
            entry.set("registrato_il", measurement.recordedAt.map { $0.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) })
            entry.set("fonte", map: PlanFileMap.provenance(measurement.provenance))
            return entry.node
        })
        return map.node
    }

    private static func objective(in plan: IndexedPlan, _ objective: Objective) -> Node {
        var map = PlanFileMap()
        map.set("codice", objective.code)
        map.set("tipo", objective.kind)
        map.set("titolo", objective.title)
        map.set("descrizione", objective.description)
        map.set("dirigente", objective.managerPersonID)
        map.set("unita", objective.unitID)
        map.set("assegnato_da", objective.assignedByActID)
        map.set("peso", objective.weight)
        map.set("dichiarato", map: PlanFileMap.declared(objective.declared))
        map.set("fonte", map: PlanFileMap.provenance(objective.provenance))
        let links = plan.objectiveLinks.filter { $0.objectiveID == objective.id }
        var linked = PlanFileMap()
        linked.set("nodi", links.compactMap(\.nodeID))
        linked.set("obiettivi", links.compactMap(\.linkedObjectiveID))
        map.set("collegamenti", map: linked)
        map.set("indicatori", list: (plan.indicatorsByObjective[objective.id] ?? []).map { indicator(in: plan, $0) })
        return map.node
    }

    private static func service(in plan: IndexedPlan, _ standard: ServiceStandard) -> Node {
        var map = PlanFileMap()
        map.set("codice", standard.code)
        map.set("sezione", standard.section)
        map.set("gruppo", standard.groupName)
        map.set("processo", standard.process)
        map.set("uffici", standard.offices)
        map.set("indicatore", standard.indicatorText)
        map.set("standard_giorni", standard.standardDays)
        map.set("standard_testo", standard.standardText)
        map.set("fonte", map: PlanFileMap.provenance(standard.provenance))
        map.set("risultati", list: plan.serviceResults.filter { $0.standardID == standard.id }.map { result in
            var entry = PlanFileMap()
            entry.set("anno", result.year)
            entry.set("giorni_rilevati", result.measuredDays)
            entry.set("testo_rilevato", result.measuredText)
            entry.set("casi_totali", result.casesTotal)
            entry.set("casi_entro_standard", result.casesWithinStandard)
            entry.set("nc", result.notComputableReason)
            entry.set("scostamento_giustificato", result.justifiedDeviation ? true : nil)
            entry.set("esito", result.outcome)
            entry.set("nota", result.note)
            entry.set("dichiarato", map: PlanFileMap.declared(result.declared))
            entry.set("fonte", map: PlanFileMap.provenance(result.provenance))
            return entry.node
        })
        return map.node
    }

    private static func procedure(in plan: IndexedPlan, _ procedure: MonitoredProcedure) -> Node {
        var map = PlanFileMap()
        map.set("codice", procedure.code)
        map.set("nome", procedure.name)
        map.set("ambito", procedure.scope)
        map.set("coordinatori", procedure.coordinators)
        map.set("risultato_atteso", procedure.expectedResult)
        map.set("sistema_di_controllo", procedure.controlSystem)
        map.set("comparatore", procedure.comparator)
        map.set("valore_target", procedure.targetValue)
        map.set("fonti", procedure.sources)
        map.set("fonte", map: PlanFileMap.provenance(procedure.provenance))
        map.set("risultati", list: plan.procedureResults.filter { $0.procedureID == procedure.id }.map { result in
            var entry = PlanFileMap()
            entry.set("anno", result.year)
            entry.set("valore", result.value)
            entry.set("punteggio", result.score)
            entry.set("parziali", list: result.subResults.map { part in
                var item = PlanFileMap()
                item.set("etichetta", part.label)
                item.set("punteggio", part.score)
                return item.node
            })
            entry.set("testo", result.text)
            entry.set("nc", result.notComputableReason)
            entry.set("dichiarato", map: PlanFileMap.declared(result.declared))
            entry.set("fonte", map: PlanFileMap.provenance(result.provenance))
            return entry.node
        })
        return map.node
    }

    private static func act(in plan: IndexedPlan, _ act: Act) -> Node {
        var map = PlanFileMap()
        map.set("codice", act.id)
        map.set("organo", act.organ)
        map.set("tipo", act.kind)
        map.set("numero", act.number)
        map.set("data", act.date)
        map.set("oggetto", act.subject)
        map.set("fonte", map: PlanFileMap.provenance(act.provenance))
        map.set("variazioni", list: plan.variations.filter { $0.actID == act.id }.map { variation in
            var entry = PlanFileMap()
            entry.set("nodo", variation.nodeID)
            entry.set("tipo", variation.kind)
            entry.set("descrizione", variation.description)
            entry.set("campo", variation.field)
            entry.set("prima", variation.before)
            entry.set("dopo", variation.after)
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
