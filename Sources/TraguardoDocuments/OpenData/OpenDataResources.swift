import Foundation
import TraguardoCore

/// `risorse`: the budget as the plan has it: the resources attributed to the nodes (proventi, oneri,
/// investimenti per phase) and the account lines, each amount exactly as in the plan. Totals are not
/// added: a line with a `conto_padre` is part of its parent's subtotal, as the document printed it.
enum OpenDataResources {
    static let fields: [OpenDataField] = [
        OpenDataField("origine", .string, "risorsa (risorse attribuite a un nodo del piano) o conto (riga di budget per conto)"),
        OpenDataField("id", .string, "Identificativo stabile della riga nel piano"),
        OpenDataField("elemento", .string, "Percorso del nodo del piano a cui la riga è attribuita; vuoto per le righe dell'Ente"),
        OpenDataField("anno", .integer, "Anno di bilancio"),
        OpenDataField("fase", .string, "Fase del bilancio: preventivo, aggiornato, consuntivo"),
        OpenDataField("natura", .string, "Natura: proventi, oneri, investimenti (risorse); costo-esterno, investimento, contributo, ricavo, provento, onere, risultato (conti)"),
        OpenDataField("conto", .string, "Codice del conto (solo righe di conto)"),
        OpenDataField("conto_padre", .string, "Codice del conto di cui la riga è parte (subtotale), quando c'è"),
        OpenDataField("descrizione", .string, "Descrizione del conto"),
        OpenDataField("colonna", .string, "Colonna del bilancio: istituzionale o commerciale, quando indicata"),
        OpenDataField("centro_di_costo", .string, "Centro di costo, quando indicato"),
        OpenDataField("importo", .number, "Importo in euro, con il punto decimale e il segno come nel documento"),
        OpenDataField("nota", .string, "Nota della riga"),
    ]

    static func table(_ context: OpenDataContext) -> OpenDataTable {
        func element(_ nodeID: String?) -> OpenDataValue? {
            .textIfAny(nodeID.flatMap { context.path(.node, $0) ?? context.nodes[$0]?.code ?? $0 })
        }
        var rows: [[OpenDataValue?]] = []
        for resource in context.plan.resources {
            rows.append([
                .text("risorsa"), .text(resource.id), element(resource.nodeID), .integer(resource.year),
                .text(resource.phase.rawValue), .text(resource.kind.rawValue), nil, nil, nil, nil, nil,
                .number(resource.amount), .textIfAny(resource.note),
            ])
        }
        for line in context.plan.accountLines {
            rows.append([
                .text("conto"), .text(line.id), element(line.nodeID), .integer(line.year),
                .text(line.phase.rawValue), .textIfAny(line.nature?.rawValue), .text(line.code), .textIfAny(line.parentCode),
                .textIfAny(line.description), .textIfAny(line.column?.rawValue), .textIfAny(line.costCentre),
                .number(line.amount), nil,
            ])
        }
        return OpenDataTable(
            name: "risorse", title: "Risorse e budget",
            description: "Le risorse attribuite agli elementi del piano e le righe di budget per conto, con gli importi del piano.",
            fields: fields, rows: rows)
    }
}
