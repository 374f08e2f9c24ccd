import Foundation
import TraguardoCore

/// `rilevazioni`: every measurement of the plan's items, for every period, in the order of the items in the
/// scored listing and then of the periods.
enum OpenDataMeasurements {
    static let fields: [OpenDataField] = [
        OpenDataField("elemento", .string, "Percorso dell'item misurato, come nella colonna «percorso» della tabella elementi"),
        OpenDataField("elemento_id", .string, "Identificativo dell'item, come nella colonna «id» della tabella elementi"),
        OpenDataField("periodo", .string, "Codice del periodo di monitoraggio (per esempio ANNO, T1, S1)"),
        OpenDataField("fine_periodo", .date, "Ultimo giorno del periodo di monitoraggio"),
        OpenDataField("valore", .number, "Valore rilevato"),
        OpenDataField("numeratore", .number, "Numeratore, per i valori rilevati come rapporto"),
        OpenDataField("denominatore", .number, "Denominatore, per i valori rilevati come rapporto"),
        OpenDataField("data", .date, "Data rilevata, per gli item a scadenza"),
        OpenDataField("realizzato", .boolean, "Realizzato o no, per gli item di sola realizzazione"),
        OpenDataField("testo", .string, "Il valore come scritto nella scheda di rilevazione"),
        OpenDataField("unita", .string, "Unità di misura dell'item o del suo indicatore"),
        OpenDataField("fonte", .string, "Fonte del dato indicata dall'indicatore"),
        OpenDataField("nc_motivo", .string, "Motivo per cui la rilevazione non è computabile (N.C.)"),
        OpenDataField("scostamento_giustificato", .boolean, "Lo scostamento dal target è giustificato"),
        OpenDataField("nota", .string, "Giustificazione dello scostamento o commento di chi ha rilevato"),
    ]

    static func table(_ context: OpenDataContext) -> OpenDataTable {
        var order: [String: Int] = [:]
        for subject in context.listed.map(\.element.subject) where subject.kind == .item && order[subject.id] == nil {
            order[subject.id] = order.count
        }
        let sorted = context.plan.measurements.enumerated().sorted { a, b in
            let left = (order[a.element.itemID] ?? Int.max, context.periods[a.element.periodID]?.sequence ?? Int.max, a.offset)
            let right = (order[b.element.itemID] ?? Int.max, context.periods[b.element.periodID]?.sequence ?? Int.max, b.offset)
            return left < right
        }.map(\.element)
        var rows: [[OpenDataValue?]] = []
        for measurement in sorted {
            let item = context.items[measurement.itemID]
            let indicator = item.flatMap { context.indicators[$0.indicatorID] }
            let period = context.periods[measurement.periodID]
            rows.append([
                .textIfAny(context.path(.item, measurement.itemID) ?? item?.code), .text(measurement.itemID),
                .textIfAny(period?.code ?? measurement.periodID), period.map { .date($0.endsOn) },
                .numberIfAny(measurement.value), .numberIfAny(measurement.numerator), .numberIfAny(measurement.denominator),
                measurement.date.map { .date($0) }, measurement.done.map { .boolean($0) }, .textIfAny(measurement.text),
                .textIfAny(item?.unit ?? indicator?.unit), .textIfAny(indicator?.source), .textIfAny(measurement.notComputableReason),
                .boolean(measurement.justifiedDeviation), .textIfAny(measurement.justificationNote ?? measurement.narrative),
            ])
        }
        return OpenDataTable(
            name: "rilevazioni", title: "Rilevazioni",
            description: "I valori rilevati per ogni item del piano, per ogni periodo di monitoraggio.",
            fields: fields, rows: rows)
    }
}
