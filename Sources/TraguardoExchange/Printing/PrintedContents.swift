import Foundation
import TraguardoDocuments

/// The page numbers of a printed document's table of contents. Chromium prints no `target-counter()`, so the
/// document is printed once with the numbers left blank (their room kept), the text of each page is read
/// with poppler's `pdftotext`, and each chapter and section is found on the first page after the contents
/// that shows its heading; the second print carries the numbers.
///
/// Without `pdftotext` on the machine (or when a heading cannot be found) the table of contents is printed
/// without numbers: its entries are still links to the chapters.
public enum PrintedContents {
    /// The program is looked for in `TRAGUARDO_PDFTOTEXT`, then on the `PATH`.
    static func pdftotext(environment: [String: String]) -> URL? {
        let manager = FileManager.default
        if let path = environment["TRAGUARDO_PDFTOTEXT"], !path.isEmpty {
            return manager.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
        }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = URL(fileURLWithPath: String(folder)).appendingPathComponent("pdftotext").path
            if manager.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
        }
        return nil
    }

    /// Prints `document` to `destination` with its table of contents numbered.
    public static func print(
        _ document: Document, with printer: any HTMLPrinter, to destination: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PrintingError) {
        let entries = HTMLWriter.contents(of: document)
        guard !entries.isEmpty, let reader = pdftotext(environment: environment) else {
            try printer.pdf(html: HTMLWriter.html(document), to: destination)
            return
        }
        let manager = FileManager.default
        let work = manager.temporaryDirectory.appendingPathComponent("traguardo-indice-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: work) }
        do { try manager.createDirectory(at: work, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(work.path, error.localizedDescription)
        }
        let draft = work.appendingPathComponent("prova.pdf")
        try printer.pdf(html: HTMLWriter.html(document), to: draft)
        let text = work.appendingPathComponent("prova.txt")
        let run = try ProgramRun.run(reader, arguments: ["-enc", "UTF-8", draft.path, text.path], timeout: printer.timeout)
        guard run.status == 0, let read = try? String(contentsOf: text, encoding: .utf8),
              let pages = pages(of: entries, in: read.components(separatedBy: "\u{0C}"))
        else {
            try printer.pdf(html: HTMLWriter.html(document), to: destination)
            return
        }
        try printer.pdf(html: HTMLWriter.html(document, pages: pages), to: destination)
    }

    /// The page (from 1) of each entry: the first page, after the one that ends the contents and not before
    /// the previous entry's, whose text holds the heading (spaces and line breaks compared as one space).
    /// Nil when the contents' end or any heading is not found.
    public static func pages(of entries: [HTMLWriter.ContentsEntry], in pageTexts: [String]) -> [Int]? {
        let texts = pageTexts.map(squeezed)
        guard let end = texts.firstIndex(where: { $0.contains(squeezed(HTMLWriter.contentsEnd)) }) else { return nil }
        var from = end + 1
        var found: [Int] = []
        for entry in entries {
            let heading = squeezed(entry.text)
            guard let page = texts.indices.first(where: { $0 >= from && texts[$0].contains(heading) }) else { return nil }
            found.append(page + 1)
            from = page
        }
        return found
    }

    /// Every run of white space as one space (a heading wrapped over two lines is still the same text).
    static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
