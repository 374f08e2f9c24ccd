import Foundation

/// Nodes of the plan tree (aree strategiche, obiettivi strategici, programmi, progetti …): the keys of `albero`
/// in the plan file, with `padre` (the parent node's id, empty for a top node) for where the node hangs.
extension PlanEditor.Draft {
    mutating func node() {
        parentKey = "padre"
        let index = id.flatMap { id in plan.nodes.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("nodo") }
        if operation == .remove { return removeNode(at: index!) }
        let existing = index.map { plan.nodes[$0] }
        var node = existing ?? PlanNode(id: "", entityCode: entity, year: year, kind: .project, code: "", title: "")
        if takes("codice") {
            guard let code = fixedCode(existing?.code, what: "del nodo") else { return }
            if existing == nil, plan.nodes.contains(where: { $0.id == code }) {
                return fields.error("codice", PlanIntegrity.duplicate(code, what: "nodo"))
            }
            node.id = code
            node.code = code
            var kind: PlanNodeKind? = existing?.kind
            fields.requiredChoice("tipo", what: "il tipo del nodo", into: &kind)
            node.kind = kind ?? node.kind
            fields.required("titolo", what: "il titolo del nodo", into: &node.title)
            fields.text("descrizione", into: &node.description)
            fields.reference("responsabile_unita", .unit, in: plan, into: &node.ownerUnitID)
            fields.reference("responsabile_persona", .person, in: plan, into: &node.ownerPersonID)
            fields.value("missione", into: &node.missionCode) { PlanValueRule.nationalCode($0, what: "missione") }
            fields.value("programma", into: &node.programmeCode) { PlanValueRule.nationalCode($0, what: "programma") }
            fields.text("prospettiva", into: &node.perspective)
            fields.text("arco_temporale", into: &node.timeSpan)
            var status: NodeStatus? = node.status
            fields.choice("stato", into: &status)
            node.status = status ?? .active
            fields.decimal("peso", into: &node.weight)
        }
        let oldParent = node.parentID
        fields.reference("padre", .node, in: plan, into: &node.parentID)
        if operation == .move, fields.given("padre") == nil { fields.error("padre", "manca il nuovo nodo padre («padre»; vuoto per il primo livello)") }
        if let parent = node.parentID, parent == node.id {
            fields.error("padre", "il nodo «\(node.id)» non può stare sotto sé stesso")
        }
        if existing == nil || node.parentID != oldParent {
            node.sortOrder = (plan.nodes.filter { $0.parentID == node.parentID && $0.id != node.id }.map(\.sortOrder).max() ?? -1) + 1
        }
        fields.finish()
        id = node.id
        if let index { plan.nodes[index] = node } else { plan.nodes.append(node) }
    }

    /// A node without children, with its indicators (none measured), resources, account lines and links.
    private mutating func removeNode(at index: Int) {
        fields.finish()
        let node = plan.nodes[index]
        let children = plan.nodes.filter { $0.parentID == node.id }.map { "nodo \($0.code)" }
        let variations = plan.variations.filter { $0.nodeID == node.id }.map { "variazione \($0.id)" }
        if refuseIfUsed(children + variations, what: "il nodo") { return }
        let indicators = Set(plan.indicators.filter { $0.nodeID == node.id }.map(\.id))
        if refuseIfMeasured(itemIDs: Set(plan.items.filter { indicators.contains($0.indicatorID) }.map(\.id)), what: "il nodo") { return }
        dropIndicators(indicators)
        plan.nodes.remove(at: index)
        plan.resources.removeAll { $0.nodeID == node.id }
        plan.accountLines.removeAll { $0.nodeID == node.id }
        plan.objectiveLinks.removeAll { $0.nodeID == node.id }
    }
}
