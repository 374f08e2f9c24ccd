import TraguardoCore

/// The tables and sub-indicators written inside the narratives of results (`tabelle_narrative`, `sotto_indicatori`),
/// each under an indicator (its id, `2E/T3`) or a procedure (its code), of the cycle's year unless `anno` says
/// otherwise: see docs/formato-piano.md.
extension PlanBuilder {
    func readNarrativeData(_ root: FileObject, into draft: Draft) {
        root.list(K.narrativeTables) { object, _ in
            guard let code = code(object, what: "della tabella") else { return }
            let year = object.int(K.year) ?? draft.plan.cycle.year
            let (indicator, procedure) = owner(object, in: draft)
            let columns = object.strings(K.columns)
            if columns.isEmpty && !object.has(K.columns) { object.error(K.columns, NarrativeDataRule.missingColumns) }
            var rows: [NarrativeTable.Row] = []
            object.list(K.rows) { row, _ in
                let label = row.requiredString(K.label, what: "l'etichetta della riga") ?? ""
                let values = row.decimals(K.values)
                if let problem = NarrativeDataRule.rowWidth(label: label, values: values.count, columns: columns.count) {
                    row.error(K.values, problem)
                }
                rows.append(NarrativeTable.Row(label: label, values: values))
            }
            let totals = object.decimals(K.printedTotal)
            if let problem = NarrativeDataRule.totalWidth(values: totals.count, columns: columns.count) {
                object.error(K.printedTotal, problem)
            }
            let table = NarrativeTable(
                code: code, indicatorID: indicator, procedureID: procedure, year: year,
                title: object.requiredString(K.title, what: "il titolo della tabella") ?? code, columns: columns, rows: rows,
                declaredTotals: totals, provenance: object.provenance())
            guard unique(table.id, among: draft.plan.narrativeTables, in: draft, object: object, what: "tabella della narrativa") else { return }
            draft.plan.narrativeTables.append(table)
        }
        root.list(K.subIndicators) { object, _ in
            guard let code = code(object, what: "del sotto-indicatore") else { return }
            let year = object.int(K.year) ?? draft.plan.cycle.year
            let (indicator, procedure) = owner(object, in: draft)
            guard let value = object.decimal(K.value) else {
                if !object.has(K.value) { object.error(K.value, NarrativeDataRule.missingValue) }
                return
            }
            let sub = SubIndicator(
                code: code, indicatorID: indicator, procedureID: procedure, year: year,
                name: object.requiredString(K.name, what: "il nome del sotto-indicatore") ?? code, value: value,
                unit: object.string(K.unitOfMeasure), baseline: object.decimal(K.baseline), baselineYear: object.int(K.baselineYear),
                comparator: object.choice(K.comparator, Comparator.self), target: object.decimal(K.targetValue),
                declaredChange: object.decimal(K.printedChange), declared: object.declared(), provenance: object.provenance())
            guard unique(sub.id, among: draft.plan.subIndicators, in: draft, object: object, what: "sotto-indicatore") else { return }
            draft.plan.subIndicators.append(sub)
        }
    }

    /// The indicator (checked like every other code) or the procedure the record belongs to; exactly one. The rules are
    /// the core's (`NarrativeDataRule`), which the plan editor applies too.
    private func owner(_ object: FileObject, in draft: Draft) -> (indicator: String?, procedure: String?) {
        let indicator = reference(object, K.indicator, .indicator, in: draft)
        let procedure = object.string(K.procedure)
        if let problem = NarrativeDataRule.ownerProblem(indicator: indicator, procedure: procedure) { object.error(K.indicator, problem) }
        return (indicator, procedure)
    }
}
