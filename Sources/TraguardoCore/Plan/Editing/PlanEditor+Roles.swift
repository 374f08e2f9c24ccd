import Foundation

/// A person's role (`ruoli` under a person in the plan file): dirigente of an area, responsabile d'ufficio … in a
/// unit, acting or not, for a span of years. `persona` names the person when the role is created; the role is then
/// changed or removed, never given to another person.
extension PlanEditor.Draft {
    mutating func role() {
        let index = id.flatMap { id in plan.roles.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("ruolo") }
        if operation == .remove { fields.finish(); plan.roles.remove(at: index!); return }
        if operation == .move { return fields.error("id", "un ruolo non si sposta: cambiarne l'unità («unita»), o eliminarlo e darlo all'altra persona") }
        let existing = index.map { plan.roles[$0] }
        var person = existing?.personID
        if let existing {
            if let sent = fields.given("persona"), sent != existing.personID {
                fields.error("persona", "il ruolo «\(existing.id)» è di «\(existing.personID)» (trovato «\(sent)»): eliminarlo e aggiungerlo all'altra persona")
            }
        } else {
            fields.reference("persona", .person, in: plan, into: &person)
            if person == nil, !fields.errors.contains(where: { $0.field == "persona" }) {
                fields.error("persona", PlanValueRule.missing("la persona del ruolo", key: "persona"))
            }
        }
        var kind = existing?.role
        fields.requiredChoice("ruolo", what: "il ruolo", into: &kind)
        var unit = existing?.unitID
        fields.reference("unita", .unit, in: plan, into: &unit)
        var acting: Bool? = existing?.acting
        fields.bool("facente_funzione", into: &acting)
        var from = existing?.fromYear, to = existing?.toYear
        fields.integer("dal", into: &from)
        fields.integer("al", into: &to)
        if let from, let to, from > to { fields.error("al", "dal \(from) al \(to): l'anno «al» deve venire dopo l'anno «dal» (o essere lo stesso)") }
        fields.finish()
        guard errors.isEmpty, let person, let kind else { return }
        let roleID = existing?.id
            ?? PlanIDs.free(Set(plan.roles.map(\.id)), from: plan.roles.filter { $0.personID == person }.count) { PlanIDs.role(person: person, position: $0) }
        let role = RoleAssignment(id: roleID, personID: person, unitID: unit, role: kind, acting: acting ?? false, fromYear: from, toYear: to)
        id = roleID
        if let index { plan.roles[index] = role } else { plan.roles.append(role) }
    }
}
