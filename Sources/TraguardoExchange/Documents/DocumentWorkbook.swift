import Foundation
import TraguardoCore
import TraguardoDocuments

/// A document's tables as a workbook: a first sheet «Documento» saying what it is (Ente, year, period,
/// methodology, sources), then one sheet per table, caption on top, header rows bold and frozen. Figures
/// (right-aligned cells that read as Italian numbers) become numbers, everything else stays text.
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
            let header = table.header.map { $0.flatMap(cells) }
            let rows = (table.caption.map { [[SpreadsheetCell.text($0)]] } ?? []) + header + table.rows.map { $0.flatMap(cells) }
            let width = rows.map(\.count).max() ?? 1
            sheets.append(WorksheetContent(
                name: name(table.caption, index: index + 1, used: &used), rows: rows,
                columnWidths: (0..<width).map { $0 == 0 ? 40 : 16 }, headerRows: (table.caption == nil ? 0 : 1) + header.count))
        }
        return sheets
    }

    /// A cell, then empty cells for the columns it spans.
    static func cells(_ cell: TableCell) -> [SpreadsheetCell] {
        let value: SpreadsheetCell
        if cell.text.isEmpty {
            value = .empty
        } else if cell.alignment == .trailing, let number = ItalianNumber.parse(cell.text) {
            value = .number(number)
        } else {
            value = .text(cell.text)
        }
        return [value] + Array(repeating: .empty, count: cell.columnSpan - 1)
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
