import Foundation
import Testing
import TraguardoTestSupport

/// The Relazione of each example as a reader of «Amministrazione trasparente» gets it: printed by Chromium and
/// read back page by page with poppler's pdftotext, and as Word read back with python-docx. A cover page of its
/// own, a table of contents whose numbers are the pages the chapters are printed on, no folding «Dati del grafico»
/// nor the database's name, no heading left alone at the bottom of a page.
@Suite("Relazione stampata pronta da pubblicare")
struct PrintedRelazioneTests {
    /// Lucca 2013 and 2018 (a chapter per manager, allegati); Lucca 2017 has one chapter and no contents.
    static let examples: [(folder: String, entity: String, year: Int)] = [("lucca-2013", "lucca", 2013), ("lucca-2018", "lucca", 2018)]

    func imported(_ example: String, _ body: (URL, String) async throws -> Void) async throws {
        try await ReportCommandsTests().withImported(example, body)
    }

    static func squeezed(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The same Relazione as HTML, beside the PDF: its table of contents names the entries.
    static func html(_ database: String, _ example: (folder: String, entity: String, year: Int), _ folder: URL) async throws -> String {
        let file = folder.appendingPathComponent("relazione.html").path
        let result = try await CommandLineRunner.run([
            "report", "relazione", "--database", database, "--entity", example.entity, "--year", String(example.year),
            "--format", "html", "-o", file,
        ])
        #expect(result.status == 0, "\(result)")
        return file
    }

    @Test(arguments: examples)
    func thePDFHasACoverNumberedContentsAndNothingOfTheMachine(_ example: (folder: String, entity: String, year: Int)) async throws {
        let tools = try ExternalProgram.require(["pdftotext"], debianPackage: "poppler-utils")
        try ExternalProgram.require(["chromium"], debianPackage: "chromium")
        try await imported(example.folder) { folder, database in
            let file = folder.appendingPathComponent("relazione.pdf").path
            let result = try await CommandLineRunner.run([
                "report", "relazione", "--database", database, "--entity", example.entity, "--year", String(example.year),
                "--format", "pdf", "-o", file,
            ])
            #expect(result.status == 0, "\(result)")
            let pages = try ExternalProgram.output(tools[0], ["-enc", "UTF-8", file, "-"]).components(separatedBy: "\u{0C}")
                .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            let flat = pages.map(Self.squeezed)
            #expect(pages.count >= 5)
            // The cover: the title and the Ente, and no chapter.
            #expect(flat[0].contains("Relazione sulla performance \(example.year)"))
            #expect(flat[0].contains("Camera di Commercio"))
            #expect(!flat[0].contains("Indice"))
            // The contents on the next page(s): each entry with a number, and that page shows the heading.
            let contentsPage = try #require(flat.firstIndex { $0.contains("Indice") })
            #expect(contentsPage == 1, "l'indice subito dopo la copertina")
            let contentsEnd = try #require(flat.firstIndex { $0.contains("I numeri sono quelli delle pagine stampate.") })
            // The entries as the HTML writes them; on the printed contents each is followed by its page number.
            let html = try await String(contentsOf: URL(fileURLWithPath: try Self.html(database, example, folder)), encoding: .utf8)
            let headings = html.matches(of: /<span class="toc-text">([^<]*)<\/span>/).map { Self.unescaped(String($0.1)) }
            let contents = try (contentsPage...contentsEnd).map { index in
                Self.squeezed(try ExternalProgram.output(tools[0], ["-layout", "-enc", "UTF-8", "-f", "\(index + 1)", "-l", "\(index + 1)", file, "-"]))
            }.joined(separator: " ")
            #expect(headings.count >= 4)
            var entries: [(String, Int)] = []
            var from = contents.startIndex
            for heading in headings {
                let said = Self.squeezed(heading)
                let range = try #require(contents.range(of: said, range: from..<contents.endIndex), "«\(said)» non è nell'indice")
                let number = contents[range.upperBound...].prefix { $0 == " " || $0.isNumber }.trimmingCharacters(in: .whitespaces)
                let page = try #require(Int(number), "«\(said)» senza numero di pagina nell'indice")
                entries.append((said, page))
                from = range.upperBound
            }
            var previous = 0
            for (heading, page) in entries {
                #expect(page > contentsEnd && page <= pages.count, "«\(heading)» a pagina \(page) di \(pages.count)")
                #expect(page >= previous, "le pagine dell'indice crescono: «\(heading)» \(page) dopo \(previous)")
                previous = page
                guard page >= 1 && page <= pages.count else { continue }
                #expect(flat[page - 1].contains(heading), "«\(heading)» non è a pagina \(page)")
            }
            #expect(entries.contains { $0.0.contains("Appendice – Dati dei grafici") })
            // Nothing of the machine or of the screen.
            for (index, text) in flat.enumerated() {
                #expect(!text.contains("Dati del grafico"), "pagina \(index + 1)")
                #expect(!text.contains("▶"), "pagina \(index + 1)")
                #expect(!text.contains(".sqlite") && !text.contains("database SQLite"), "pagina \(index + 1): \(text.prefix(300))")
            }
            // Every page but the cover is numbered «Pagina N di M».
            for index in 1..<pages.count { #expect(flat[index].contains("Pagina \(index + 1) di \(pages.count)"), "pagina \(index + 1)") }
            // No heading alone at the foot of a page: after each chapter heading there is text on its page.
            for (heading, page) in entries where page >= 1 && page <= pages.count {
                let text = flat[page - 1]
                guard let range = text.range(of: heading, options: .backwards) else { continue }
                let after = text[range.upperBound...].replacing(/Pagina [0-9]+ di [0-9]+/, with: "")
                    .trimmingCharacters(in: .whitespaces)
                #expect(after.count > 20, "«\(heading)» resta solo in fondo a pagina \(page)")
            }
        }
    }

    @Test(arguments: examples)
    func theWordFileHasACoverATableOfContentsFieldAndStyledHeadings(_ example: (folder: String, entity: String, year: Int)) async throws {
        try PythonDocx.require()
        try await imported(example.folder) { folder, database in
            let file = folder.appendingPathComponent("relazione.docx").path
            let result = try await CommandLineRunner.run([
                "report", "relazione", "--database", database, "--entity", example.entity, "--year", String(example.year),
                "--format", "docx", "-o", file,
            ])
            #expect(result.status == 0, "\(result)")
            let json = try Python.text("""
                import docx, json
                d = docx.Document(\(Python.literal(file)))
                body = d.element.body
                W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
                instr = [t.text for t in body.iter(W + 'instrText')]
                settings = d.settings.element
                print(json.dumps({
                    'paragraphs': [[p.style.name, p.text] for p in d.paragraphs],
                    'instr': instr,
                    'update': [e.get(W + 'val') for e in settings.iter(W + 'updateFields')],
                    'cells': [c.text for t in d.tables for r in t.rows for c in r.cells],
                }))
                """)
            let read = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let paragraphs = (read["paragraphs"] as? [[String]] ?? []).map { (style: $0[0], text: $0[1]) }
            #expect(paragraphs.first?.text.contains("Camera di Commercio") == true)
            #expect(paragraphs.contains { $0.style == "Title" && $0.text.contains("Relazione sulla performance \(example.year)") })
            #expect((read["instr"] as? [String] ?? []).contains { $0.contains(#"TOC \o "1-2""#) }, "campo indice")
            #expect((read["update"] as? [String]) == ["true"], "Word aggiorna l'indice all'apertura")
            let headings = paragraphs.filter { $0.style == "Heading 1" }.map(\.text)
            let entries = paragraphs.filter { $0.style == "toc 1" }.map(\.text)
            #expect(headings.count >= 3)
            #expect(entries == headings, "una voce dell'indice per capitolo, nello stesso ordine")
            let texts = paragraphs.map(\.text) + (read["cells"] as? [String] ?? [])
            #expect(!texts.contains { $0.contains(".sqlite") || $0.contains("database SQLite") || $0.contains("Dati del grafico") })
        }
    }
}
