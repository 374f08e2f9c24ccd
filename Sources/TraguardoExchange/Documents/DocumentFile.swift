import Foundation
import TraguardoDocuments
import TraguardoSpreadsheet

/// A document written as a file in one of its formats: what `traguardo report -o FILE` writes and what the
/// web application sends for download. Every file is written whole or not at all.
public enum DocumentFile {
    /// - Parameters:
    ///   - environment: where the PDF's Chromium is looked for (`ChromiumPrinter.find`).
    ///   - printer: what prints the PDF; nil: a new Chromium for this print (the command line's way).
    public static func write(
        _ document: Document, format: DocumentFormat, to url: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment, printer: (any HTMLPrinter)? = nil
    ) throws(DocumentFileError) {
        switch format {
        case .html:
            do { try OutputFile.write(Data(HTMLWriter.html(document).utf8), to: url) } catch {
                throw DocumentFileError(message: "impossibile scrivere «\(url.path)»: \(error.message)")
            }
        case .xlsx:
            do { try XLSXWriter.write(DocumentWorkbook.sheets(document), to: url) } catch {
                throw DocumentFileError(message: error.description)
            }
        case .pdf:
            do throws(PrintingError) {
                let chosen: any HTMLPrinter
                if let printer { chosen = printer } else { chosen = try ChromiumPrinter.find(environment: environment) }
                try PrintedContents.print(document, with: chosen, to: url, environment: environment)
            } catch {
                throw DocumentFileError(message: error.description)
            }
        case .docx:
            let date = frozenDate(of: document) ?? Date()
            do { try DOCXPackage.write(parts: DOCXWriter.parts(document, createdAt: date), to: url, modifiedAt: date) } catch {
                throw DocumentFileError(message: error.description)
            }
        case .csv, .json:
            throw DocumentFileError(message: "il formato «\(format.rawValue)» non è previsto per «\(document.title)»")
        }
    }

    /// The date a document of a closed period carries inside its file (the last change of its frozen data), so
    /// that printing it again gives the same bytes; nil for the documents of open periods (they carry now).
    static func frozenDate(of document: Document) -> Date? {
        guard let snapshot = document.snapshot, snapshot.periodClosed == true else { return nil }
        return snapshot.lastChange?.at
    }

    /// The file's bytes (written through a temporary file for the formats whose writers need one).
    public static func data(
        _ document: Document, format: DocumentFormat, environment: [String: String] = ProcessInfo.processInfo.environment,
        printer: (any HTMLPrinter)? = nil
    ) throws(DocumentFileError) -> Data {
        if format == .html { return Data(HTMLWriter.html(document).utf8) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-\(UUID().uuidString).\(format.rawValue)")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(document, format: format, to: url, environment: environment, printer: printer)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DocumentFileError(message: "il file «\(url.path)» scritto non si rilegge")
        }
        return data
    }
}

/// Why a document could not be written, in Italian.
public struct DocumentFileError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
