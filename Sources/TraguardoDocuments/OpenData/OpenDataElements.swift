import Foundation
import TraguardoCore

/// `elementi`: every scored element of the plan in the listing's order (the Ente, the tree depth first with
/// indicators and items, the objectives, the managers, the Carta dei servizi, the procedures), with who
/// answers for it, its weight and target, the value measured and the engine's score.
enum OpenDataElements {
    static let fields: [OpenDataField] = [
        OpenDataField("tipo", .string, "Tipo di elemento: ente, nodo, indicatore, item, obiettivo, dirigente, carta-dei-servizi, carta-dei-servizi-riga, procedimenti, procedimento"),
        OpenDataField("id", .string, "Identificativo stabile dell'elemento nel piano"),
        OpenDataField("codice", .string, "Codice dell'elemento come nel piano (per esempio SG-4)"),
        OpenDataField("percorso", .string, "Percorso dell'elemento: i codici dal padre all'elemento, separati da «/» (per esempio SG-4/a)"),
        OpenDataField("livello", .integer, "Profondità nell'elenco: 0 per l'Ente e per le radici di ogni gruppo"),
        OpenDataField("titolo", .string, "Titolo o descrizione dell'elemento"),
        OpenDataField("responsabile", .string, "Persona responsabile (dirigente dell'obiettivo, titolare del nodo, coordinatori del procedimento)"),
        OpenDataField("ufficio", .string, "Ufficio o unità organizzativa responsabile"),
        OpenDataField("peso", .number, "Peso dell'elemento nella media del livello superiore, quando il piano lo indica"),
        OpenDataField("target", .string, "Traguardo: comparatore e valore con il punto decimale, una scadenza in formato ISO, o il testo del piano"),
        OpenDataField("valore", .number, "Valore rilevato nel periodo (item, procedimenti, righe della Carta dei servizi in giorni); vuoto per gli elementi calcolati"),
        OpenDataField("punteggio", .number, "Percentuale di raggiungimento calcolata dal motore, valore esatto usato dal livello superiore; vuoto se non computabile"),
        OpenDataField("punteggio_esatto", .number, "Percentuale di raggiungimento prima dell'arrotondamento del livello"),
        OpenDataField("punteggio_mostrato", .string, "Percentuale di raggiungimento come stampata nei documenti, in formato italiano (68,49; N.C.)"),
        OpenDataField("punti", .number, "Punteggio in punti assegnato dalla metodologia (per esempio la fascia del dirigente), quando c'è"),
        OpenDataField("semaforo", .string, "Semaforo del risultato (verde, giallo, rosso), quando la metodologia lo prevede"),
        OpenDataField("nc_motivo", .string, "Motivo per cui l'elemento non è computabile (N.C.); vuoto altrimenti"),
    ]

    static func table(_ context: OpenDataContext) -> OpenDataTable {
        let responsibleUnits = context.plan.responsibleUnits()
        let year = context.plan.cycle.year
        let serviceStandards = Dictionary(context.plan.serviceStandards.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let serviceResults = Dictionary(
            context.plan.serviceResults.filter { $0.year == year }.map { ($0.standardID, $0) }, uniquingKeysWith: { a, _ in a })
        let procedures = Dictionary(context.plan.procedures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let procedureResults = Dictionary(
            context.plan.procedureResults.filter { $0.year == year }.map { ($0.procedureID, $0) }, uniquingKeysWith: { a, _ in a })
        let measurements = Dictionary(
            context.plan.measurements(in: context.period).map { ($0.itemID, $0) },
            uniquingKeysWith: { a, _ in a })

        var rows: [[OpenDataValue?]] = []
        for listed in context.listed {
            let subject = listed.element.subject, score = listed.element.score
            var responsible: String?
            var office: String?
            var weight: Decimal?
            var target: String?
            var measured: Decimal?
            switch subject.kind {
            case .node:
                let node = context.nodes[subject.id]
                responsible = context.personName(node?.ownerPersonID)
                office = context.unitName(node?.ownerUnitID)
                weight = node?.weight
            case .objective:
                let objective = context.objectives[subject.id]
                responsible = context.personName(objective?.managerPersonID)
                office = context.unitName(objective?.unitID)
                weight = objective?.weight
            case .indicator:
                let indicator = context.indicators[subject.id]
                office = context.unitName(indicator?.ownerUnitID)
                weight = indicator?.weight
                target = indicatorTarget(subject.id, context)
            case .item:
                let item = context.items[subject.id]
                office = context.unitName(responsibleUnits[subject.id])
                weight = item?.weight
                target = item.flatMap {
                    OpenDataContext.target($0.comparator, value: $0.targetValue, deadline: $0.targetDeadline, text: $0.targetText)
                }
                measured = measurements[subject.id]?.value
            case .manager:
                responsible = context.people[subject.id]?.name ?? subject.code
            case .serviceRow:
                let standard = serviceStandards[subject.id]
                office = standard.map { $0.offices.joined(separator: "; ") }
                target = standard?.standardText ?? standard?.standardDays.map { "\(OpenDataValue.decimalText($0)) giorni" }
                measured = serviceResults[subject.id]?.measuredDays
            case .procedure:
                let procedure = procedures[subject.id]
                responsible = procedure.map { $0.coordinators.joined(separator: "; ") }
                target = procedure.flatMap { OpenDataContext.target($0.comparator, value: $0.targetValue, text: $0.expectedResult) }
                measured = procedureResults[subject.id]?.value
            case .entity, .serviceCharter, .procedureTotal:
                break
            }
            rows.append([
                .text(subject.kind.rawValue), .text(subject.id), .text(subject.code), .text(subject.path), .integer(listed.depth),
                .text(subject.title), .textIfAny(responsible), .textIfAny(office), .numberIfAny(weight), .textIfAny(target), .numberIfAny(measured),
                .numberIfAny(score.value), .numberIfAny(score.exactValue),
                .text(score.shown), .numberIfAny(score.points), .textIfAny(score.trafficLight?.rawValue), .textIfAny(score.notComputableReason),
            ])
        }
        return OpenDataTable(
            name: "elementi", title: "Elementi del piano e punteggi",
            description: "Ogni elemento valutato del piano della performance, nell'ordine dell'albero, con il punteggio calcolato dal motore di Traguardo.",
            fields: fields, rows: rows)
    }

    /// The indicator's target for the year: the one for the scored period if there is one, else the yearly one.
    static func indicatorTarget(_ indicatorID: String, _ context: OpenDataContext) -> String? {
        let candidates = context.plan.targets.filter {
            $0.indicatorID == indicatorID && $0.year == context.plan.cycle.year && $0.applicable
        }
        let chosen = candidates.first { $0.periodCode != nil && $0.periodCode == context.scores.periodCode }
            ?? candidates.first { $0.periodCode == nil } ?? candidates.first
        guard let chosen else { return nil }
        return OpenDataContext.target(chosen.comparator, value: chosen.value, deadline: chosen.deadline, text: chosen.text)
    }
}
