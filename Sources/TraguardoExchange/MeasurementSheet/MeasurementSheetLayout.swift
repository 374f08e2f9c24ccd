import Foundation
import TraguardoCore
import TraguardoSpreadsheet

/// Where things are in a *scheda di rilevazione*: a heading block that says whose sheet it is (Ente, year,
/// period, office), an empty row, the column titles, then one row per item. The same layout in XLSX (sheet
/// «Rilevazioni») and CSV (`;`, UTF-8).
enum MeasurementSheetLayout {
    static let sheetName = "Rilevazioni"
    static let title = "Scheda di rilevazione"

    /// The heading block's labels, in column A; the code in column B, the name in column C.
    enum Heading: String, CaseIterable {
        case entity = "Ente"
        case year = "Anno"
        case period = "Periodo"
        case office = "Ufficio"
    }

    /// The value written in the Ufficio row for a sheet of the whole Ente.
    static let everyOffice = "tutti"

    enum Column: Int, CaseIterable {
        case code, owner, indicator, item, target, unit, previousValue, value, notComputableReason, justification, note

        var title: String {
            switch self {
            case .code: "Codice"
            case .owner: "Obiettivo o nodo"
            case .indicator: "Indicatore"
            case .item: "Item"
            case .target: "Target"
            case .unit: "Unità di misura"
            case .previousValue: "Valore periodo precedente"
            case .value: "Valore"
            case .notComputableReason: "Motivo N.C."
            case .justification: "Scostamento giustificato"
            case .note: "Note"
            }
        }

        var width: Double {
            switch self {
            case .code: 16
            case .owner, .indicator, .item: 40
            case .target, .previousValue, .value: 16
            case .unit: 12
            case .notComputableReason, .justification, .note: 30
            }
        }

        /// The columns the office fills; the others are read only for the code.
        var isInput: Bool { [.value, .notComputableReason, .justification, .note].contains(self) }
    }

    /// Rows before the column titles: title, the four heading rows, an empty row.
    static let headingRows = 6
    static var columnTitleRow: Int { headingRows + 1 }

    /// Every row as text, heading block included (CSV writes these; XLSX types the cells).
    static func textRows(_ sheet: MeasurementSheet) -> [[String]] {
        var rows: [[String]] = [
            // No commas in the first line: CSV readers guess the separator from it.
            [title, "generata da Traguardo: compilare le colonne Valore / Motivo N.C. / Scostamento giustificato / Note"],
            [Heading.entity.rawValue, sheet.entityCode, sheet.entityName],
            [Heading.year.rawValue, String(sheet.year)],
            [Heading.period.rawValue, sheet.periodCode, sheet.periodName],
            [Heading.office.rawValue, sheet.officeCode ?? everyOffice, sheet.officeName ?? "tutti gli uffici"],
            [],
            Column.allCases.map(\.title),
        ]
        for row in sheet.rows {
            rows.append([row.code, row.owner, row.indicator, row.item, row.target, row.unit, row.previousValue, row.value,
                         row.notComputableReason, row.justification, row.note])
        }
        return rows
    }

    static func worksheet(_ sheet: MeasurementSheet) -> WorksheetContent {
        let rows = textRows(sheet).enumerated().map { index, row in
            row.enumerated().map { column, text -> SpreadsheetCell in
                if text.isEmpty { return .empty }
                // The year is a number; codes, values as written and texts stay text (no «1.10» turned into 1,1).
                if index == 2 && column == 1, let year = Decimal(string: text) { return .number(year) }
                return .text(text)
            }
        }
        return WorksheetContent(
            name: sheetName, rows: rows, columnWidths: Column.allCases.map(\.width), headerRows: columnTitleRow,
            textColumns: Set(Column.allCases.map(\.rawValue)))
    }
}

/// Writing a sheet to a file.
public enum MeasurementSheetWriter {
    public enum Format: String, Sendable, CaseIterable {
        case xlsx, csv
    }

    public static func write(_ sheet: MeasurementSheet, format: Format, to url: URL) throws(SpreadsheetError) {
        switch format {
        case .xlsx: try XLSXWriter.write([MeasurementSheetLayout.worksheet(sheet)], to: url)
        case .csv: try CSVWriter.write(MeasurementSheetLayout.textRows(sheet), to: url)
        }
    }
}
