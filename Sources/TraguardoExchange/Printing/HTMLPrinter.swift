import Foundation

/// What prints an HTML document to a PDF file: a new Chromium per print (`ChromiumPrinter`, the command line's
/// way) or a warm one lent by a pool (`ChromiumPool`, the server's).
public protocol HTMLPrinter: Sendable {
    /// How long a print (or another program run beside it, such as `pdftotext`) may take.
    var timeout: TimeInterval { get }
    /// Writes `html` as an A4 PDF (page size, margins, running headers and page numbers from the document's own
    /// print CSS) to `destination`, whole or not at all.
    func pdf(html: String, to destination: URL) throws(PrintingError)
}

extension ChromiumPrinter: HTMLPrinter {}
