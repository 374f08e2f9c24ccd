import TraguardoCore

/// The words the pages use for plan elements: who owns a node, its budget in one line.
enum PlanDescriptions {
    /// `Area Promozione e Sviluppo – De Blasio`: the owning unit and person, when the plan says.
    static func owner(unitID: String?, personID: String?, in plan: CyclePlan) -> String? {
        let unit = unitID.flatMap { id in plan.units.first { $0.id == id }?.name }
        let person = personID.flatMap { id in plan.people.first { $0.id == id } }.map { p in [p.title, p.name].compactMap { $0 }.joined(separator: " ") }
        let parts = [unit, person].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " – ")
    }

    /// The node's budget as the tree shows it: oneri, for the latest phase recorded
    /// (`Oneri consuntivo 1.418.965,00 €`), rebuilt with `BudgetTotals`; nil without resources below it.
    static func budget(of node: PlanNode, in plan: CyclePlan) -> String? {
        for phase in [BudgetPhase.consuntivo, .aggiornato, .preventivo] {
            guard plan.resources.contains(where: { $0.kind == .oneri && $0.phase == phase && $0.year == plan.cycle.year }) else { continue }
            if let amount = BudgetTotals.resources(.oneri, phase, of: node.code, in: plan), amount != 0 {
                return "Oneri \(phase.label.lowercased()) \(ItalianFormatting.euro(amount))"
            }
        }
        return nil
    }

    /// `Area strategica`, from the Ente's own level labels when it has them.
    static func kindLabel(_ node: PlanNode, in plan: CyclePlan) -> String {
        plan.levels.first { $0.kind == node.kind }?.label ?? node.kind.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
