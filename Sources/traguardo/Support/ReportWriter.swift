import Foundation
import TraguardoDocuments
import TraguardoExchange

/// Writes a document in a format: HTML as text (to the screen or a file), the others to `-o FILE`, or to
/// standard output when asked with `-o -` (never by default: a binary file would fill the terminal).
enum ReportWriter {
    static func write(_ document: Document, format: DocumentFormat, to path: String?, suggestedName: String) throws {
        if format == .html {
            try OutputWriter.write(HTMLWriter.html(document), to: path)
            return
        }
        let name = "\(suggestedName).\(format.rawValue)"
        guard let path else {
            throw CommandFailure(message: "indicare il file con -o FILE (per esempio -o \(name)), o -o - per l'uscita standard")
        }
        try OutputWriter.write(to: path, name: name) { url in try DocumentFile.write(document, format: format, to: url) }
    }
}
