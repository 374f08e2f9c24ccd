import Foundation
import Testing
import TraguardoTestSupport

/// `traguardo report`: the Relazione in HTML from the database; the documents and formats not yet built
/// answer in Italian with what exists.
@Suite("traguardo report")
struct ReportCommandsTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-report-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func relazioneIsWrittenAsHTML() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("traguardo.sqlite").path
        let imported = try CommandLineRunner.run(["import", "--database", database, Self.examples.appendingPathComponent("lucca-2018").path])
        #expect(imported.status == 0, "\(imported)")
        let file = folder.appendingPathComponent("relazione.html")
        let result = try CommandLineRunner.run([
            "report", "relazione", "--database", database, "--entity", "lucca", "--year", "2018", "--format", "html", "-o", file.path,
        ])
        #expect(result.status == 0, "\(result)")
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("lang=\"it\""))
        #expect(html.contains("Relazione sulla performance 2018"))
        #expect(html.contains(">99,22<"))
        #expect(html.contains("database SQLite «traguardo.sqlite»"))
        // The snapshot: period, the last change of the audit log (the import), the data's fingerprint.
        #expect(html.contains("Istantanea dei dati: periodo ANNO "), "\(html.prefix(3000))")
        #expect(html.contains("ultima modifica n. "))
        #expect(html.contains("impronta "))
    }

    @Test func relazioneTablesAreWrittenAsXLSX() throws {
        try OpenPyXL.require()
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("traguardo.sqlite").path
        #expect(try CommandLineRunner.run(["import", "--database", database, Self.examples.appendingPathComponent("lucca-2018").path]).status == 0)
        let file = folder.appendingPathComponent("relazione.xlsx").path
        let result = try CommandLineRunner.run([
            "report", "relazione", "--database", database, "--entity", "lucca", "--year", "2018", "--format", "xlsx", "-o", file,
        ])
        #expect(result.status == 0, "\(result)")
        // openpyxl: the sheets, and every numeric cell of each.
        let json = try Python.text("""
            import openpyxl, json
            wb = openpyxl.load_workbook(\(Python.literal(file)))
            out = {}
            for ws in wb.worksheets:
                out[ws.title] = {'text': [str(c) for r in ws.iter_rows(values_only=True) for c in r if isinstance(c, str)],
                                 'numbers': [float(c) for r in ws.iter_rows(values_only=True) for c in r if isinstance(c, (int, float))]}
            print(json.dumps(out))
            """)
        let sheets = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: [Any]]])
        let about = try #require(sheets["Documento"])
        #expect(about["text"]?.contains { ($0 as? String)?.contains("metodologia «SMVP CCIAA Lucca 2018") == true } == true, "\(about)")
        #expect(sheets.count > 3, "\(sheets.keys.sorted())")
        // The Carta dei servizi total 99,22 is a number, not a text.
        #expect(sheets.values.contains { ($0["numbers"] as? [Double])?.contains(99.22) == true }, "\(sheets.keys.sorted())")
        #expect(sheets.values.contains { ($0["numbers"] as? [Double])?.contains(99.75) == true })
    }

    /// The 2018 Relazione printed by headless Chromium, read back with poppler's pdftotext and pdfinfo.
    @Test func relazioneIsPrintedToPDFByChromium() throws {
        let tools = try ExternalProgram.require(["pdftotext", "pdfinfo"], debianPackage: "poppler-utils")
        try ExternalProgram.require(["chromium"], debianPackage: "chromium")
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("traguardo.sqlite").path
        #expect(try CommandLineRunner.run(["import", "--database", database, Self.examples.appendingPathComponent("lucca-2018").path]).status == 0)
        let file = folder.appendingPathComponent("relazione.pdf").path
        let result = try CommandLineRunner.run([
            "report", "relazione", "--database", database, "--entity", "lucca", "--year", "2018", "--format", "pdf", "-o", file,
        ])
        #expect(result.status == 0, "\(result)")
        let text = try ExternalProgram.output(tools[0], ["-layout", file, "-"])
        #expect(text.contains("Relazione sulla performance 2018"), "\(text.prefix(500))")
        #expect(text.contains("99,22"))
        #expect(text.contains("99,75"))
        #expect(text.contains("Camera di Commercio"))
        #expect(text.contains("metodologia «SMVP CCIAA Lucca 2018"))
        // Running footer from the print CSS: «Pagina 1 di N».
        let info = try ExternalProgram.output(tools[1], [file])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
        let count = try #require(pages, "\(info)")
        #expect(count >= 5, "la Relazione 2018 ha un capitolo per dirigente e quattro allegati: \(count) pagine")
        #expect(text.contains("Pagina 1 di \(count)"), "\(text.prefix(800))")
        #expect(info.contains("(A4)"), "\(info)")
    }

    @Test func pdfWithoutChromiumNamesTheMissingProgram() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("traguardo.sqlite").path
        #expect(try CommandLineRunner.run(["import", "--database", database, Self.examples.appendingPathComponent("lucca-2018").path]).status == 0)
        let file = folder.appendingPathComponent("relazione.pdf").path
        let result = try CommandLineRunner.run(
            ["report", "relazione", "--database", database, "--entity", "lucca", "--year", "2018", "--format", "pdf", "-o", file],
            environment: ["PATH": "/nonexistent"])
        #expect(result.status != 0)
        #expect(result.errors.contains("serve Chromium, che non è installato"), "\(result)")
        #expect(result.errors.contains("apt-get install chromium"))
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    /// Each document of the examples from the database, with the figures of its seed.
    @Test(arguments: [
        ("rpp", "toscana-nord-ovest-2022", "toscana-nord-ovest", 2022, ["Relazione Previsionale e Programmatica 2022", "1.418.965,00"]),
        ("rpp", "toscana-nord-ovest-2022", "lucca", 2022, ["Relazione Previsionale e Programmatica 2022", "1.418.965,00"]),
        ("piano", "lucca-2017", "lucca", 2017, ["Albero della performance", "scheda"]),
        ("valutazione", "lucca-2013", "lucca", 2013, ["Scheda di valutazione 2013", "Segretario Generale"]),
    ])
    func documentsFromTheDatabase(kind: String, example: String, entity: String, year: Int, expected: [String]) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("traguardo.sqlite").path
        #expect(try CommandLineRunner.run(["import", "--database", database, Self.examples.appendingPathComponent(example).path]).status == 0)
        let result = try CommandLineRunner.run(["report", kind, "--database", database, "--entity", entity, "--year", String(year)])
        #expect(result.status == 0, "\(result)")
        for text in expected {
            #expect(result.output.localizedCaseInsensitiveContains(text), "«\(text)» manca in \(kind) \(entity) \(year)")
        }
        #expect(result.output.contains("Istantanea dei dati"))
    }

    /// The RPP of a merged Ente is made of its parts: without the plan of one of them, an error naming it.
    @Test func mergedRPPNeedsThePlansOfItsParts() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("traguardo.sqlite").path
        let tno = Self.examples.appendingPathComponent("toscana-nord-ovest-2022/toscana-nord-ovest.yaml").path
        let imported = try CommandLineRunner.run(["import", "--database", database, tno])
        #expect(imported.status == 0, "\(imported)")
        let result = try CommandLineRunner.run(["report", "rpp", "--database", database, "--entity", "toscana-nord-ovest", "--year", "2022"])
        #expect(result.status != 0)
        #expect(result.errors.contains("che non è nel database"), "\(result)")
        #expect(result.errors.contains("«lucca»") || result.errors.contains("«massa-carrara»") || result.errors.contains("«pisa»"), "\(result)")
    }

    @Test func unknownDocumentsAndFormatsNameWhatExists() throws {
        let unknown = try CommandLineRunner.run(["report", "bilancio", "--entity", "lucca", "--year", "2018"])
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("documento «bilancio» sconosciuto"), "\(unknown)")
        #expect(unknown.errors.contains("«relazione»"))
        let format = try CommandLineRunner.run(["report", "relazione", "--entity", "lucca", "--year", "2018", "--format", "odt"])
        #expect(format.status != 0)
        #expect(format.errors.contains("formato «odt» non previsto per «relazione»"), "\(format)")
        #expect(format.errors.contains("«html»"), "\(format)")
    }
}
