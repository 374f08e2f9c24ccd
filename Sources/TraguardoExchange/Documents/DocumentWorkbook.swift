import Foundation
import TraguardoCore
import TraguardoDocuments
import TraguardoSpreadsheet

/// A document's tables as a workbook: a first sheet «Documento» saying what it is (Ente, year, period,
/// methodology, sources), then one sheet per table, caption on top, header rows bold and frozen. A figure
/// (`TableCell.figure`) is written as its number, in a format that shows it as the document does (`#,##0.00`,
/// `#,##0.00"%"`); every other cell is its text, even text that reads as a number (a code `2018`).
public enum DocumentWorkbook {
    public static func sheets(_ document: Document) -> [WorksheetContent] {
        var about: [[SpreadsheetCell]] = [
            [.text(document.title)],
            [.text("Ente"), .text(document.entityName)],
            [.text("Anno"), .number(Decimal(document.year))],
            [.text("Periodo"), document.period.map { .text($0) } ?? .empty],
            [.text("Metodologia"), .text(document.methodologyLabel)],
            [.text("Fonte"), .text(document.generatedFrom)],
        ]
        if let snapshot = document.snapshot { about.append([.text("Istantanea"), .text(snapshot.text)]) }
        if let subtitle = document.subtitle { about.insert([.text(subtitle)], at: 1) }
        var sheets = [WorksheetContent(name: "Documento", rows: about, columnWidths: [16, 80], headerRows: 0)]
        var used: Set<String> = ["Documento"]
        let tables = document.tablesWithChartData
        for (index, table) in tables.enumerated() {
            var rows: [[SpreadsheetCell]] = table.caption.map { [[.text($0)]] } ?? []
            var formats: [SheetPosition: NumberFormat] = [:]
            for tableRow in table.header + table.rows {
                var row: [SpreadsheetCell] = []
                for cell in tableRow {
                    if let figure = cell.figure { formats[SheetPosition(row: rows.count, column: row.count)] = format(figure) }
                    row += cells(cell)
                }
                rows.append(row)
            }
            let width = rows.map(\.count).max() ?? 1
            sheets.append(WorksheetContent(
                name: name(table.caption, index: index + 1, used: &used), rows: rows,
                columnWidths: (0..<width).map { $0 == 0 ? 40 : 16 }, headerRows: (table.caption == nil ? 0 : 1) + table.header.count,
                numberFormats: formats))
        }
        return sheets
    }

    /// A cell, then empty cells for the columns it spans.
    static func cells(_ cell: TableCell) -> [SpreadsheetCell] {
        let value: SpreadsheetCell
        if let figure = cell.figure {
            value = .number(figure.value)
        } else if cell.text.isEmpty {
            value = .empty
        } else {
            value = .text(cell.text)
        }
        return [value] + Array(repeating: .empty, count: cell.columnSpan - 1)
    }

    /// The format that shows the figure as the document writes it: `68,49`, `1.418.965,00`, `12,50%`, `1.234,00 €`.
    static func format(_ figure: TableFigure) -> NumberFormat {
        switch figure.unit {
        case .none: .grouped(fractionDigits: figure.fractionDigits)
        case .percent: .grouped(fractionDigits: figure.fractionDigits, suffix: "%")
        case .euro: .grouped(fractionDigits: figure.fractionDigits, suffix: " €")
        }
    }

    /// `3 Carta dei servizi`: unique, at most 31 characters, none of `[]:*?/\`, not ending with an apostrophe
    /// (Excel refuses one at either end; the index keeps it off the start).
    static func name(_ caption: String?, index: Int, used: inout Set<String>) -> String {
        let clean = (caption ?? "Tabella").filter { !"[]:*?/\\".contains($0) }
        func cut(_ text: String) -> String {
            var name = String(text.prefix(31)).trimmingCharacters(in: .whitespaces)
            while name.hasSuffix("'") { name = String(name.dropLast()).trimmingCharacters(in: .whitespaces) }
            return name
        }
        var candidate = cut("\(index) \(clean)")
        var n = 2
        while used.contains(candidate) {
            candidate = cut("\(index)-\(n) \(clean)")
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}
