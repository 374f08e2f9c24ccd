import Foundation
import TraguardoCore

/// The Ente, the cycle, periods, units, people and their roles, the levels of the tree.
extension PlanBuilder {
    func readEntity(_ object: FileObject, into draft: Draft) {
        if let name = object.string("nome") {
            draft.plan.entity.name = name
            draft.named = true
        }
        var entity = draft.plan.entity
        entity.shortName = object.string("nome_breve") ?? entity.shortName
        entity.kind = object.choice("tipo", EntityKind.self) ?? entity.kind
        entity.status = object.choice("stato", EntityStatus.self) ?? entity.status
        entity.fiscalCode = object.string("codice_fiscale") ?? entity.fiscalCode
        entity.establishedOn = object.date("istituito_il") ?? entity.establishedOn
        let merged = object.strings("accorpato_da")
        if !merged.isEmpty { entity.mergedFrom = merged }
        entity.website = object.string("sito") ?? entity.website
        readCalendar(object, into: &entity)
        entity.provenance = object.provenance() ?? entity.provenance
        draft.plan.entity = entity
    }

    /// `patrono: {santo: San Paolino, giorno: 12, mese: 7}` and `chiusure: [{data: 2018-12-24, motivo: …}]`: the
    /// Ente's working-day calendar beyond weekends and national holidays.
    private func readCalendar(_ object: FileObject, into entity: inout Entity) {
        if let patron = object.object("patrono") {
            let name = patron.requiredString("santo", what: "il nome del santo patrono")
            let day = patron.int("giorno"), month = patron.int("mese")
            if let name, let day, let month {
                if CivilDate.isValid(year: 2000, month: month, day: day) {
                    entity.patronSaint = PatronSaint(name: name, month: month, day: day)
                } else {
                    patron.error("giorno", "\(day)/\(month) non è un giorno dell'anno; attesi giorno 1–31 e mese 1–12")
                }
            } else if day == nil || month == nil {
                patron.error(day == nil ? "giorno" : "mese", "mancano il giorno e il mese del patrono (per esempio giorno: 12, mese: 7)")
            }
            patron.finish()
        }
        var closures: [DeclaredClosure]? = object.has("chiusure") ? [] : nil
        object.list("chiusure") { closure, _ in
            guard let date = closure.date("data") else {
                if !closure.has("data") { closure.error("data", "manca la data della chiusura (per esempio 2018-12-24)") }
                return
            }
            closures?.append(DeclaredClosure(date: date, reason: closure.string("motivo")))
        }
        if let closures { entity.closures = closures }
    }

    func readCycle(_ root: FileObject, into draft: Draft) {
        if let horizon = root.object("orizzonte") {
            draft.plan.cycle.horizonFrom = horizon.int("da")
            draft.plan.cycle.horizonTo = horizon.int("a")
            horizon.finish()
        }
        if let status = root.choice("stato_ciclo", CycleStatus.self) { draft.plan.cycle.status = status }
        let components = root.strings("enti_componenti")
        if !components.isEmpty { draft.plan.cycle.componentEntityCodes = components }
        readDeclaredTotals(root, into: draft)
        readPeriods(root, into: draft)
    }

    /// `totali_dichiarati: [{elemento: procedimenti, percentuale: "98,84", testo: "…", fonte: {…}}]`.
    private func readDeclaredTotals(_ root: FileObject, into draft: Draft) {
        root.list("totali_dichiarati") { object, _ in
            guard let element = object.choice("elemento", DeclaredTotalElement.self) else {
                if !object.has("elemento") { object.error("elemento", "manca l'elemento del totale (\(DeclaredTotalElement.allCases.map(\.rawValue).joined(separator: " | ")))") }
                return
            }
            guard !draft.plan.cycle.declaredTotals.contains(where: { $0.element == element }) else {
                object.error("elemento", "il totale «\(element.rawValue)» è dichiarato due volte")
                return
            }
            let declared = DeclaredResult(score: object.decimal("percentuale"), text: object.string("testo"))
            guard declared.score != nil || declared.text != nil else {
                object.error("percentuale", "il totale dichiarato vuole la percentuale stampata o il testo")
                return
            }
            draft.plan.cycle.declaredTotals.append(DeclaredTotal(element: element, declared: declared, provenance: object.provenance()))
        }
    }

    private func readPeriods(_ root: FileObject, into draft: Draft) {
        let entity = draft.plan.entity.code, year = draft.plan.cycle.year
        guard let node = root.node("periodi") else { return }
        if let scheme = node.scalar?.string {
            guard let known = PeriodScheme(rawValue: scheme) else {
                root.error("periodi", "forma breve «\(scheme)» non prevista; ammesse: \(PeriodScheme.allCases.map(\.rawValue).joined(separator: " | ")), oppure l'elenco dei periodi")
                return
            }
            draft.plan.periods += MonitoringPeriod.standard(known, entityCode: entity, year: year)
            return
        }
        root.list("periodi") { object, index in
            guard let code = code(object, what: "del periodo") else { return }
            let id = "\(entity)/\(year)/\(code)"
            guard unique(id, among: draft.plan.periods, in: draft, object: object, what: "periodo") else { return }
            let name = object.requiredString("nome", what: "il nome del periodo") ?? code
            let kind = object.choice("tipo", PeriodKind.self) ?? .other
            guard let end = object.date("fine") else {
                if !object.has("fine") { object.error("fine", "manca la data di fine del periodo") }
                return
            }
            draft.plan.periods.append(MonitoringPeriod(
                id: id, entityCode: entity, year: year, code: code, name: name, kind: kind, startsOn: object.date("inizio"),
                endsOn: end, sequence: draft.plan.periods.count + 1, status: object.choice("stato", PeriodStatus.self) ?? .open,
                opensOn: object.date("apertura"), deadline: object.date("scadenza"),
                reopenReason: object.string("motivo_riapertura")))
        }
    }

    func readOrganisation(_ root: FileObject, into draft: Draft) {
        readUnits(root, key: "unita", parent: nil, into: draft)
        root.list("persone") { object, _ in
            guard let code = code(object, what: "della persona"),
                unique(code, among: draft.plan.people, in: draft, object: object, what: "persona")
            else { return }
            draft.plan.people.append(Person(
                id: code, entityCode: draft.plan.entity.code, name: object.requiredString("nome", what: "il nome della persona") ?? code,
                title: object.string("titolo"), email: object.string("email"), provenance: object.provenance()))
            object.list("ruoli") { role, index in
                guard let kind = role.choice("ruolo", OrganisationalRole.self) else {
                    if !role.has("ruolo") { role.error("ruolo", "manca il ruolo") }
                    return
                }
                draft.plan.roles.append(RoleAssignment(
                    id: "\(code)/\(index + 1)", personID: code, unitID: reference(role, "unita", .unit, in: draft), role: kind,
                    acting: role.bool("facente_funzione") ?? false, fromYear: role.int("dal"), toYear: role.int("al")))
            }
        }
        root.list("livelli") { object, _ in
            guard let depth = object.int("livello") else {
                if !object.has("livello") { object.error("livello", "manca il numero del livello (1, 2, …)") }
                return
            }
            guard let kind = object.choice("tipo", PlanNodeKind.self) else {
                if !object.has("tipo") { object.error("tipo", "manca il tipo di nodo del livello") }
                return
            }
            draft.plan.levels.append(PlanLevel(
                id: "L\(depth)", entityCode: draft.plan.entity.code, year: draft.plan.cycle.year, depth: depth, kind: kind,
                label: object.string("etichetta") ?? kind.label, codePattern: object.string("schema_codice"),
                codeExample: object.string("esempio")))
        }
    }

    private func readUnits(_ object: FileObject, key: String, parent: String?, into draft: Draft) {
        object.list(key) { unit, _ in
            guard let code = code(unit, what: "dell'unità"),
                unique(code, among: draft.plan.units, in: draft, object: unit, what: "unità")
            else { return }
            draft.plan.units.append(OrganisationalUnit(
                id: code, entityCode: draft.plan.entity.code, parentID: parent, code: code,
                name: unit.requiredString("nome", what: "il nome dell'unità") ?? code, kind: unit.choice("tipo", UnitKind.self) ?? .ufficio,
                provenance: unit.provenance()))
            readUnits(unit, key: "unita", parent: code, into: draft)
        }
    }
}
