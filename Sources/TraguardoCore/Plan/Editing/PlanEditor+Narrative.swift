import Foundation

/// The tables and sub-indicators of a narrative (`tabelle_narrative`, `sotto_indicatori`), by the keys of the plan
/// file and its rules (`NarrativeDataRule`, `PlanValueRule`). A form has no YAML lists, so a table's columns are
/// written one per line (`colonne`), its rows one per line with the label first and the values after, separated
/// by `;` (`righe`: «Visite guidate; 120; 2.400», an empty cell left empty), and the printed total likewise
/// (`totale_stampato`: «130; 2.700»). The id (`CODICE@ANNO`) is fixed when the record is created.
extension PlanEditor.Draft {
    mutating func narrativeTable() {
        let index = id.flatMap { id in plan.narrativeTables.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("tabella della narrativa") }
        if operation == .remove {
            fields.finish()
            plan.narrativeTables.remove(at: index!)
            return
        }
        if operation == .move { return fields.error("id", "una tabella della narrativa non si sposta: cambiarne «indicatore» o «procedimento»") }
        let existing = index.map { plan.narrativeTables[$0] }
        var table = existing ?? NarrativeTable(code: "", year: year, title: "", columns: [], rows: [])
        guard let code = fixedCode(existing?.code, what: "della tabella") else { return fields.finish() }
        if existing == nil { table.year = newYear() }
        narrativeOwner(indicator: &table.indicatorID, procedure: &table.procedureID)
        fields.required("titolo", what: "il titolo della tabella", into: &table.title)
        fields.lines("colonne", into: &table.columns)
        if table.columns.isEmpty { fields.error("colonne", NarrativeDataRule.missingColumns) }
        if let text = fields.given("righe") { table.rows = tableRows(text, columns: table.columns.count) }
        else if existing != nil, fields.values["colonne"] != nil {
            // Columns changed, rows kept: they must still fit.
            for row in table.rows {
                if let problem = NarrativeDataRule.rowWidth(label: row.label, values: row.values.count, columns: table.columns.count) {
                    fields.error("righe", problem)
                }
            }
        }
        if let text = fields.given("totale_stampato") {
            table.declaredTotals = text.isEmpty ? [] : cells(text, key: "totale_stampato", what: "il totale stampato")
            if let problem = NarrativeDataRule.totalWidth(values: table.declaredTotals.count, columns: table.columns.count) {
                fields.error("totale_stampato", problem)
            }
        }
        fields.finish()
        table.code = code
        table.id = "\(code)@\(table.year)"
        if existing == nil, plan.narrativeTables.contains(where: { $0.id == table.id }) {
            fields.error("codice", PlanIntegrity.duplicate(table.id, what: "tabella della narrativa"))
        }
        id = table.id
        if let index { plan.narrativeTables[index] = table } else { plan.narrativeTables.append(table) }
    }

    mutating func subIndicator() {
        let index = id.flatMap { id in plan.subIndicators.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("sotto-indicatore") }
        if operation == .remove {
            fields.finish()
            plan.subIndicators.remove(at: index!)
            return
        }
        if operation == .move { return fields.error("id", "un sotto-indicatore non si sposta: cambiarne «indicatore» o «procedimento»") }
        let existing = index.map { plan.subIndicators[$0] }
        var sub = existing ?? SubIndicator(code: "", year: year, name: "", value: 0)
        guard let code = fixedCode(existing?.code, what: "del sotto-indicatore") else { return fields.finish() }
        if existing == nil { sub.year = newYear() }
        narrativeOwner(indicator: &sub.indicatorID, procedure: &sub.procedureID)
        fields.required("nome", what: "il nome del sotto-indicatore", into: &sub.name)
        var value: Decimal? = existing?.value
        fields.decimal("valore", into: &value)
        if value == nil, !fields.errors.contains(where: { $0.field == "valore" }) { fields.error("valore", NarrativeDataRule.missingValue) }
        sub.value = value ?? 0
        fields.text("unita_misura", into: &sub.unit)
        fields.decimal("baseline", into: &sub.baseline)
        fields.integer("anno_baseline", into: &sub.baselineYear)
        fields.choice("comparatore", into: &sub.comparator)
        fields.decimal("valore_target", into: &sub.target)
        fields.decimal("variazione_stampata", into: &sub.declaredChange)
        fields.finish()
        sub.code = code
        sub.id = "\(code)@\(sub.year)"
        if existing == nil, plan.subIndicators.contains(where: { $0.id == sub.id }) {
            fields.error("codice", PlanIntegrity.duplicate(sub.id, what: "sotto-indicatore"))
        }
        id = sub.id
        if let index { plan.subIndicators[index] = sub } else { plan.subIndicators.append(sub) }
    }

    /// The year of a new record: `anno` when sent, else the cycle's (as the plan file).
    private mutating func newYear() -> Int {
        var sent: Int?
        fields.integer("anno", into: &sent)
        return sent ?? year
    }

    /// `indicatore` (an indicator of the plan) or `procedimento`: exactly one, as the plan file wants.
    private mutating func narrativeOwner(indicator: inout String?, procedure: inout String?) {
        fields.reference("indicatore", .indicator, in: plan, into: &indicator)
        fields.text("procedimento", into: &procedure)
        if !fields.errors.contains(where: { $0.field == "indicatore" }),
           let problem = NarrativeDataRule.ownerProblem(indicator: indicator, procedure: procedure) {
            fields.error("indicatore", problem)
        }
    }

    /// «Visite guidate; 120; 2.400» one per line: the label, then one value per column.
    private mutating func tableRows(_ text: String, columns: Int) -> [NarrativeTable.Row] {
        var rows: [NarrativeTable.Row] = []
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let label = parts.first, !label.isEmpty else {
                fields.error("righe", "riga \(number + 1): manca l'etichetta della riga; attesa per esempio «Visite guidate; 120; 2.400»")
                continue
            }
            let values = cells(parts.dropFirst().joined(separator: ";"), key: "righe", what: "la riga \(number + 1) «\(label)»",
                               empty: parts.count == 1)
            if let problem = NarrativeDataRule.rowWidth(label: label, values: values.count, columns: columns) { fields.error("righe", problem) }
            rows.append(NarrativeTable.Row(label: label, values: values))
        }
        return rows
    }

    /// Values separated by `;`, each an Italian number or empty (an empty cell).
    private mutating func cells(_ text: String, key: String, what: String, empty: Bool = false) -> [Decimal?] {
        if empty { return [] }
        return text.split(separator: ";", omittingEmptySubsequences: false).map { part in
            let cell = part.trimmingCharacters(in: .whitespaces)
            if cell.isEmpty { return nil }
            switch PlanValueRule.decimal(cell) {
            case .success(let value): return value
            case .failure(let problem):
                fields.error(key, "\(what): \(problem.message)")
                return nil
            }
        }
    }
}
