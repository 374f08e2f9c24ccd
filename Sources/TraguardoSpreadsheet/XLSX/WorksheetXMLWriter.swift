import Foundation

/// Writes one `xl/worksheets/sheetN.xml` part to a file, row by row: column widths, the frozen header
/// pane, and cells with inline strings (so no shared-string table has to be built first).
enum WorksheetXMLWriter {
    static let maxRows = 1_048_576
    static let maxTextLength = 32_767

    /// - Parameter numberStyles: the cell style of each of the sheet's number formats (`XLSXPackageParts.numberStyles`).
    static func write(
        _ sheet: WorksheetContent, selected: Bool, numberStyles: [NumberFormat: Int], to url: URL, fileName: String
    ) throws {
        let output = try BufferedFileWriter(creating: url)
        var closed = false
        defer { if !closed { try? output.close() } }

        guard sheet.rows.count <= maxRows else {
            throw SpreadsheetError(
                file: fileName, message: "il foglio \"\(sheet.name)\" ha \(sheet.rows.count) righe: il massimo è \(maxRows)")
        }
        let widest = sheet.rows.map(\.count).max() ?? 0
        guard widest <= CellReference.maxColumns else {
            throw SpreadsheetError(
                file: fileName, message: "il foglio \"\(sheet.name)\" ha \(widest) colonne: il massimo è \(CellReference.maxColumns)")
        }

        try output.write(XLSXPackageParts.declaration)
        try output.write(#"<worksheet xmlns="\#(XLSXPackageParts.mainNamespace)" xmlns:r="\#(XLSXPackageParts.relationshipsNamespace)">"#)
        if widest > 0 && !sheet.rows.isEmpty {
            try output.write(#"<dimension ref="A1:\#(CellReference.letters(ofColumn: widest - 1))\#(sheet.rows.count)"/>"#)
        }
        try output.write(sheetViews(sheet, selected: selected))
        try output.write(#"<sheetFormatPr defaultRowHeight="15"/>"#)
        try output.write(columns(sheet))
        try output.write("<sheetData>")
        let header = max(0, sheet.headerRows)
        for (rowIndex, row) in sheet.rows.enumerated() where row.contains(where: { !$0.isEmpty }) {
            let number = rowIndex + 1
            var line = #"<row r="\#(number)">"#
            for (column, cell) in row.enumerated() where !cell.isEmpty {
                let numberStyle = sheet.numberFormats[SheetPosition(row: rowIndex, column: column)].flatMap { numberStyles[$0] }
                line += try cellXML(cell, column: column, row: number, header: rowIndex < header,
                                    textColumn: sheet.textColumns.contains(column), numberStyle: numberStyle, fileName: fileName)
            }
            line += "</row>"
            try output.write(line)
        }
        try output.write("</sheetData>")
        try output.write(dataValidations(sheet))
        try output.write("</worksheet>")
        closed = true
        try output.close()
    }

    private static func sheetViews(_ sheet: WorksheetContent, selected: Bool) -> String {
        var xml = "<sheetViews><sheetView workbookViewId=\"0\"" + (selected ? " tabSelected=\"1\"" : "") + ">"
        if sheet.headerRows > 0 {
            let first = "A\(sheet.headerRows + 1)"
            xml += #"<pane ySplit="\#(sheet.headerRows)" topLeftCell="\#(first)" activePane="bottomLeft" state="frozen"/>"#
            xml += #"<selection pane="bottomLeft" activeCell="\#(first)" sqref="\#(first)"/>"#
        }
        return xml + "</sheetView></sheetViews>"
    }

    /// The drop-down lists, after `sheetData` as the schema orders them.
    private static func dataValidations(_ sheet: WorksheetContent) -> String {
        let lists = sheet.listValidations.filter { $0.column >= 0 && $0.column < CellReference.maxColumns && $0.firstRow < maxRows }
        guard !lists.isEmpty else { return "" }
        var xml = #"<dataValidations count="\#(lists.count)">"#
        for list in lists {
            let letters = CellReference.letters(ofColumn: list.column)
            let range = "\(letters)\(list.firstRow + 1):\(letters)\(maxRows)"
            xml += #"<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1""#
            if let message = list.message { xml += #" errorTitle="Valore non previsto" error="\#(XMLText.escaped(message))""# }
            xml += #" sqref="\#(range)"><formula1>\#(XMLText.escaped(list.source))</formula1></dataValidation>"#
        }
        return xml + "</dataValidations>"
    }

    /// One `<col>` per column that has a width or the text format (text columns keep `@` for new entries).
    private static func columns(_ sheet: WorksheetContent) -> String {
        let count = max(sheet.columnWidths.count, (sheet.textColumns.max() ?? -1) + 1)
        guard count > 0 else { return "" }
        var xml = "<cols>"
        for column in 0..<min(count, CellReference.maxColumns) {
            let hasWidth = column < sheet.columnWidths.count && sheet.columnWidths[column] > 0
            let isText = sheet.textColumns.contains(column)
            guard hasWidth || isText else { continue }
            let width = hasWidth ? min(sheet.columnWidths[column], 255) : 8.43
            xml += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(String(format: "%.2f", width))""#
            if hasWidth { xml += #" customWidth="1""# }
            if isText { xml += #" style="\#(XLSXPackageParts.Style.text)""# }
            xml += "/>"
        }
        return xml + "</cols>"
    }

    private static func cellXML(
        _ cell: SpreadsheetCell, column: Int, row: Int, header: Bool, textColumn: Bool, numberStyle: Int?, fileName: String
    ) throws -> String {
        let reference = CellReference.letters(ofColumn: column) + String(row)
        let bold = header ? 1 : 0
        func style(_ base: Int) -> String {
            base + bold == 0 ? "" : #" s="\#(base + bold)""#
        }
        func text(_ value: String) throws -> String {
            guard value.count <= maxTextLength else {
                throw SpreadsheetError(
                    file: fileName, row: row,
                    message: "il testo della cella \(reference) supera i \(maxTextLength) caratteri ammessi da Excel")
            }
            let base = textColumn ? XLSXPackageParts.Style.text : XLSXPackageParts.Style.general
            return #"<c r="\#(reference)"\#(style(base)) t="inlineStr"><is><t xml:space="preserve">\#(XMLText.escaped(value))</t></is></c>"#
        }
        switch cell {
        case .empty:
            return ""
        case .text(let value):
            return try text(value)
        case .number(let value):
            if value.isNaN { return #"<c r="\#(reference)"\#(style(0)) t="e"><v>#NUM!</v></c>"# }
            if textColumn { return try text(DecimalText.format(value)) }
            return #"<c r="\#(reference)"\#(style(numberStyle ?? XLSXPackageParts.Style.general))><v>\#(DecimalText.format(value))</v></c>"#
        case .date(let date):
            guard let serial = ExcelSerialDate.serial(of: date) else { return try text(date.italian) }
            return #"<c r="\#(reference)"\#(style(XLSXPackageParts.Style.date))><v>\#(serial)</v></c>"#
        case .boolean(let value):
            return #"<c r="\#(reference)"\#(style(0)) t="b"><v>\#(value ? 1 : 0)</v></c>"#
        case .error(let value):
            // Excel declares a file with an unknown error code damaged: such a value is written as text.
            guard let code = ErrorValue.fileCode(for: value) else { return try text(value) }
            return #"<c r="\#(reference)"\#(style(0)) t="e"><v>\#(XMLText.escaped(code))</v></c>"#
        }
    }
}
