import Foundation

/// Lines of the budget by account (`conti`): of a node (`nodo`) or, without one, of the Ente's conto economico; the
/// keys of the plan file. A line's `padre` is the code of the line it adds up into (3 = 30 + 35 + 36 + 37): a loop of
/// `padre` is refused by `PlanIntegrity.loops`, as the plan file refuses it.
extension PlanEditor.Draft {
    mutating func accountLine() {
        parentKey = "padre"
        let index = id.flatMap { id in plan.accountLines.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("riga di conto") }
        if operation == .remove {
            fields.finish()
            let line = plan.accountLines[index!]
            let children = plan.accountLines.filter { $0.nodeID == line.nodeID && $0.parentCode == line.code && $0.id != line.id }
            if refuseIfUsed(children.map { "riga di conto \($0.code) (\($0.id))" }, what: "la riga di conto") { return }
            plan.accountLines.remove(at: index!)
            return
        }
        if operation == .move { return fields.error("id", "una riga di conto non si sposta: eliminarla e aggiungerla all'altro nodo") }
        let existing = index.map { plan.accountLines[$0] }
        var nodeID = existing?.nodeID
        if existing == nil { fields.reference("nodo", .node, in: plan, into: &nodeID) }
        var code = existing?.code ?? ""
        fields.required("codice", what: "il codice del conto", into: &code)
        if code.count > 100 || code.contains(where: \.isNewline) {
            fields.error("codice", "codice «\(code.prefix(40))» non valido: atteso un codice di conto su una riga (per esempio 330000, 30, 3290)")
        }
        var parent = existing?.parentCode
        fields.text("padre", into: &parent)
        if let parent, parent == code { fields.error("padre", "la riga «\(code)» non può sommarsi in sé stessa («padre» uguale al codice)") }
        var description = existing?.description ?? ""
        fields.required("descrizione", what: "la descrizione del conto", into: &description)
        var nature = existing?.nature, column = existing?.column, phase = existing?.phase
        fields.choice("natura", into: &nature)
        fields.choice("colonna", into: &column)
        fields.requiredChoice("fase", what: "la fase della riga di conto", into: &phase)
        var costCentre = existing?.costCentre
        fields.text("centro_di_costo", into: &costCentre)
        var amount = existing?.amount
        fields.decimal("importo", into: &amount)
        if amount == nil, !fields.errors.contains(where: { $0.field == "importo" }) {
            fields.error("importo", PlanValueRule.missing("l'importo della riga di conto", key: "importo"))
        }
        fields.finish()
        guard errors.isEmpty, let phase, let amount else { return }
        let siblings = plan.accountLines.filter { $0.nodeID == nodeID }
        let lineID = existing?.id
            ?? PlanIDs.free(Set(plan.accountLines.map(\.id)), from: siblings.count) { PlanIDs.accountLine(node: nodeID, position: $0) }
        let line = AccountLine(
            id: lineID, entityCode: entity, year: year, nodeID: nodeID, code: code, parentCode: parent, description: description,
            nature: nature, column: column, phase: phase, costCentre: costCentre, amount: amount,
            sortOrder: existing?.sortOrder ?? ((siblings.map(\.sortOrder).max() ?? -1) + 1), provenance: existing?.provenance)
        id = lineID
        if let index { plan.accountLines[index] = line } else { plan.accountLines.append(line) }
    }
}
