import Foundation
import TraguardoCore

/// The Ente, the cycle, periods, units, people and their roles, the levels of the tree.
extension PlanBuilder {
    func readEntity(_ object: FileObject, into draft: Draft) {
        if let name = object.string(K.name) {
            draft.plan.entity.name = name
            draft.named = true
        }
        var entity = draft.plan.entity
        entity.shortName = object.string(K.shortName) ?? entity.shortName
        entity.kind = object.choice(K.kind, EntityKind.self) ?? entity.kind
        entity.status = object.choice(K.status, EntityStatus.self) ?? entity.status
        entity.fiscalCode = object.string(K.fiscalCode) ?? entity.fiscalCode
        entity.establishedOn = object.date(K.establishedOn) ?? entity.establishedOn
        let merged = object.strings(K.mergedFrom)
        if !merged.isEmpty { entity.mergedFrom = merged }
        entity.website = object.string(K.website) ?? entity.website
        readCalendar(object, into: &entity)
        entity.provenance = object.provenance() ?? entity.provenance
        draft.plan.entity = entity
    }

    /// `patrono: {santo: San Paolino, giorno: 12, mese: 7}` and `chiusure: [{data: 2018-12-24, motivo: …}]`: the
    /// Ente's working-day calendar beyond weekends and national holidays.
    private func readCalendar(_ object: FileObject, into entity: inout Entity) {
        if let patron = object.object(K.patron) {
            let name = patron.requiredString(K.saint, what: "il nome del santo patrono")
            let day = patron.int(K.day), month = patron.int(K.month)
            if let name, let day, let month {
                if CivilDate.isValid(year: 2000, month: month, day: day) {
                    entity.patronSaint = PatronSaint(name: name, month: month, day: day)
                } else {
                    patron.error(K.day, "\(day)/\(month) non è un giorno dell'anno; attesi giorno 1–31 e mese 1–12")
                }
            } else if day == nil || month == nil {
                patron.error(day == nil ? K.day : K.month, "mancano il giorno e il mese del patrono (per esempio giorno: 12, mese: 7)")
            }
            patron.finish()
        }
        var closures: [DeclaredClosure]? = object.has(K.closures) ? [] : nil
        object.list(K.closures) { closure, _ in
            guard let date = closure.date(K.date) else {
                if !closure.has(K.date) { closure.error(K.date, "manca la data della chiusura (per esempio 2018-12-24)") }
                return
            }
            closures?.append(DeclaredClosure(date: date, reason: closure.string(K.reason)))
        }
        if let closures { entity.closures = closures }
    }

    func readCycle(_ root: FileObject, into draft: Draft) {
        if let horizon = root.object(K.horizon) {
            draft.plan.cycle.horizonFrom = horizon.int(K.from)
            draft.plan.cycle.horizonTo = horizon.int(K.to)
            horizon.finish()
        }
        if let status = root.choice(K.cycleStatus, CycleStatus.self) { draft.plan.cycle.status = status }
        let components = root.strings(K.componentEntities)
        if !components.isEmpty { draft.plan.cycle.componentEntityCodes = components }
        readDeclaredTotals(root, into: draft)
        readPeriods(root, into: draft)
    }

    /// `totali_dichiarati: [{elemento: procedimenti, percentuale: "98,84", testo: "…", fonte: {…}}]`.
    private func readDeclaredTotals(_ root: FileObject, into draft: Draft) {
        root.list(K.declaredTotals) { object, _ in
            guard let element = object.choice(K.element, DeclaredTotalElement.self) else {
                if !object.has(K.element) { object.error(K.element, "manca l'elemento del totale (\(DeclaredTotalElement.allCases.map(\.rawValue).joined(separator: " | ")))") }
                return
            }
            guard !draft.plan.cycle.declaredTotals.contains(where: { $0.element == element }) else {
                object.error(K.element, "il totale «\(element.rawValue)» è dichiarato due volte")
                return
            }
            let declared = DeclaredResult(score: object.decimal(K.percentage), text: object.string(K.text))
            guard declared.score != nil || declared.text != nil else {
                object.error(K.percentage, "il totale dichiarato vuole la percentuale stampata o il testo")
                return
            }
            draft.plan.cycle.declaredTotals.append(DeclaredTotal(element: element, declared: declared, provenance: object.provenance()))
        }
    }

    private func readPeriods(_ root: FileObject, into draft: Draft) {
        let entity = draft.plan.entity.code, year = draft.plan.cycle.year
        guard let node = root.node(K.periods) else { return }
        if let scheme = node.scalar?.string {
            guard let known = PeriodScheme(rawValue: scheme) else {
                root.error(K.periods, "forma breve «\(scheme)» non prevista; ammesse: \(PeriodScheme.allCases.map(\.rawValue).joined(separator: " | ")), oppure l'elenco dei periodi")
                return
            }
            draft.plan.periods += MonitoringPeriod.standard(known, entityCode: entity, year: year)
            return
        }
        root.list(K.periods) { object, index in
            guard let code = code(object, what: "del periodo") else { return }
            let id = "\(entity)/\(year)/\(code)"
            guard unique(id, among: draft.plan.periods, in: draft, object: object, what: "periodo") else { return }
            let name = object.requiredString(K.name, what: "il nome del periodo") ?? code
            let kind = object.choice(K.kind, PeriodKind.self) ?? .other
            guard let end = object.date(K.end) else {
                if !object.has(K.end) { object.error(K.end, "manca la data di fine del periodo") }
                return
            }
            draft.plan.periods.append(MonitoringPeriod(
                id: id, entityCode: entity, year: year, code: code, name: name, kind: kind, startsOn: object.date(K.start),
                endsOn: end, sequence: draft.plan.periods.count + 1, status: object.choice(K.status, PeriodStatus.self) ?? .open,
                opensOn: object.date(K.opensOn), deadline: object.date(K.deadline),
                reopenReason: object.string(K.reopenReason)))
        }
    }

    func readOrganisation(_ root: FileObject, into draft: Draft) {
        readUnits(root, key: K.unit, parent: nil, into: draft)
        root.list(K.people) { object, _ in
            guard let code = code(object, what: "della persona"),
                unique(code, among: draft.plan.people, in: draft, object: object, what: "persona")
            else { return }
            draft.plan.people.append(Person(
                id: code, entityCode: draft.plan.entity.code, name: object.requiredString(K.name, what: "il nome della persona") ?? code,
                title: object.string(K.title), email: object.string(K.email), provenance: object.provenance()))
            object.list(K.roles) { role, index in
                guard let kind = role.choice(K.role, OrganisationalRole.self) else {
                    if !role.has(K.role) { role.error(K.role, "manca il ruolo") }
                    return
                }
                draft.plan.roles.append(RoleAssignment(
                    id: PlanIDs.role(person: code, position: index + 1), personID: code, unitID: reference(role, K.unit, .unit, in: draft), role: kind,
                    acting: role.bool(K.acting) ?? false, fromYear: role.int(K.since), toYear: role.int(K.until)))
            }
        }
        root.list(K.levels) { object, _ in
            guard let depth = object.int(K.level) else {
                if !object.has(K.level) { object.error(K.level, "manca il numero del livello (1, 2, …)") }
                return
            }
            guard let kind = object.choice(K.kind, PlanNodeKind.self) else {
                if !object.has(K.kind) { object.error(K.kind, "manca il tipo di nodo del livello") }
                return
            }
            draft.plan.levels.append(PlanLevel(
                id: "L\(depth)", entityCode: draft.plan.entity.code, year: draft.plan.cycle.year, depth: depth, kind: kind,
                label: object.string(K.label) ?? kind.label, codePattern: object.string(K.codePattern),
                codeExample: object.string(K.example)))
        }
    }

    private func readUnits(_ object: FileObject, key: String, parent: String?, into draft: Draft) {
        object.list(key) { unit, _ in
            guard let code = code(unit, what: "dell'unità"),
                unique(code, among: draft.plan.units, in: draft, object: unit, what: "unità")
            else { return }
            draft.plan.units.append(OrganisationalUnit(
                id: code, entityCode: draft.plan.entity.code, parentID: parent, code: code,
                name: unit.requiredString(K.name, what: "il nome dell'unità") ?? code, kind: unit.choice(K.kind, UnitKind.self) ?? .ufficio,
                provenance: unit.provenance()))
            readUnits(unit, key: K.unit, parent: code, into: draft)
        }
    }
}
