import Foundation
import TraguardoDocuments
import ZIPFoundation
import TraguardoSpreadsheet

/// Writes the parts `DOCXWriter` made as a DOCX file (a ZIP archive). The file appears whole or not at all:
/// it is written through `OutputFile` (a temporary name, then a rename; a device or FIFO is written in place).
public enum DOCXPackage {
    public static func write(parts: [DOCXPart], to url: URL, modifiedAt: Date = Date()) throws(SpreadsheetError) {
        let fileName = url.lastPathComponent
        guard parts.contains(where: { $0.path == "[Content_Types].xml" }) else {
            throw SpreadsheetError(file: fileName, message: "un documento DOCX deve avere la parte [Content_Types].xml")
        }
        var seen = Set<String>()
        for part in parts where !seen.insert(part.path.lowercased()).inserted {
            throw SpreadsheetError(file: fileName, message: "due parti del documento si chiamano \"\(part.path)\"")
        }
        try OutputFile.write(to: url) { temporary in
            let archive = try Archive(url: temporary, accessMode: .create)
            for part in parts { try OfficePackage.add(part.data, as: part.path, to: archive, modifiedAt: modifiedAt) }
        }
    }
}
