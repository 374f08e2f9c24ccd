import Foundation

/// The rows of the Carta dei servizi (`carta_dei_servizi`) and the monitored procedures (`procedimenti`), by the keys
/// of the plan file; lists (`uffici`, `coordinatori`, `fonti`) one entry per line. Their yearly results are entered
/// as results, not here: a row or a procedure with results is not removed, nor one an indicator derives its score from.
extension PlanEditor.Draft {
    mutating func serviceStandard() {
        let index = id.flatMap { id in plan.serviceStandards.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("riga della Carta dei servizi") }
        if operation == .remove {
            fields.finish()
            let standard = plan.serviceStandards[index!]
            if refuseIfUsed(deriving(.serviceCharter, code: standard.code), what: "la riga della Carta dei servizi") { return }
            if refuseIfHasResults(plan.serviceResults.filter { $0.standardID == standard.id }.map(\.year), what: "la riga della Carta dei servizi") { return }
            plan.serviceStandards.remove(at: index!)
            return
        }
        if operation == .move { return fields.error("id", "una riga della Carta dei servizi non si sposta: cambiarne «sezione» o «gruppo»") }
        let existing = index.map { plan.serviceStandards[$0] }
        var standard = existing ?? ServiceStandard(id: "", entityCode: entity, code: "", process: "")
        guard let code = fixedCode(existing?.code, what: "della riga della Carta dei servizi") else { return fields.finish() }
        if existing == nil, plan.serviceStandards.contains(where: { $0.id == code }) {
            fields.error("codice", PlanIntegrity.duplicate(code, what: "standard della Carta dei servizi"))
        }
        standard.id = code
        standard.code = code
        fields.text("sezione", into: &standard.section)
        fields.text("gruppo", into: &standard.groupName)
        fields.required("processo", what: "il processo", into: &standard.process)
        fields.lines("uffici", into: &standard.offices)
        fields.text("indicatore", into: &standard.indicatorText)
        fields.decimal("standard_giorni", into: &standard.standardDays)
        if let days = standard.standardDays, days < 0 {
            fields.error("standard_giorni", "«\(ItalianFormatting.number(days))» giorni: atteso un numero di giorni lavorativi da 0 («a vista») in su")
        }
        fields.text("standard_testo", into: &standard.standardText)
        fields.finish()
        if existing == nil { standard.sortOrder = (plan.serviceStandards.map(\.sortOrder).max() ?? -1) + 1 }
        id = standard.id
        if let index { plan.serviceStandards[index] = standard } else { plan.serviceStandards.append(standard) }
    }

    mutating func procedure() {
        let index = id.flatMap { id in plan.procedures.firstIndex { $0.id == id } }
        if id != nil, index == nil { return notFound("procedimento") }
        if operation == .remove {
            fields.finish()
            let procedure = plan.procedures[index!]
            if refuseIfUsed(deriving(.procedures, code: procedure.code), what: "il procedimento") { return }
            if refuseIfHasResults(plan.procedureResults.filter { $0.procedureID == procedure.id }.map(\.year), what: "il procedimento") { return }
            plan.procedures.remove(at: index!)
            return
        }
        if operation == .move { return fields.error("id", "un procedimento non si sposta") }
        let existing = index.map { plan.procedures[$0] }
        var procedure = existing ?? MonitoredProcedure(id: "", entityCode: entity, code: "", name: "")
        guard let code = fixedCode(existing?.code, what: "del procedimento") else { return fields.finish() }
        if existing == nil, plan.procedures.contains(where: { $0.id == code }) { fields.error("codice", PlanIntegrity.duplicate(code, what: "procedimento")) }
        procedure.id = code
        procedure.code = code
        fields.required("nome", what: "il nome del procedimento", into: &procedure.name)
        fields.text("ambito", into: &procedure.scope)
        fields.lines("coordinatori", into: &procedure.coordinators)
        fields.text("risultato_atteso", into: &procedure.expectedResult)
        fields.text("sistema_di_controllo", into: &procedure.controlSystem)
        fields.decimal("valore_target", into: &procedure.targetValue)
        fields.choice("comparatore", into: &procedure.comparator)
        fields.lines("fonti", into: &procedure.sources)
        fields.finish()
        if existing == nil { procedure.sortOrder = (plan.procedures.map(\.sortOrder).max() ?? -1) + 1 }
        id = procedure.id
        if let index { plan.procedures[index] = procedure } else { plan.procedures.append(procedure) }
    }

    /// The indicators whose score is derived from the Carta or the procedures naming `code`.
    private func deriving(_ kind: DerivationKind, code: String) -> [String] {
        plan.indicators.filter { indicator in
            indicator.derivedFrom?.sources.contains { $0.kind == kind && $0.codes.contains(code) } ?? false
        }.map { "indicatore \($0.id)" }
    }

    /// Results entered for the element (years): removal refused so as not to lose them.
    private mutating func refuseIfHasResults(_ years: [Int], what: String) -> Bool {
        guard !years.isEmpty else { return false }
        fields.error("id", "\(what) «\(id ?? "")» ha i risultati del \(years.sorted().map(String.init).joined(separator: ", ")): non si elimina per non perderli")
        return true
    }
}
