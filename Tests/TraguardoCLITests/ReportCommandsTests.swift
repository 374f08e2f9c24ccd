import Foundation
import Testing
import TraguardoTestSupport

/// `traguardo report`: the Relazione in HTML from the database; the documents and formats not yet built
/// answer in Italian with what exists.
@Suite("traguardo report")
struct ReportCommandsTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    /// A temporary folder with the path of a database in it, removed afterwards.
    func withFolder(_ body: (URL, String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-report-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder, folder.appendingPathComponent("traguardo.sqlite").path)
    }

    /// The same, with an example (a folder of `Examples/`) imported into the database.
    func withImported(_ example: String, _ body: (URL, String) async throws -> Void) async throws {
        try await withFolder { folder, database in
            let imported = try await CommandLineRunner.run(["import", "--database", database, Self.examples.appendingPathComponent(example).path])
            #expect(imported.status == 0, "\(imported)")
            try await body(folder, database)
        }
    }

    @Test func relazioneIsWrittenAsHTML() async throws {
        try await withImported("lucca-2018") { folder, database in
            let file = folder.appendingPathComponent("relazione.html")
            let result = try await CommandLineRunner.run([
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
    }

    @Test func relazioneTablesAreWrittenAsXLSX() async throws {
        try OpenPyXL.require()
        try await withImported("lucca-2018") { folder, database in
            let file = folder.appendingPathComponent("relazione.xlsx").path
            let result = try await CommandLineRunner.run([
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
    }

    /// The 2018 Relazione printed by headless Chromium, read back with poppler's pdftotext and pdfinfo.
    @Test func relazioneIsPrintedToPDFByChromium() async throws {
        let tools = try ExternalProgram.require(["pdftotext", "pdfinfo"], debianPackage: "poppler-utils")
        try ExternalProgram.require(["chromium"], debianPackage: "chromium")
        try await withImported("lucca-2018") { folder, database in
            let file = folder.appendingPathComponent("relazione.pdf").path
            let result = try await CommandLineRunner.run([
                "report", "relazione", "--database", database, "--entity", "lucca", "--year", "2018", "--format", "pdf", "-o", file,
            ])
            #expect(result.status == 0, "\(result)")
            let text = try ExternalProgram.output(tools[0], ["-layout", file, "-"])
            #expect(text.contains("Relazione sulla performance 2018"), "\(text.prefix(500))")
            #expect(text.contains("99,22"))
            #expect(text.contains("99,75"))
            #expect(text.contains("Camera di Commercio"))
            #expect(text.contains("metodologia «SMVP CCIAA Lucca 2018"))
            // Running footer from the print CSS: «Pagina 2 di N» (the cover, page 1, has none).
            let info = try ExternalProgram.output(tools[1], [file])
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
            let count = try #require(pages, "\(info)")
            #expect(count >= 5, "la Relazione 2018 ha un capitolo per dirigente e quattro allegati: \(count) pagine")
            #expect(text.contains("Pagina 2 di \(count)") && !text.contains("Pagina 1 di"), "\(text.prefix(800))")
            #expect(info.contains("(A4)"), "\(info)")
        }
    }

    @Test func pdfWithoutChromiumNamesTheMissingProgram() async throws {
        try await withImported("lucca-2018") { folder, database in
            let file = folder.appendingPathComponent("relazione.pdf").path
            let result = try await CommandLineRunner.run(
                ["report", "relazione", "--database", database, "--entity", "lucca", "--year", "2018", "--format", "pdf", "-o", file],
                environment: ["PATH": "/nonexistent"])
            #expect(result.status != 0)
            #expect(result.errors.contains("serve Chromium, che non è installato"), "\(result)")
            #expect(result.errors.contains("apt-get install chromium"))
            #expect(!FileManager.default.fileExists(atPath: file))
        }
    }

    /// Each document of the examples from the database, with the figures of its seed.
    @Test(arguments: [
        ("rpp", "toscana-nord-ovest-2022", "toscana-nord-ovest", 2022, ["Relazione Previsionale e Programmatica 2022", "1.418.965,00"]),
        ("rpp", "toscana-nord-ovest-2022", "lucca", 2022, ["Relazione Previsionale e Programmatica 2022", "1.418.965,00"]),
        ("piano", "lucca-2017", "lucca", 2017, ["Albero della performance", "scheda"]),
        ("valutazione", "lucca-2013", "lucca", 2013, ["Scheda di valutazione 2013", "Segretario Generale"]),
    ])
    func documentsFromTheDatabase(kind: String, example: String, entity: String, year: Int, expected: [String]) async throws {
        try await withImported(example) { _, database in
            let result = try await CommandLineRunner.run(["report", kind, "--database", database, "--entity", entity, "--year", String(year)])
            #expect(result.status == 0, "\(result)")
            for text in expected {
                #expect(result.output.localizedCaseInsensitiveContains(text), "«\(text)» manca in \(kind) \(entity) \(year)")
            }
            #expect(result.output.contains("Istantanea dei dati"))
        }
    }

    /// The RPP of a merged Ente is made of its parts: without the plan of one of them, an error naming it.
    @Test func mergedRPPNeedsThePlansOfItsParts() async throws {
        // Only the merged Ente's own file: its parts are missing.
        try await withImported("toscana-nord-ovest-2022/toscana-nord-ovest.yaml") { _, database in
            let result = try await CommandLineRunner.run(["report", "rpp", "--database", database, "--entity", "toscana-nord-ovest", "--year", "2022"])
            #expect(result.status != 0)
            #expect(result.errors.contains("che non è nel database"), "\(result)")
            #expect(result.errors.contains("«lucca»") || result.errors.contains("«massa-carrara»") || result.errors.contains("«pisa»"), "\(result)")
        }
    }

    /// The 2022 RPP of the merged Ente as a Word file, read back with python-docx.
    @Test func rppIsWrittenAsDOCX() async throws {
        try PythonDocx.require()
        try await withImported("toscana-nord-ovest-2022") { folder, database in
            let file = folder.appendingPathComponent("rpp.docx").path
            let result = try await CommandLineRunner.run([
                "report", "rpp", "--database", database, "--entity", "toscana-nord-ovest", "--year", "2022", "--format", "docx", "-o", file,
            ])
            #expect(result.status == 0, "\(result)")
            let json = try Python.text("""
                import docx, json
                d = docx.Document(\(Python.literal(file)))
                cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
                print(json.dumps({'headings': [p.text for p in d.paragraphs if p.style.name == 'Heading 1'],
                                  'paragraphs': [p.text for p in d.paragraphs], 'cells': cells}))
                """)
            let read = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String]])
            let headings = read["headings"] ?? []
            #expect(headings.filter { $0.hasPrefix("Parte ") }.count == 3, "\(headings)")
            #expect(read["cells"]?.contains("1.418.965,00") == true)
            #expect(read["paragraphs"]?.contains { $0.hasPrefix("Istantanea dei dati:") } == true)
        }
    }

    /// Open data: one JSON file, or a folder of CSV with datapackage.json; read back with python's json and csv.
    @Test func openDataIsWrittenAsJSONAndCSV() async throws {
        try await withImported("lucca-2013") { folder, database in
            let json = folder.appendingPathComponent("dati.json").path
            let csv = folder.appendingPathComponent("dati-aperti").path
            let base = ["report", "opendata", "--database", database, "--entity", "lucca", "--year", "2013"]
            #expect(try await CommandLineRunner.run(base + ["--format", "json", "-o", json]).status == 0)
            let written = try await CommandLineRunner.run(base + ["--format", "csv", "-o", csv])
            #expect(written.status == 0, "\(written)")
            #expect(written.errors.contains("elementi.csv"))
            let summary = try Python.text("""
                import json, csv, os
                from decimal import Decimal
                data = json.load(open(\(Python.literal(json)), encoding='utf-8'), parse_float=Decimal)
                package = json.load(open(os.path.join(\(Python.literal(csv)), 'datapackage.json'), encoding='utf-8'))
                headers_match = True
                for resource in package['resources']:
                    with open(os.path.join(\(Python.literal(csv)), resource['path']), encoding='utf-8', newline='') as f:
                        header = next(csv.reader(f))
                    headers_match = headers_match and header == [field['name'] for field in resource['schema']['fields']]
                with open(os.path.join(\(Python.literal(csv)), 'elementi.csv'), encoding='utf-8', newline='') as f:
                    rows = list(csv.DictReader(f))
                print(json.dumps({'ente': data['metadati']['ente'], 'anno': data['metadati']['anno'],
                    'headers': headers_match, 'jsonRows': len(data['elementi']), 'csvRows': len(rows),
                    'shown': sorted(set(r['punteggio_mostrato'] for r in rows))}))
                """)
            let read = try #require(try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any])
            #expect(read["ente"] as? String == "lucca")
            #expect(read["anno"] as? Int == 2013)
            #expect(read["headers"] as? Bool == true)
            #expect((read["jsonRows"] as? Int) == (read["csvRows"] as? Int))
            #expect((read["shown"] as? [String])?.contains("97,51") == true, "il totale dei procedimenti")
            let noFolder = try await CommandLineRunner.run(base + ["--format", "csv"])
            #expect(noFolder.status != 0)
            #expect(noFolder.errors.contains("indicare la cartella con -o CARTELLA"), "\(noFolder)")
        }
    }

    @Test func unknownDocumentsAndFormatsNameWhatExists() async throws {
        let unknown = try await CommandLineRunner.run(["report", "bilancio", "--entity", "lucca", "--year", "2018"])
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("documento «bilancio» sconosciuto"), "\(unknown)")
        #expect(unknown.errors.contains("«relazione»"))
        let format = try await CommandLineRunner.run(["report", "relazione", "--entity", "lucca", "--year", "2018", "--format", "odt"])
        #expect(format.status != 0)
        #expect(format.errors.contains("formato «odt» non previsto per «relazione»"), "\(format)")
        #expect(format.errors.contains("«html»"), "\(format)")
    }
}

/// `traguardo report monitoraggio --period P`: the interim report with the year-end forecast and its rule.
@Suite("traguardo report monitoraggio")
struct MonitoringReportCommandTests {
    @Test func theInterimReportStatesTheForecastRule() async throws {
        try await ReportCommandsTests().withImported("lucca-2018") { folder, database in
            let file = folder.appendingPathComponent("monitoraggio.html")
            let result = try await CommandLineRunner.run([
                "report", "monitoraggio", "--database", database, "--entity", "lucca", "--year", "2018", "--period", "ANNO",
                "--format", "html", "-o", file.path,
            ])
            #expect(result.status == 0, "\(result)")
            let html = try String(contentsOf: file, encoding: .utf8)
            #expect(html.contains("Relazione di monitoraggio 2018"))
            #expect(html.contains("Previsione a fine anno: per gli indicatori cumulativi"))
            #expect(html.contains("Sintesi della previsione"))
            #expect(html.contains("Azioni correttive"))
        }
    }
}
