import TraguardoSpreadsheet
/// The sheet «Istruzioni» of the plan workbook and of the blank template: how the workbook works, then every
/// sheet and every column with what it means and what it takes.
enum PlanWorkbookInstructions {
    static let introduction = [
        "Il piano di un Ente-anno in un foglio Excel: un foglio per ogni tipo di elemento, una riga per elemento.",
        "Gli elementi si collegano tra loro con i codici: un indicatore nomina il suo nodo (o obiettivo), un item il suo indicatore.",
        "Non cambiare i nomi dei fogli né l'ordine e le intestazioni delle colonne (riga 1); i fogli vuoti si lasciano vuoti.",
        "Le colonne con un elenco a discesa accettano solo i valori del foglio «Elenchi».",
        "Numeri: celle numeriche, o testo all'italiana («1.418.965,00»). Date: celle data, o testo «31/12/2018». Vero/falso: VERO o FALSO.",
        "Le celle con più valori (elenchi di codici) ne hanno uno per riga (Alt+Invio).",
        "Si importa con «traguardo import piano.xlsx» o da Amministrazione › Importazione: tutto o niente, ogni errore con foglio, riga, colonna e valore.",
    ]

    static func sheet() -> WorksheetContent {
        var rows: [[SpreadsheetCell]] = [[.text("Foglio"), .text("Colonna"), .text("Che cosa contiene"), .text("Valori")]]
        for line in introduction { rows.append([.empty, .empty, .text(line), .empty]) }
        for sheet in PlanWorkbookLayout.sheets {
            rows.append([.text(sheet.name), .empty, .text(sheet.about), .empty])
            for column in sheet.columns {
                rows.append([.text(sheet.name), .text(column.heading), .text(column.help), .text(expected(column.kind))])
            }
        }
        return WorksheetContent(
            name: PlanWorkbookLayout.instructionsSheet, rows: rows, columnWidths: [22, 26, 90, 60], headerRows: 1,
            textColumns: [0, 1, 2, 3])
    }

    /// What a column takes, in words.
    static func expected(_ kind: PlanColumn.Kind) -> String {
        switch kind {
        case .text: return "testo"
        case .number: return "numero (per esempio 1.418.965,00 o 99,22)"
        case .integer: return "numero intero"
        case .date: return "data (per esempio 31/12/2018)"
        case .boolean: return "VERO o FALSO"
        case .choice(let values): return "uno tra: " + values.joined(separator: ", ")
        case .list: return "codici o testi, uno per riga della cella"
        case .yaml: return "testo YAML come nel file piano (docs/formato-piano.md)"
        case .link: return "codice di una riga di un altro foglio (o dello stesso)"
        }
    }
}
