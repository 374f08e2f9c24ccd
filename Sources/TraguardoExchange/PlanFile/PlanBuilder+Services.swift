import TraguardoCore

/// The Carta dei servizi, the monitored procedures, the acts and the variations they approve.
extension PlanBuilder {
    func readServices(_ root: FileObject, into draft: Draft) {
        let entity = draft.plan.entity.code
        root.list(K.serviceCharter) { object, position in
            guard let code = code(object, what: "dello standard"),
                unique(code, among: draft.plan.serviceStandards, in: draft, object: object, what: "standard della Carta dei servizi")
            else { return }
            draft.plan.serviceStandards.append(ServiceStandard(
                id: code, entityCode: entity, code: code, section: object.string(K.section), groupName: object.string(K.group),
                process: object.requiredString(K.process, what: "il processo") ?? code, offices: object.strings(K.offices),
                indicatorText: object.string(K.indicator), standardDays: object.decimal(K.standardDays),
                standardText: object.string(K.standardText), sortOrder: position,
                provenance: object.provenance()))
            object.list(K.results) { result, _ in
                guard let year = result.int(K.year) else {
                    if !result.has(K.year) { result.error(K.year, "manca l'anno del risultato") }
                    return
                }
                var row = ServiceResult(
                    id: "\(code)@\(year)", standardID: code, year: year, measuredDays: result.decimal(K.measuredDays),
                    measuredText: result.string(K.measuredText), casesTotal: result.int(K.totalCases),
                    casesWithinStandard: result.int(K.casesWithinStandard), notComputableReason: result.string(K.notComputable),
                    justifiedDeviation: result.bool(K.justifiedVariance) ?? false, note: result.string(K.note),
                    declared: result.declared(), provenance: result.provenance())
                row.outcome = result.choice(K.outcome, ServiceOutcome.self)
                draft.plan.serviceResults.append(row)
            }
        }
        root.list(K.procedures) { object, position in
            guard let code = code(object, what: "del procedimento"),
                unique(code, among: draft.plan.procedures, in: draft, object: object, what: "procedimento")
            else { return }
            draft.plan.procedures.append(MonitoredProcedure(
                id: code, entityCode: entity, code: code, name: object.requiredString(K.name, what: "il nome del procedimento") ?? code,
                scope: object.string(K.scope), coordinators: object.strings(K.coordinators),
                expectedResult: object.string(K.expectedResult), controlSystem: object.string(K.controlSystem),
                targetValue: object.decimal(K.targetValue), comparator: object.choice(K.comparator, Comparator.self),
                sources: object.strings(K.sources), sortOrder: position, provenance: object.provenance()))
            object.list(K.results) { result, _ in
                guard let year = result.int(K.year) else {
                    if !result.has(K.year) { result.error(K.year, "manca l'anno del risultato") }
                    return
                }
                var parts: [ProcedureSubResult] = []
                result.list(K.partials) { part, _ in
                    if let label = part.requiredString(K.label, what: "l'etichetta del parziale"), let score = part.decimal(K.score) {
                        parts.append(ProcedureSubResult(label: label, score: score))
                    }
                }
                draft.plan.procedureResults.append(ProcedureResult(
                    id: "\(code)@\(year)", procedureID: code, year: year, value: result.decimal(K.value),
                    score: result.decimal(K.score), subResults: parts, text: result.string(K.text),
                    notComputableReason: result.string(K.notComputable), declared: result.declared(), provenance: result.provenance()))
            }
        }
    }

    func readActs(_ root: FileObject, into draft: Draft) {
        root.list(K.acts) { object, _ in
            guard let code = code(object, what: "dell'atto"),
                unique(code, among: draft.plan.acts, in: draft, object: object, what: "atto")
            else { return }
            draft.plan.acts.append(Act(
                id: code, entityCode: draft.plan.entity.code, organ: object.requiredString(K.body, what: "l'organo") ?? "",
                kind: object.choice(K.kind, ActKind.self) ?? .atto, number: object.string(K.number), date: object.date(K.date),
                subject: object.requiredString(K.subject, what: "l'oggetto dell'atto") ?? "", provenance: object.provenance()))
            object.list(K.variations) { variation, index in
                guard let kind = variation.choice(K.kind, VariationKind.self) else {
                    if !variation.has(K.kind) { variation.error(K.kind, "manca il tipo della variazione") }
                    return
                }
                draft.plan.variations.append(PlanVariation(
                    id: "\(code)/\(index + 1)", actID: code, nodeID: reference(variation, K.node, .node, in: draft), kind: kind,
                    description: variation.requiredString(K.description, what: "la descrizione della variazione") ?? "",
                    field: variation.string(K.field), before: variation.string(K.before), after: variation.string(K.after)))
            }
        }
    }
}
