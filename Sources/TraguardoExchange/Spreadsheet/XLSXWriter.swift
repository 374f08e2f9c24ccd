import Foundation
import ZIPFoundation

/// Writes a minimal, valid XLSX package that Excel, LibreOffice and openpyxl open: one worksheet per
/// `WorksheetContent`, bold frozen header rows, column widths, text columns, dates as `dd/mm/yyyy`.
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
        try OutputFile.write(to: url) { temporary in
            let archive = try Archive(url: temporary, accessMode: .create)
            try add(XLSXPackageParts.contentTypes(sheetCount: sheets.count), as: "[Content_Types].xml", to: archive)
            try add(XLSXPackageParts.rootRelationships, as: "_rels/.rels", to: archive)
            try add(XLSXPackageParts.workbook(sheetNames: sheets.map(\.name)), as: "xl/workbook.xml", to: archive)
            try add(XLSXPackageParts.workbookRelationships(sheetCount: sheets.count), as: "xl/_rels/workbook.xml.rels", to: archive)
            try add(XLSXPackageParts.styles, as: "xl/styles.xml", to: archive)
            for (index, sheet) in sheets.enumerated() {
                let part = FileManager.default.temporaryDirectory
                    .appendingPathComponent("traguardo-sheet-\(UUID().uuidString).xml")
                defer { try? FileManager.default.removeItem(at: part) }
                try WorksheetXMLWriter.write(sheet, selected: index == 0, to: part, fileName: fileName)
                try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", fileURL: part, compressionMethod: .deflate)
            }
        }
    }

    private static func add(_ text: String, as path: String, to archive: Archive) throws {
        try OfficePackage.add(Data(text.utf8), as: path, to: archive)
    }
}
