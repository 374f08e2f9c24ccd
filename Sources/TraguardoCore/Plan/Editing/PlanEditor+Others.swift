import Foundation

/// Resources of a node (`risorse`), units (`unita`), people (`persone`), acts (`atti`), objectives (`obiettivi`)
/// and their links to the tree (`collegamenti`): the keys of the plan file.
extension PlanEditor.Draft {
    /// An amount of a node's budget: kind, phase (preventivo, aggiornato, consuntivo), year.
    mutating func resource() {
        let index = id.flatMap { id in plan.resources.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("risorsa") }
        if operation == .remove { fields.finish(); plan.resources.remove(at: index!); return }
        if operation == .move { return fields.error("id", "una risorsa non si sposta: eliminarla e aggiungerla all'altro nodo") }
        var nodeID = index.map { plan.resources[$0].nodeID }
        if index == nil {
            fields.reference("nodo", .node, in: plan, into: &nodeID)
            if nodeID == nil, fields.errors.isEmpty { fields.error("nodo", PlanValueRule.missing("il nodo della risorsa", key: "nodo")) }
        }
        var kind = index.map { plan.resources[$0].kind }, phase = index.map { plan.resources[$0].phase }
        var amount = index.map { plan.resources[$0].amount }, resourceYear = index.map { plan.resources[$0].year } ?? year
        var note = index.flatMap { plan.resources[$0].note }
        fields.requiredChoice("tipo", what: "il tipo della risorsa", into: &kind)
        fields.requiredChoice("fase", what: "la fase della risorsa", into: &phase)
        fields.decimal("importo", into: &amount)
        if amount == nil, !fields.errors.contains(where: { $0.field == "importo" }) {
            fields.error("importo", PlanValueRule.missing("l'importo della risorsa", key: "importo"))
        }
        var givenYear: Int? = resourceYear
        fields.integer("anno", into: &givenYear)
        resourceYear = givenYear ?? year
        fields.text("nota", into: &note)
        fields.finish()
        guard errors.isEmpty, let nodeID, let kind, let phase, let amount else { return }
        let resourceID = index.map { plan.resources[$0].id }
            ?? PlanIDs.free(Set(plan.resources.map(\.id)), from: plan.resources.filter { $0.nodeID == nodeID }.count) {
                PlanIDs.resource(node: nodeID, position: $0)
            }
        let resource = Resource(
            id: resourceID, nodeID: nodeID, year: resourceYear, kind: kind, phase: phase, amount: amount, note: note,
            provenance: index.flatMap { plan.resources[$0].provenance })
        id = resourceID
        if let index { plan.resources[index] = resource } else { plan.resources.append(resource) }
    }

    /// An organisational unit, under `padre` (another unit) or at the top.
    mutating func unit() {
        parentKey = "padre"
        let index = id.flatMap { id in plan.units.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("unità") }
        if operation == .remove {
            fields.finish()
            let unit = plan.units[index!]
            let users = plan.units.filter { $0.parentID == unit.id }.map { "unità \($0.id)" }
                + plan.nodes.filter { $0.ownerUnitID == unit.id }.map { "nodo \($0.code)" }
                + plan.indicators.filter { $0.ownerUnitID == unit.id }.map { "indicatore \($0.id)" }
                + plan.items.filter { $0.responsibleUnitID == unit.id }.map { "item \($0.id)" }
                + plan.objectives.filter { $0.unitID == unit.id }.map { "obiettivo \($0.code)" }
                + plan.roles.filter { $0.unitID == unit.id }.map { "ruolo di \($0.personID)" }
            if refuseIfUsed(users, what: "l'unità") { return }
            plan.units.remove(at: index!)
            return
        }
        let existing = index.map { plan.units[$0] }
        var unit = existing ?? OrganisationalUnit(id: "", entityCode: entity, name: "", kind: .ufficio)
        if operation != .move {
            guard let code = fixedCode(existing?.id, what: "dell'unità") else { return fields.finish() }
            if existing == nil {
                if let problem = UnitCode.problem(code, in: plan) { fields.error("codice", problem) }
                unit.id = code
                unit.code = code
            }
            fields.required("nome", what: "il nome dell'unità", into: &unit.name)
            var kind: UnitKind? = unit.kind
            fields.choice("tipo", into: &kind)
            unit.kind = kind ?? .ufficio
        }
        fields.reference("padre", .unit, in: plan, into: &unit.parentID)
        if operation == .move, fields.given("padre") == nil { fields.error("padre", "manca la nuova unità padre («padre»; vuoto per il primo livello)") }
        var seen: Set<String> = [unit.id]
        var current = unit.parentID
        while let parent = current {
            guard seen.insert(parent).inserted else {
                fields.error("padre", "l'unità «\(unit.id)» non può stare sotto «\(unit.parentID ?? "")», che dipende da essa")
                break
            }
            current = plan.units.first { $0.id == parent }?.parentID
        }
        fields.finish()
        id = unit.id
        if let index { plan.units[index] = unit } else { plan.units.append(unit) }
    }

    mutating func person() {
        let index = id.flatMap { id in plan.people.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("persona") }
        if operation == .remove {
            fields.finish()
            let person = plan.people[index!]
            let users = plan.nodes.filter { $0.ownerPersonID == person.id }.map { "nodo \($0.code)" }
                + plan.objectives.filter { $0.managerPersonID == person.id }.map { "obiettivo \($0.code)" }
            if refuseIfUsed(users, what: "la persona") { return }
            plan.people.remove(at: index!)
            plan.roles.removeAll { $0.personID == person.id }
            return
        }
        if operation == .move { return fields.error("id", "una persona non si sposta: cambiare i suoi ruoli") }
        let existing = index.map { plan.people[$0] }
        var person = existing ?? Person(id: "", entityCode: entity, name: "")
        guard let code = fixedCode(existing?.id, what: "della persona") else { return fields.finish() }
        if existing == nil, plan.people.contains(where: { $0.id == code }) { fields.error("codice", PlanIntegrity.duplicate(code, what: "persona")) }
        person.id = code
        fields.required("nome", what: "il nome della persona", into: &person.name)
        fields.text("titolo", into: &person.title)
        fields.text("email", into: &person.email)
        fields.finish()
        id = person.id
        if let index { plan.people[index] = person } else { plan.people.append(person) }
    }

    /// A delibera, determinazione … that approves or varies the plan.
    mutating func act() {
        let index = id.flatMap { id in plan.acts.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("atto") }
        if operation == .remove {
            fields.finish()
            let act = plan.acts[index!]
            let users = plan.objectives.filter { $0.assignedByActID == act.id }.map { "obiettivo \($0.code)" }
                + plan.variations.filter { $0.actID == act.id }.map { "variazione \($0.id)" }
                + (plan.methodology?.adoptedByActID == act.id ? ["la metodologia"] : [])
            if refuseIfUsed(users, what: "l'atto") { return }
            plan.acts.remove(at: index!)
            return
        }
        if operation == .move { return fields.error("id", "un atto non si sposta") }
        let existing = index.map { plan.acts[$0] }
        var act = existing ?? Act(id: "", entityCode: entity, organ: "", kind: .atto, subject: "")
        guard let code = fixedCode(existing?.id, what: "dell'atto") else { return fields.finish() }
        if existing == nil, plan.acts.contains(where: { $0.id == code }) { fields.error("codice", PlanIntegrity.duplicate(code, what: "atto")) }
        act.id = code
        fields.required("organo", what: "l'organo", into: &act.organ)
        var kind: ActKind? = act.kind
        fields.choice("tipo", into: &kind)
        act.kind = kind ?? .atto
        fields.text("numero", into: &act.number)
        fields.date("data", into: &act.date)
        fields.required("oggetto", what: "l'oggetto dell'atto", into: &act.subject)
        fields.finish()
        id = act.id
        if let index { plan.acts[index] = act } else { plan.acts.append(act) }
    }

    /// An obiettivo di Ente or individuale; its links to the tree are `collegamento` edits.
    mutating func objective() {
        let index = id.flatMap { id in plan.objectives.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("obiettivo") }
        if operation == .remove {
            fields.finish()
            let objective = plan.objectives[index!]
            let users = plan.objectiveLinks.filter { $0.linkedObjectiveID == objective.id }.map { "obiettivo \($0.objectiveID)" }
            if refuseIfUsed(users, what: "l'obiettivo") { return }
            let indicators = Set(plan.indicators.filter { $0.objectiveID == objective.id }.map(\.id))
            if refuseIfMeasured(itemIDs: Set(plan.items.filter { indicators.contains($0.indicatorID) }.map(\.id)), what: "l'obiettivo") { return }
            dropIndicators(indicators)
            plan.objectives.remove(at: index!)
            plan.objectiveLinks.removeAll { $0.objectiveID == objective.id }
            return
        }
        if operation == .move { return fields.error("id", "un obiettivo non si sposta: cambiarne i collegamenti all'albero") }
        let existing = index.map { plan.objectives[$0] }
        var objective = existing ?? Objective(id: "", entityCode: entity, year: year, kind: .ente, code: "", title: "")
        guard let code = fixedCode(existing?.code, what: "dell'obiettivo") else { return fields.finish() }
        if existing == nil, plan.objectives.contains(where: { $0.id == code }) { fields.error("codice", PlanIntegrity.duplicate(code, what: "obiettivo")) }
        objective.id = code
        objective.code = code
        var kind: ObjectiveKind? = existing?.kind
        fields.requiredChoice("tipo", what: "il tipo dell'obiettivo", into: &kind)
        objective.kind = kind ?? .ente
        fields.required("titolo", what: "il titolo dell'obiettivo", into: &objective.title)
        fields.text("descrizione", into: &objective.description)
        fields.reference("dirigente", .person, in: plan, into: &objective.managerPersonID)
        fields.reference("unita", .unit, in: plan, into: &objective.unitID)
        fields.reference("assegnato_da", .act, in: plan, into: &objective.assignedByActID)
        fields.decimal("peso", into: &objective.weight)
        fields.finish()
        if existing == nil { objective.sortOrder = plan.objectives.count }
        id = objective.id
        if let index { plan.objectives[index] = objective } else { plan.objectives.append(objective) }
    }

    /// A link from an objective (`obiettivo`) to a node (`nodo`) or to another objective (`obiettivo_collegato`).
    mutating func link() {
        let index = id.flatMap { id in plan.objectiveLinks.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("collegamento") }
        if operation == .remove { fields.finish(); plan.objectiveLinks.remove(at: index!); return }
        if operation != .create { return fields.error("id", "un collegamento si aggiunge o si elimina, non si modifica") }
        var objective: String?, node: String?, other: String?
        fields.reference("obiettivo", .objective, in: plan, into: &objective)
        fields.reference("nodo", .node, in: plan, into: &node)
        fields.reference("obiettivo_collegato", .objective, in: plan, into: &other)
        fields.finish()
        guard errors.isEmpty else { return }
        guard let objective else { return fields.error("obiettivo", PlanValueRule.missing("l'obiettivo del collegamento", key: "obiettivo")) }
        guard (node == nil) != (other == nil) else {
            return fields.error("nodo", "indicare il nodo («nodo») oppure l'obiettivo collegato («obiettivo_collegato»), uno solo")
        }
        let linkID = node.map { PlanIDs.link(objective: objective, node: $0) } ?? PlanIDs.link(objective: objective, linked: other!)
        if plan.objectiveLinks.contains(where: { $0.id == linkID }) {
            return fields.error(node == nil ? "obiettivo_collegato" : "nodo", "il collegamento «\(linkID)» c'è già")
        }
        id = linkID
        plan.objectiveLinks.append(ObjectiveLink(id: linkID, objectiveID: objective, nodeID: node, linkedObjectiveID: other))
    }
}
