import TraguardoCore

/// The references of a plan checked in memory before it is written, so that every broken one is
/// named in Italian (the database would only say that some constraint failed).
enum PlanReferences {
    static func problems(in plan: CyclePlan) -> [String] {
        let ids: [String: Set<String>] = [
            "units": Set(plan.units.map(\.id)), "people": Set(plan.people.map(\.id)),
            "periods": Set(plan.periods.map(\.id)), "plan_nodes": Set(plan.nodes.map(\.id)),
            "objectives": Set(plan.objectives.map(\.id)), "acts": Set(plan.acts.map(\.id)),
            "indicators": Set(plan.indicators.map(\.id)), "measured_items": Set(plan.items.map(\.id)),
            "service_standards": Set(plan.serviceStandards.map(\.id)), "procedures": Set(plan.procedures.map(\.id)),
        ]
        var problems: [String] = []
        func check<R: StoredRecord>(_ records: [R]) {
            for record in records {
                for (reference, value) in zip(R.table.references, record.referenceValues) {
                    guard let value, !(ids[reference.table]?.contains(value) ?? false) else { continue }
                    problems.append(
                        "\(R.table.label) «\(record.id)», campo \(reference.column): «\(value)» non esiste fra \(RecordTable.label(of: reference.table))")
                }
            }
        }
        check(plan.units)
        check(plan.roles)
        check(plan.nodes)
        check(plan.objectives)
        check(plan.objectiveLinks)
        check(plan.indicators)
        check(plan.targets)
        check(plan.items)
        check(plan.measurements)
        check(plan.resources)
        check(plan.accountLines)
        check(plan.serviceResults)
        check(plan.procedureResults)
        check(plan.variations)
        if let methodology = plan.methodology, let act = methodology.adoptedByActID, !(ids["acts"]?.contains(act) ?? false) {
            problems.append("metodologia, campo atto: «\(act)» non esiste fra gli atti")
        }
        return problems
    }
}
