import TraguardoCore

/// Ente objectives and managers' objectives, their links into the tree and their indicators.
extension PlanBuilder {
    func readObjectives(_ root: FileObject, into draft: Draft) {
        let entity = draft.plan.entity.code, year = draft.plan.cycle.year
        root.list(K.objectives) { object, position in
            guard let code = code(object, what: "dell'obiettivo"),
                unique(code, among: draft.plan.objectives, in: draft, object: object, what: "obiettivo")
            else { return }
            guard let kind = object.choice(K.kind, ObjectiveKind.self) else {
                if !object.has(K.kind) { object.error(K.kind, "manca il tipo dell'obiettivo (ente | individuale)") }
                return
            }
            draft.plan.objectives.append(Objective(
                id: code, entityCode: entity, year: year, kind: kind, code: code,
                title: object.requiredString(K.title, what: "il titolo dell'obiettivo") ?? code,
                description: object.string(K.description), managerPersonID: reference(object, K.manager, .person, in: draft),
                unitID: reference(object, K.unit, .unit, in: draft), assignedByActID: reference(object, K.assignedBy, .act, in: draft),
                weight: object.decimal(K.weight), sortOrder: position, declared: object.declared(),
                provenance: object.provenance()))
            if let links = object.object(K.links) {
                for node in references(links, K.nodes, .node, in: draft) {
                    draft.plan.objectiveLinks.append(ObjectiveLink(id: PlanIDs.link(objective: code, node: node), objectiveID: code, nodeID: node))
                }
                for other in references(links, K.objectives, .objective, in: draft) {
                    draft.plan.objectiveLinks.append(ObjectiveLink(id: PlanIDs.link(objective: code, linked: other), objectiveID: code, linkedObjectiveID: other))
                }
                links.finish()
            }
            readIndicators(object, owner: (node: nil, objective: code), into: draft)
        }
    }
}
