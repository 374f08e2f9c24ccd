import Foundation
import TraguardoDocuments
import TraguardoExchange

/// Writes a document in a format: HTML as text (to the screen or a file), the others to `-o FILE` only.
enum ReportWriter {
    static func write(_ document: Document, format: DocumentFormat, to path: String?, suggestedName: String) throws {
        if format == .html {
            try OutputWriter.write(HTMLWriter.html(document), to: path)
            return
        }
        guard let path, path != "-" else {
            throw CommandFailure(message: "indicare il file con -o FILE (per esempio -o \(suggestedName).\(format.rawValue))")
        }
        do { try DocumentFile.write(document, format: format, to: URL(fileURLWithPath: path)) } catch {
            throw CommandFailure(message: error.message)
        }
    }
}
