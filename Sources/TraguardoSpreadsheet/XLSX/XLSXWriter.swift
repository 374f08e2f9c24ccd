import Foundation
import ZIPFoundation

/// Writes a minimal, valid XLSX package that Excel, LibreOffice and openpyxl open: one worksheet per
/// `WorksheetContent`, bold frozen header rows, column widths, text columns, dates as `dd/mm/yyyy`, numbers
/// in the formats the sheets give (`#,##0.00`).
/// The file appears whole or not at all, through `OutputFile` (a device or FIFO is written in place, once complete).
public enum XLSXWriter {
    public static func write(_ sheets: [WorksheetContent], to url: URL) throws(SpreadsheetError) {
        let fileName = url.lastPathComponent
        guard !sheets.isEmpty else {
            throw SpreadsheetError(file: fileName, message: "una cartella di lavoro deve avere almeno un foglio")
        }
        var seen = Set<String>()
        for sheet in sheets {
            if let problem = SheetName.problem(with: sheet.name) {
                throw SpreadsheetError(file: fileName, message: problem)
            }
            guard seen.insert(sheet.name.lowercased()).inserted else {
                throw SpreadsheetError(file: fileName, message: "due fogli si chiamano \"\(sheet.name)\"")
            }
        }
        var numberFormats: [NumberFormat] = []
        for sheet in sheets {
            for format in sheet.numberFormats.sorted(by: { ($0.key.row, $0.key.column) < ($1.key.row, $1.key.column) }).map(\.value)
            where !numberFormats.contains(format) {
                numberFormats.append(format)
            }
        }
        let numberStyles = XLSXPackageParts.numberStyles(numberFormats)
        try OutputFile.write(to: url) { temporary in
            let archive = try Archive(url: temporary, accessMode: .create)
            try add(XLSXPackageParts.contentTypes(sheetCount: sheets.count), as: "[Content_Types].xml", to: archive)
            try add(XLSXPackageParts.rootRelationships, as: "_rels/.rels", to: archive)
            try add(XLSXPackageParts.workbook(sheetNames: sheets.map(\.name)), as: "xl/workbook.xml", to: archive)
            try add(XLSXPackageParts.workbookRelationships(sheetCount: sheets.count), as: "xl/_rels/workbook.xml.rels", to: archive)
            try add(XLSXPackageParts.styles(numberFormats: numberFormats), as: "xl/styles.xml", to: archive)
            for (index, sheet) in sheets.enumerated() {
                let part = FileManager.default.temporaryDirectory
                    .appendingPathComponent("traguardo-sheet-\(UUID().uuidString).xml")
                defer { try? FileManager.default.removeItem(at: part) }
                try WorksheetXMLWriter.write(
                    sheet, selected: index == 0, numberStyles: numberStyles, to: part, fileName: fileName)
                try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", fileURL: part, compressionMethod: .deflate)
            }
        }
    }

    private static func add(_ text: String, as path: String, to archive: Archive) throws {
        try OfficePackage.add(Data(text.utf8), as: path, to: archive)
    }
}
