import Foundation
import TraguardoCore

/// Turns the tokens of a worksheet part into rows, as they complete: `<row r>`, `<c r t s>`, `<v>`,
/// `<is><t>` (runs concatenated, phonetic guides dropped); formulas (`<f>`) are ignored, their cached
/// value is what is read. Completed rows wait in `completed` until the reader hands them on.
struct SheetDataParser: XMLTokenHandler {
    let sharedStrings: [String]
    let dateStyles: [Bool]
    let date1904: Bool

    var completed: [SpreadsheetRow] = []
    /// The number of the row being read (or the last one read): where an error is reported.
    private(set) var rowNumber = 0

    private var inSheetData = false
    private var inRow = false
    private var cells: [SpreadsheetCell] = []
    private var nextColumn = 0

    private var inCell = false
    private var cellColumn = 0
    private var cellType = ""
    private var cellStyle = 0
    private var value = ""
    private var hasValue = false
    private var inValue = false
    private var inlineText = ""
    private var hasInline = false
    private var inInline = false
    private var inInlineText = false
    private var phoneticDepth = 0

    init(sharedStrings: [String], dateStyles: [Bool], date1904: Bool) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    var wantsText: Bool { inValue || (inInlineText && phoneticDepth == 0) }

    mutating func startElement(_ name: String, attributes: [XMLAttribute]) throws {
        switch name {
        case "sheetData":
            inSheetData = true
        case "row" where inSheetData:
            if let text = attributes[attribute: "r"] {
                guard let number = Int(text), number >= 1 else {
                    throw XMLSyntaxError(message: "numero di riga «\(text)» non valido")
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            inRow = true
            cells.removeAll(keepingCapacity: true)
            nextColumn = 0
        case "c" where inRow:
            if let reference = attributes[attribute: "r"] {
                guard let column = CellReference.column(of: reference.utf8) else {
                    throw XMLSyntaxError(message: "riferimento di cella «\(reference)» non valido")
                }
                cellColumn = column
            } else {
                cellColumn = nextColumn
            }
            cellType = attributes[attribute: "t"] ?? "n"
            cellStyle = attributes[attribute: "s"].flatMap(Int.init) ?? 0
            inCell = true
            value = ""
            hasValue = false
            inlineText = ""
            hasInline = false
        case "v" where inCell:
            inValue = true
            hasValue = true
        case "is" where inCell:
            inInline = true
            hasInline = true
        case "t" where inInline:
            inInlineText = true
        case "rPh" where inInline:
            phoneticDepth += 1
        default:
            break
        }
    }

    mutating func endElement(_ name: String) throws {
        switch name {
        case "sheetData":
            inSheetData = false
        case "row" where inRow:
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            completed.append(SpreadsheetRow(number: rowNumber, cells: cells))
            inRow = false
        case "c" where inCell:
            let cell = try resolveCell()
            if cellColumn >= cells.count {
                cells.append(contentsOf: repeatElement(.empty, count: cellColumn - cells.count))
                cells.append(cell)
            } else {
                cells[cellColumn] = cell
            }
            nextColumn = cellColumn + 1
            inCell = false
        case "v":
            inValue = false
        case "is":
            inInline = false
        case "t":
            inInlineText = false
        case "rPh" where inInline:
            phoneticDepth -= 1
        default:
            break
        }
    }

    mutating func text(_ text: String) throws {
        if inValue {
            value += text
        } else {
            inlineText += text
        }
    }

    private func resolveCell() throws -> SpreadsheetCell {
        let place = CellReference.letters(ofColumn: cellColumn) + String(rowNumber)
        switch cellType {
        case "s":
            guard hasValue else { return .empty }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                throw XMLSyntaxError(message: "la cella \(place) rimanda alla stringa condivisa «\(value)», che non esiste")
            }
            return .text(sharedStrings[index])
        case "inlineStr":
            if hasInline { return .text(inlineText) }
            return hasValue ? .text(value) : .empty
        case "str":
            return hasValue ? .text(value) : .empty
        case "b":
            guard hasValue else { return .empty }
            switch value.trimmingCharacters(in: .whitespaces) {
            case "1", "true": return .boolean(true)
            case "0", "false": return .boolean(false)
            default: throw XMLSyntaxError(message: "valore logico «\(value)» non valido nella cella \(place)")
            }
        case "e":
            return hasValue ? .error(value) : .empty
        case "d":
            guard hasValue else { return .empty }
            if let date = CivilDate(iso: String(value.prefix(10))) { return .date(date) }
            throw XMLSyntaxError(message: "data «\(value)» non valida nella cella \(place)")
        case "n":
            guard hasValue, !value.isEmpty else { return .empty }
            guard let number = DecimalText.parse(value).map(ExcelPrecision.rounded) else {
                throw XMLSyntaxError(message: "numero «\(value)» non valido nella cella \(place)")
            }
            if cellStyle >= 0, cellStyle < dateStyles.count, dateStyles[cellStyle],
               let date = ExcelSerialDate.date(serial: number, date1904: date1904) {
                return .date(date)
            }
            return .number(number)
        default:
            throw XMLSyntaxError(message: "tipo di cella «\(cellType)» sconosciuto nella cella \(place)")
        }
    }
}
