/// A `DocumentTable` as a `w:tbl`: the whole text width (`w:tblW` 5000 fiftieths of a percent), a grid whose
/// columns are as wide as their longest text suggests, header rows repeated on every page (`w:tblHeader`),
/// spanned cells (`w:gridSpan`), numbers aligned right, totals bold, N.C. rows italic, flagged rows shaded.
enum DOCXTable {
    /// The text width of an A4 page with the margins of `DOCXPackageParts.sectionProperties`, in twips.
    static let textWidth = DOCXPackageParts.pageWidth - 2 * DOCXPackageParts.margin

    static func xml(_ table: DocumentTable) -> String {
        let allRows = table.header + table.rows
        let columns = allRows.map { $0.reduce(0) { $0 + $1.columnSpan } }.max() ?? 0
        guard columns > 0 else { return "" }
        let widths = columnWidths(allRows, columns: columns)

        var out = "<w:tbl><w:tblPr>"
        out += #"<w:tblStyle w:val="\#(DOCXStyles.ID.table)"/>"#
        out += #"<w:tblW w:w="5000" w:type="pct"/>"#
        out += #"<w:tblLayout w:type="fixed"/>"#
        out += #"<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#
        out += "</w:tblPr><w:tblGrid>"
        for width in widths { out += #"<w:gridCol w:w="\#(width)"/>"# }
        out += "</w:tblGrid>"
        for row in table.header { out += self.row(row, isHeader: true, widths: widths) }
        for row in table.rows { out += self.row(row, isHeader: false, widths: widths) }
        return out + "</w:tbl>"
    }

    /// One `w:tr`; a row shorter than the grid gets an empty cell spanning what is left, as Word expects.
    static func row(_ cells: [TableCell], isHeader: Bool, widths: [Int]) -> String {
        var out = "<w:tr><w:trPr><w:cantSplit/>" + (isHeader ? "<w:tblHeader/>" : "") + "</w:trPr>"
        var column = 0
        var filled = cells
        let used = cells.reduce(0) { $0 + $1.columnSpan }
        if used < widths.count { filled.append(TableCell("", columnSpan: widths.count - used)) }
        for cell in filled {
            let span = min(cell.columnSpan, widths.count - column)
            guard span > 0 else { break }
            let width = widths[column..<(column + span)].reduce(0, +)
            out += self.cell(cell, span: span, width: width, isHeader: isHeader)
            column += span
        }
        return out + "</w:tr>"
    }

    static func cell(_ cell: TableCell, span: Int, width: Int, isHeader: Bool) -> String {
        var tcPr = #"<w:tcW w:w="\#(width)" w:type="dxa"/>"#
        if span > 1 { tcPr += #"<w:gridSpan w:val="\#(span)"/>"# }
        if cell.emphasis == .flagged {
            tcPr += #"<w:shd w:val="clear" w:color="auto" w:fill="\#(DOCXStyles.flag)"/>"#
        } else if isHeader {
            tcPr += #"<w:shd w:val="clear" w:color="auto" w:fill="\#(DOCXStyles.soft)"/>"#
        }
        var format = WordXML.RunFormat()
        format.bold = isHeader || cell.emphasis == .strong
        if cell.emphasis == .muted {
            format.italic = true
            format.color = DOCXStyles.grey
        }
        var pPr = ""
        switch cell.alignment {
        case .leading: break
        case .center: pPr = #"<w:jc w:val="center"/>"#
        case .trailing: pPr = #"<w:jc w:val="right"/>"#
        }
        if isHeader { pPr = "<w:keepNext/>" + pPr }
        let runs = cell.text.isEmpty ? "" : WordXML.run(cell.text, format: format)
        return "<w:tc><w:tcPr>\(tcPr)</w:tcPr>"
            + WordXML.paragraph(style: DOCXStyles.ID.tableText, properties: pPr, runs: runs) + "</w:tc>"
    }

    /// Twips per grid column: the text width shared in proportion to each column's longest single-column
    /// text, between 4 and 40 characters, so a code column stays narrow and a title column gets the room.
    static func columnWidths(_ rows: [[TableCell]], columns: Int) -> [Int] {
        var weights = Array(repeating: 4, count: columns)
        for row in rows {
            var column = 0
            for cell in row {
                if cell.columnSpan == 1, column < columns {
                    weights[column] = max(weights[column], min(cell.text.count, 40))
                }
                column += cell.columnSpan
            }
        }
        let total = weights.reduce(0, +)
        var widths = weights.map { $0 * textWidth / total }
        widths[columns - 1] += textWidth - widths.reduce(0, +)
        return widths
    }
}
