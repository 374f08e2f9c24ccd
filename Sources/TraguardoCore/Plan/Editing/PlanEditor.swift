import Foundation

/// Applies one `PlanEdit` to the plan of an Ente-year, a pure function: the fields are read with the plan file's
/// rules (`PlanValueRule`), codes must name elements of the plan and be unique (`PlanIntegrity`), no loop may
/// appear; on any mistake the plan is returned unchanged with every error beside its field. The caller saves the
/// new plan whole with `Store.savePlan` (one transaction, an audit row for each record changed).
public enum PlanEditor {
    public static func apply(_ edit: PlanEdit, to plan: CyclePlan) -> Result<PlanEditOutcome, PlanEditErrors> {
        if let refused = limits(edit) { return .failure(PlanEditErrors(refused)) }
        var draft = Draft(plan: plan, fields: PlanEditFields(edit.fields), operation: edit.operation)
        if edit.operation != .create {
            guard let id = edit.id, !id.isEmpty else {
                return .failure(PlanEditErrors([PlanEditError(field: "id", message: "manca l'id dell'elemento da \(edit.operation.rawValue)re")]))
            }
            draft.id = id
        }
        switch edit.element {
        case .node: draft.node()
        case .indicator: draft.indicator()
        case .target: draft.target()
        case .item: draft.item()
        case .resource: draft.resource()
        case .unit: draft.unit()
        case .person: draft.person()
        case .act: draft.act()
        case .objective: draft.objective()
        case .link: draft.link()
        case .account: draft.accountLine()
        case .serviceStandard: draft.serviceStandard()
        case .procedure: draft.procedure()
        case .role: draft.role()
        case .narrativeTable: draft.narrativeTable()
        case .subIndicator: draft.subIndicator()
        }
        if draft.errors.isEmpty && !draft.missing {
            // Loops the edit made (a node moved under its own descendant): the plan file's rule.
            let before = Set(PlanIntegrity.loops(in: plan).map(\.message))
            for loop in PlanIntegrity.loops(in: draft.plan) where !before.contains(loop.message) {
                draft.fields.error(draft.parentKey ?? loop.field, loop.message)
            }
        }
        guard draft.errors.isEmpty else { return .failure(PlanEditErrors(draft.errors)) }
        let what = edit.element.label
        let name = draft.id.map { " «\($0)»" } ?? ""
        let done: String = switch edit.operation {
        case .create: "aggiunto"
        case .update: "modificato"
        case .move: "spostato"
        case .remove: "eliminato"
        }
        return .success(PlanEditOutcome(
            plan: draft.plan, elementID: edit.operation == .remove ? nil : draft.id,
            summary: "\(what.prefix(1).uppercased() + what.dropFirst())\(name) \(done)."))
    }

    static func limits(_ edit: PlanEdit) -> [PlanEditError]? {
        if let id = edit.id, id.count > PlanEdit.maximumIDLength {
            return [PlanEditError(field: "id", message: "id di \(id.count) caratteri: al massimo \(PlanEdit.maximumIDLength)")]
        }
        let problems = PlanEdit.problems(in: edit.fields)
        return problems.isEmpty ? nil : problems
    }

    /// The edit being applied: the plan as it becomes, the fields read, the element's id.
    struct Draft {
        var plan: CyclePlan
        var fields: PlanEditFields
        var operation: PlanEdit.Operation
        var id: String?
        /// The key naming the parent (`padre`), where a loop is reported.
        var parentKey: String?
        /// The element to change was not found (reported on `id`).
        var missing = false

        var errors: [PlanEditError] { fields.errors }
        var entity: String { plan.entity.code }
        var year: Int { plan.cycle.year }

        mutating func notFound(_ what: String) {
            missing = true
            fields.error("id", "\(what) «\(id ?? "")» non esiste in \(entity) \(year)")
        }

        /// Whether the key may be sent with this operation: a move takes only the parent's key.
        func takes(_ key: String) -> Bool { operation != .move || key == parentKey }

        /// A code set when the element is created and never changed afterwards (its id and its children's ids hang on it).
        mutating func fixedCode(_ current: String?, what: String) -> String? {
            let sent = fields.given("codice")
            if let current {
                if let sent, sent != current {
                    fields.error("codice", "il codice «\(current)» \(what) non si cambia (trovato «\(sent)»): aggiungere un nuovo elemento ed eliminare questo")
                }
                return current
            }
            guard let sent, !sent.isEmpty else {
                fields.error("codice", PlanValueRule.missing("il codice \(what)", key: "codice"))
                return nil
            }
            if sent.count > 100 || sent.contains(where: \.isNewline) {
                fields.error("codice", "codice «\(sent.prefix(40))» non valido: atteso un codice breve su una riga (per esempio 2C, A10101, 1.1)")
                return nil
            }
            return sent
        }

        /// What still names the element removed: removal refused with the list.
        mutating func refuseIfUsed(_ users: [String], what: String) -> Bool {
            guard !users.isEmpty else { return false }
            fields.error("id", "\(what) «\(id ?? "")» non si può eliminare: è usato da \(users.prefix(8).joined(separator: ", "))"
                + (users.count > 8 ? " e altri \(users.count - 8)" : "") + "; cambiarli o eliminarli prima")
            return true
        }

        /// Measurements would be lost: removal refused.
        mutating func refuseIfMeasured(itemIDs: Set<String>, what: String) -> Bool {
            let count = plan.measurements.filter { itemIDs.contains($0.itemID) }.count
            guard count > 0 else { return false }
            fields.error("id", "\(what) «\(id ?? "")» ha \(count) rilevazion\(count == 1 ? "e" : "i"): non si elimina per non perderle")
            return true
        }

        /// Removes indicators with their targets and items (none of them measured: checked by the caller).
        mutating func dropIndicators(_ ids: Set<String>) {
            let items = Set(plan.items.filter { ids.contains($0.indicatorID) }.map(\.id))
            plan.indicators.removeAll { ids.contains($0.id) }
            plan.targets.removeAll { ids.contains($0.indicatorID) }
            plan.items.removeAll { items.contains($0.id) }
        }
    }
}
