import Foundation

/// Indicators (under a node, key `nodo`, or an objective, key `obiettivo`), their targets per year and their
/// items: the keys of `indicatori`, `target` and `item` in the plan file.
extension PlanEditor.Draft {
    mutating func indicator() {
        let index = id.flatMap { id in plan.indicators.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("indicatore") }
        if operation == .remove {
            fields.finish()
            let indicator = plan.indicators[index!]
            if refuseIfMeasured(itemIDs: Set(plan.items.filter { $0.indicatorID == indicator.id }.map(\.id)), what: "l'indicatore") { return }
            return dropIndicators([indicator.id])
        }
        let existing = index.map { plan.indicators[$0] }
        var indicator = existing ?? Indicator(id: "", entityCode: entity, year: year, code: "", name: "")
        // The owner: a node or an objective, set when created and changed by a move.
        if existing == nil || operation == .move {
            parentKey = fields.values["obiettivo"] != nil ? "obiettivo" : "nodo"
            var node: String?, objective: String?
            fields.reference("nodo", .node, in: plan, into: &node)
            fields.reference("obiettivo", .objective, in: plan, into: &objective)
            if (node == nil) == (objective == nil), fields.errors.isEmpty {
                fields.error("nodo", "indicare il nodo («nodo») oppure l'obiettivo («obiettivo») a cui appartiene l'indicatore, uno solo")
            }
            indicator.nodeID = node
            indicator.objectiveID = objective
        }
        if operation != .move {
            guard let code = fixedCode(existing?.code, what: "dell'indicatore") else { return }
            indicator.code = code
            fields.required("nome", what: "il nome dell'indicatore", into: &indicator.name)
            fields.text("descrizione", into: &indicator.description)
            fields.choice("tipologia", into: &indicator.type)
            fields.choice("regola", into: &indicator.rule)
            fields.choice("comparatore", into: &indicator.comparator)
            fields.choice("polarita", into: &indicator.polarity)
            fields.text("unita_misura", into: &indicator.unit)
            fields.text("algoritmo", into: &indicator.formula)
            fields.text("numeratore", into: &indicator.numerator)
            fields.text("denominatore", into: &indicator.denominator)
            fields.text("fonte_dati", into: &indicator.source)
            fields.choice("frequenza", into: &indicator.frequency)
            fields.decimal("baseline.valore", into: &indicator.baselineValue)
            fields.integer("baseline.anno", into: &indicator.baselineYear)
            fields.text("baseline.testo", into: &indicator.baselineText)
            fields.decimal("peso", into: &indicator.weight)
            fields.reference("ufficio", .unit, in: plan, into: &indicator.ownerUnitID)
        }
        fields.finish()
        guard errors.isEmpty, let owner = indicator.nodeID ?? indicator.objectiveID else { return }
        let newID = PlanIDs.indicator(owner: owner, code: indicator.code)
        if newID != existing?.id, plan.indicators.contains(where: { $0.id == newID }) {
            return fields.error(existing == nil ? "codice" : parentKey ?? "nodo", PlanIntegrity.duplicate(newID, what: "indicatore"))
        }
        if let existing, newID != existing.id {
            // A move: the ids of its targets and items hang on the indicator's.
            let itemIDs = Set(plan.items.filter { $0.indicatorID == existing.id }.map(\.id))
            if refuseIfMeasured(itemIDs: itemIDs, what: "l'indicatore") { return }
            for i in plan.targets.indices where plan.targets[i].indicatorID == existing.id {
                plan.targets[i].indicatorID = newID
                plan.targets[i].id = newID + plan.targets[i].id.dropFirst(existing.id.count)
            }
            for i in plan.items.indices where plan.items[i].indicatorID == existing.id {
                plan.items[i].indicatorID = newID
                plan.items[i].id = PlanIDs.item(indicator: newID, code: plan.items[i].code)
            }
        }
        if existing == nil || indicator.nodeID != existing?.nodeID || indicator.objectiveID != existing?.objectiveID {
            indicator.sortOrder = plan.indicators.filter { $0.nodeID == indicator.nodeID && $0.objectiveID == indicator.objectiveID }.count
        }
        indicator.id = newID
        id = newID
        if let index { plan.indicators[index] = indicator } else { plan.indicators.append(indicator) }
    }

    /// A target of an indicator for a year (and optionally a period): `target` in the plan file.
    mutating func target() {
        let index = id.flatMap { id in plan.targets.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("target") }
        if operation == .remove { fields.finish(); plan.targets.remove(at: index!); return }
        if operation == .move { return fields.error("id", "un target non si sposta: eliminarlo e aggiungerlo all'altro indicatore") }
        var target: Target
        if let index {
            target = plan.targets[index]
        } else {
            var indicatorID: String?
            fields.reference("indicatore", .indicator, in: plan, into: &indicatorID)
            guard let indicatorID else {
                if fields.errors.isEmpty { fields.error("indicatore", PlanValueRule.missing("l'indicatore del target", key: "indicatore")) }
                fields.finish()
                return
            }
            let taken = Set(plan.targets.map(\.id))
            let count = plan.targets.filter { $0.indicatorID == indicatorID }.count
            target = Target(
                id: PlanIDs.free(taken, from: count) { PlanIDs.target(indicator: indicatorID, position: $0) }, indicatorID: indicatorID, year: 0)
        }
        var targetYear: Int? = index == nil ? nil : target.year
        fields.integer("anno", into: &targetYear)
        if targetYear == nil, !fields.errors.contains(where: { $0.field == "anno" }) {
            fields.error("anno", PlanValueRule.missing("l'anno del target", key: "anno"))
        }
        target.year = targetYear ?? 0
        var period = target.periodCode
        fields.reference("periodo", .period, in: plan, into: &period)
        target.periodCode = period
        var applicable: Bool? = target.applicable
        fields.bool("applicabile", into: &applicable)
        target.applicable = applicable ?? true
        fields.choice("comparatore", into: &target.comparator)
        fields.decimal("valore", into: &target.value)
        fields.decimal("secondo_valore", into: &target.secondValue)
        fields.date("scadenza", into: &target.deadline)
        fields.text("testo", into: &target.text)
        fields.finish()
        id = target.id
        if let index { plan.targets[index] = target } else { plan.targets.append(target) }
    }

    /// A measured item of an indicator: `item` in the plan file.
    mutating func item() {
        let index = id.flatMap { id in plan.items.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("item") }
        if operation == .remove {
            fields.finish()
            if refuseIfMeasured(itemIDs: [plan.items[index!].id], what: "l'item") { return }
            plan.items.remove(at: index!)
            return
        }
        if operation == .move { return fields.error("id", "un item non si sposta: eliminarlo e aggiungerlo all'altro indicatore") }
        let existing = index.map { plan.items[$0] }
        var item = existing ?? MeasuredItem(id: "", indicatorID: "", code: "", description: "")
        if existing == nil {
            var indicatorID: String?
            fields.reference("indicatore", .indicator, in: plan, into: &indicatorID)
            if indicatorID == nil, fields.errors.isEmpty {
                fields.error("indicatore", PlanValueRule.missing("l'indicatore dell'item", key: "indicatore"))
            }
            item.indicatorID = indicatorID ?? ""
        }
        guard let code = fixedCode(existing?.code, what: "dell'item") else { return fields.finish() }
        item.code = code
        fields.required("descrizione", what: "la descrizione dell'item", into: &item.description)
        fields.choice("comparatore", into: &item.comparator)
        fields.decimal("valore_target", into: &item.targetValue)
        fields.date("scadenza", into: &item.targetDeadline)
        fields.text("testo_target", into: &item.targetText)
        fields.text("unita_misura", into: &item.unit)
        fields.choice("regola", into: &item.rule)
        fields.decimal("peso", into: &item.weight)
        fields.reference("ufficio", .unit, in: plan, into: &item.responsibleUnitID)
        fields.finish()
        guard errors.isEmpty else { return }
        if existing == nil {
            item.id = PlanIDs.item(indicator: item.indicatorID, code: code)
            if plan.items.contains(where: { $0.id == item.id }) { return fields.error("codice", PlanIntegrity.duplicate(item.id, what: "item")) }
            item.sortOrder = plan.items.filter { $0.indicatorID == item.indicatorID }.count
        }
        id = item.id
        if let index { plan.items[index] = item } else { plan.items.append(item) }
    }
}
