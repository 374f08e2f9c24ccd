import Foundation
import TraguardoDocuments
import TraguardoExchange

/// Writes a document in a format: HTML as text (to the screen or a file), the others to `-o FILE` only.
enum ReportWriter {
    static func write(_ document: Document, format: ReportFormat, to path: String?, suggestedName: String) throws {
        if format == .html {
            try OutputWriter.write(HTMLWriter.html(document), to: path)
            return
        }
        guard let path, path != "-" else {
            throw CommandFailure(message: "indicare il file con -o FILE (per esempio -o \(suggestedName).\(format.rawValue))")
        }
        let url = URL(fileURLWithPath: path)
        switch format {
        case .html:
            break
        case .xlsx:
            do { try XLSXWriter.write(DocumentWorkbook.sheets(document), to: url) } catch {
                throw CommandFailure(message: error.description)
            }
        case .pdf:
            do { try ChromiumPrinter.find().pdf(html: HTMLWriter.html(document), to: url) } catch {
                throw CommandFailure(message: error.description)
            }
        }
    }
}
