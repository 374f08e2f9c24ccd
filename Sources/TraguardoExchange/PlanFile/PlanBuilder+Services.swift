import TraguardoCore

/// The Carta dei servizi, the monitored procedures, the acts and the variations they approve.
extension PlanBuilder {
    func readServices(_ root: FileObject, into draft: Draft) {
        let entity = draft.plan.entity.code
        root.list("carta_dei_servizi") { object, position in
            guard let code = code(object, what: "dello standard"),
                unique(code, among: draft.plan.serviceStandards, in: draft, object: object, what: "standard della Carta dei servizi")
            else { return }
            draft.plan.serviceStandards.append(ServiceStandard(
                id: code, entityCode: entity, code: code, section: object.string("sezione"), groupName: object.string("gruppo"),
                process: object.requiredString("processo", what: "il processo") ?? code, offices: object.strings("uffici"),
                indicatorText: object.string("indicatore"), standardDays: object.decimal("standard_giorni"),
                standardText: object.string("standard_testo"), sortOrder: position,
                provenance: object.provenance()))
            object.list("risultati") { result, _ in
                guard let year = result.int("anno") else {
                    if !result.has("anno") { result.error("anno", "manca l'anno del risultato") }
                    return
                }
                var row = ServiceResult(
                    id: "\(code)@\(year)", standardID: code, year: year, measuredDays: result.decimal("giorni_rilevati"),
                    measuredText: result.string("testo_rilevato"), casesTotal: result.int("casi_totali"),
                    casesWithinStandard: result.int("casi_entro_standard"), notComputableReason: result.string("nc"),
                    justifiedDeviation: result.bool("scostamento_giustificato") ?? false, note: result.string("nota"),
                    declared: result.declared(), provenance: result.provenance())
                row.outcome = result.choice("esito", ServiceOutcome.self)
                draft.plan.serviceResults.append(row)
            }
        }
        root.list("procedimenti") { object, position in
            guard let code = code(object, what: "del procedimento"),
                unique(code, among: draft.plan.procedures, in: draft, object: object, what: "procedimento")
            else { return }
            draft.plan.procedures.append(MonitoredProcedure(
                id: code, entityCode: entity, code: code, name: object.requiredString("nome", what: "il nome del procedimento") ?? code,
                scope: object.string("ambito"), coordinators: object.strings("coordinatori"),
                expectedResult: object.string("risultato_atteso"), controlSystem: object.string("sistema_di_controllo"),
                targetValue: object.decimal("valore_target"), comparator: object.choice("comparatore", Comparator.self),
                sources: object.strings("fonti"), sortOrder: position, provenance: object.provenance()))
            object.list("risultati") { result, _ in
                guard let year = result.int("anno") else {
                    if !result.has("anno") { result.error("anno", "manca l'anno del risultato") }
                    return
                }
                var parts: [ProcedureSubResult] = []
                result.list("parziali") { part, _ in
                    if let label = part.requiredString("etichetta", what: "l'etichetta del parziale"), let score = part.decimal("punteggio") {
                        parts.append(ProcedureSubResult(label: label, score: score))
                    }
                }
                draft.plan.procedureResults.append(ProcedureResult(
                    id: "\(code)@\(year)", procedureID: code, year: year, value: result.decimal("valore"),
                    score: result.decimal("punteggio"), subResults: parts, text: result.string("testo"),
                    notComputableReason: result.string("nc"), declared: result.declared(), provenance: result.provenance()))
            }
        }
    }

    func readActs(_ root: FileObject, into draft: Draft) {
        root.list("atti") { object, _ in
            guard let code = code(object, what: "dell'atto"),
                unique(code, among: draft.plan.acts, in: draft, object: object, what: "atto")
            else { return }
            draft.plan.acts.append(Act(
                id: code, entityCode: draft.plan.entity.code, organ: object.requiredString("organo", what: "l'organo") ?? "",
                kind: object.choice("tipo", ActKind.self) ?? .atto, number: object.string("numero"), date: object.date("data"),
                subject: object.requiredString("oggetto", what: "l'oggetto dell'atto") ?? "", provenance: object.provenance()))
            object.list("variazioni") { variation, index in
                guard let kind = variation.choice("tipo", VariationKind.self) else {
                    if !variation.has("tipo") { variation.error("tipo", "manca il tipo della variazione") }
                    return
                }
                draft.plan.variations.append(PlanVariation(
                    id: "\(code)/\(index + 1)", actID: code, nodeID: reference(variation, "nodo", .node, in: draft), kind: kind,
                    description: variation.requiredString("descrizione", what: "la descrizione della variazione") ?? "",
                    field: variation.string("campo"), before: variation.string("prima"), after: variation.string("dopo")))
            }
        }
    }
}
