import Foundation
import TraguardoCore

/// `utilizzo_budget`: the budget use of every node and of the Ente, per kind of resource, as `BudgetUse`
/// computes it (the node page and the Relazione print the same figures): aggiornato, consuntivo, use (%) and
/// variance, with the reason when the use cannot be computed.
enum OpenDataBudgetUse {
    static let fields: [OpenDataField] = [
        OpenDataField("elemento", .string, "Percorso del nodo del piano; vuoto per l'Ente"),
        OpenDataField("anno", .integer, "Anno di bilancio"),
        OpenDataField("natura", .string, "Natura della risorsa: proventi, oneri, investimenti"),
        OpenDataField("preventivo", .number, "Budget preventivo del nodo (somma dei suoi discendenti al livello del budget), in euro"),
        OpenDataField("aggiornato", .number, "Budget aggiornato del nodo, in euro"),
        OpenDataField("consuntivo", .number, "Consuntivo del nodo, in euro"),
        OpenDataField("utilizzo_percentuale", .number, "Consuntivo / aggiornato × 100, arrotondato per eccesso dal 5 a 2 decimali; vuoto quando non calcolabile"),
        OpenDataField("scostamento", .number, "Consuntivo − aggiornato, in euro"),
        OpenDataField("motivo_non_calcolabile", .string, "Perché l'utilizzo manca: manca il budget aggiornato, manca il consuntivo, il budget aggiornato è zero"),
    ]

    static func table(_ context: OpenDataContext) -> OpenDataTable {
        let plan = context.plan
        let subjects: [(code: String?, path: String?)] = [(nil, nil)]
            + plan.nodes.map { ($0.code, context.path(.node, $0.id) ?? $0.code) }
        var rows: [[OpenDataValue?]] = []
        for subject in subjects {
            for use in BudgetUse.uses(of: subject.code, in: plan) {
                rows.append([
                    .textIfAny(subject.path), .integer(plan.cycle.year), .text(use.kind.rawValue),
                    .numberIfAny(use.preventivo), .numberIfAny(use.aggiornato), .numberIfAny(use.consuntivo),
                    .numberIfAny(use.percent), .numberIfAny(use.variance), .textIfAny(use.unavailable),
                ])
            }
        }
        return OpenDataTable(
            name: "utilizzo_budget", title: "Utilizzo del budget",
            description: "Per ogni nodo del piano e per l'Ente: budget aggiornato, consuntivo, utilizzo percentuale e scostamento.",
            fields: fields, rows: rows)
    }
}
