import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

@Suite("Schede di rilevazione: export, compilazione, import")
struct SheetCommandsTests {
    static let scope = CycleScope(entityCode: "prova", year: 2019)

    static func measurements(_ database: TestDatabase, period: String) async throws -> [String: TraguardoCore.Measurement] {
        let store = try await database.open()
        let plan = try await store.loadPlan(scope)
        await store.close()
        let paths = try #require(plan).itemPaths()
        var result: [String: TraguardoCore.Measurement] = [:]
        for m in try #require(plan).measurements where m.periodID.hasSuffix("/\(period)") { result[paths[m.itemID] ?? m.itemID] = m }
        return result
    }

    @Test(arguments: TestBackend.allCases)
    func anOfficesXLSXRoundTripStoresExactlyTheValuesWritten(_ backend: TestBackend) async throws {
        try OpenPyXL.require()
        try await SheetFixture.withDatabase(backend) { database, folder in
            let sheet = folder.appendingPathComponent("scheda-PROG-T2.xlsx").path
            let export = try await CommandLineRunner.run(["export", "--database", database.argument, "--entity", "prova", "--year", "2019",
                                                    "--period", "T2", "--office", "PROG", "--format", "xlsx", "-o", sheet])
            #expect(export.status == 0, "\(export)")
            #expect(export.errors.contains("ufficio PROG: 3 item"), "\(export)")
            // What an independent reader sees: heading, column titles, one row per item of PROG, T1's value.
            let cells = try Python.text("""
                import openpyxl, json
                ws = openpyxl.load_workbook(\(Python.literal(sheet)))['Rilevazioni']
                print(json.dumps([[c for c in row] for row in ws.iter_rows(values_only=True)], default=str))
                """)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(cells.utf8)) as? [[Any]])
            #expect(rows[1][0] as? String == "Ente" && rows[1][1] as? String == "prova")
            #expect(rows[3][1] as? String == "T2")
            #expect(rows[4][1] as? String == "PROG")
            #expect(rows[6].compactMap { $0 as? String } == ["Codice", "Obiettivo o nodo", "Indicatore", "Item", "Target", "Unità di misura",
                                                             "Valore periodo precedente", "Valore", "Motivo N.C.", "Scostamento giustificato", "Note"])
            #expect(rows.count == 10)
            #expect(rows[7][0] as? String == "A1/1/a" && rows[7][4] as? String == "≥ 90" && rows[7][6] as? String == "87")
            #expect(rows[8][0] as? String == "A1/1/b" && rows[8][4] as? String == "entro giugno 2019")
            #expect(!rows.contains { $0.first as? String == "A1/2/a" }, "l'item della Ragioneria non è nella scheda di PROG")

            // The office fills it with openpyxl: a number, a date as text, counts, an N.C. with its reason.
            try Python.text("""
                import openpyxl
                wb = openpyxl.load_workbook(\(Python.literal(sheet)))
                ws = wb['Rilevazioni']
                ws['H8'] = 95.5
                ws['K8'] = 'dato dal gestionale'
                ws['H9'] = '28/06/2019'
                ws['I10'] = 'nessun reclamo nel trimestre'
                wb.save(\(Python.literal(sheet)))
                """)
            let result = try await CommandLineRunner.run(["import", "--database", database.argument, sheet])
            #expect(result.status == 0, "\(result)")
            #expect(result.output.contains("3 righe compilate (0 uguali al database), 0 vuote"), "\(result)")
            #expect(result.output.contains("Rilevazioni: 3 nuove, 0 modificate, 0 invariate."), "\(result)")
            let stored = try await Self.measurements(database, period: "T2")
            #expect(stored.count == 3)
            #expect(stored["A1/1/a"]?.value == Decimal(string: "95.5") && stored["A1/1/a"]?.narrative == "dato dal gestionale")
            #expect(stored["A1/1/a"]?.provenance == Provenance(source: "scheda-PROG-T2.xlsx", lines: "8"))
            #expect(stored["A1/1/b"]?.date == CivilDate(year: 2019, month: 6, day: 28) && stored["A1/1/b"]?.text == "28/06/2019")
            #expect(stored["A1/1/c"]?.notComputableReason == "nessun reclamo nel trimestre" && stored["A1/1/c"]?.value == nil)
            // Importing the same sheet again changes nothing.
            let again = try await CommandLineRunner.run(["import", "--database", database.argument, sheet])
            #expect(again.output.contains("3 righe compilate (3 uguali al database)"), "\(again)")
            // The scores see the new values.
            let score = try await CommandLineRunner.run(["score", "--database", database.argument, "--entity", "prova", "--year", "2019",
                                                   "--period", "T2", "--all"])
            #expect(score.output.contains("a Pratiche evase entro 5 giorni (%)"), "\(score)")
        }
    }

    @Test func aCSVSheetEditedAsTextRoundTrips() async throws {
        try await SheetFixture.withDatabase(.sqlite) { database, folder in
            let sheet = folder.appendingPathComponent("scheda.csv")
            let export = try await CommandLineRunner.run(["export", "--database", database.argument, "--entity", "prova", "--year", "2019",
                                                    "--period", "T2", "--format", "csv", "-o", sheet.path])
            #expect(export.status == 0, "\(export)")
            let bytes = try Data(contentsOf: sheet)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 con BOM, come lo apre Excel")
            var text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("Scheda di rilevazione;"))
            #expect(text.contains("Ufficio;tutti;tutti gli uffici"))
            // Fill Valore (8th column) of A1/1/a and A1/2/a, Italian style.
            text = text.split(separator: "\r\n", omittingEmptySubsequences: false).map { line -> String in
                var fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                if fields.first == "A1/1/a" { fields[7] = "92,5%" }
                if fields.first == "A1/2/a" { fields[7] = "7"; fields[9] = "due fatture contestate" }
                if fields.first == "A1/1/c" { fields[7] = "43/47" }
                return fields.joined(separator: ";")
            }.joined(separator: "\r\n")
            try text.write(to: sheet, atomically: true, encoding: .utf8)
            let result = try await CommandLineRunner.run(["import", "--database", database.argument, sheet.path])
            #expect(result.status == 0, "\(result)")
            let stored = try await Self.measurements(database, period: "T2")
            #expect(stored["A1/1/a"]?.value == Decimal(string: "92.5") && stored["A1/1/a"]?.text == "92,5%")
            #expect(stored["A1/2/a"]?.value == 7 && stored["A1/2/a"]?.justifiedDeviation == true
                        && stored["A1/2/a"]?.justificationNote == "due fatture contestate")
            #expect(stored["A1/1/c"]?.numerator == 43 && stored["A1/1/c"]?.denominator == 47)
            #expect(stored["A1/1/b"] == nil, "una riga vuota non crea rilevazioni")
        }
    }

    /// The registro of a sheet import: one «importazione» row per file (name, SHA-256 of the bytes read, rows),
    /// one row per measurement written, and for a value changed later only the field that changed.
    @Test(arguments: TestBackend.allCases)
    func anImportIsAuditedOnceWithItsFileAndCompactChanges(_ backend: TestBackend) async throws {
        try await SheetFixture.withDatabase(backend) { database, folder in
            let sheet = folder.appendingPathComponent("scheda-T2.csv")
            let export = try await CommandLineRunner.run(["export", "--database", database.argument, "--entity", "prova", "--year", "2019",
                                                    "--period", "T2", "--format", "csv", "-o", sheet.path])
            #expect(export.status == 0, "\(export)")
            func fill(_ value: String) async throws {
                let text = String(decoding: try Data(contentsOf: sheet).dropFirst(3), as: UTF8.self)
                let filled = text.split(separator: "\r\n", omittingEmptySubsequences: false).map { line -> String in
                    var fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                    if fields.first == "A1/1/a" { fields[7] = value }
                    if fields.first == "A1/2/a" { fields[7] = "7" }
                    return fields.joined(separator: ";")
                }.joined(separator: "\r\n")
                try filled.write(to: sheet, atomically: true, encoding: .utf8)
            }
            try await fill("92,5")
            let first = try await CommandLineRunner.run(["import", "--database", database.argument, sheet.path])
            #expect(first.status == 0, "\(first)")
            let sha = try Python.text("""
                import hashlib
                print(hashlib.sha256(open(\(Python.literal(sheet.path)), 'rb').read()).hexdigest(), end='')
                """)
            try await fill("93")
            let second = try await CommandLineRunner.run(["import", "--database", database.argument, sheet.path])
            #expect(second.status == 0, "\(second)")

            let store = try await database.open()
            let log = try await store.auditLog(AuditQuery(table: "measurements"))
            await store.close()
            let imports = log.filter { $0.action == .importFile }
            try #require(imports.count == 2, "\(log.map(\.action))")
            #expect(imports.allSatisfy { $0.recordID == "scheda-T2.csv" && $0.scope == Self.scope })
            #expect(imports[1].after == "{\"file\":\"scheda-T2.csv\",\"sha256\":\"\(sha)\",\"righe\":2,\"nuove\":2,\"modificate\":0,\"invariate\":0}")
            #expect(imports[0].after?.contains("\"righe\":1,\"nuove\":0,\"modificate\":1") == true, "\(imports[0])")
            #expect(log.filter { $0.action == .insert && $0.after?.contains("scheda-T2.csv") == true }.count == 2)
            let update = try #require(log.first { $0.action == .update })
            // Only what changed: the value, the text as written, the row's provenance is the same row, the time is the same run's.
            #expect(update.before?.contains("\"value\":92.5") == true && update.after?.contains("\"value\":93") == true, "\(update)")
            #expect(update.before?.contains("itemID") == false && update.after?.contains("evidence") == false, "\(update)")
        }
    }

    @Test func progressIsPrintedAsLinesWhenNotOnATerminal() async throws {
        try await SheetFixture.withDatabase(.sqlite) { database, folder in
            // A sheet with 120.000 rows of the one RAG item is refused (duplicates), but reading shows progress.
            var lines = ["Scheda di rilevazione;x", "Ente;prova", "Anno;2019", "Periodo;T2", "Ufficio;RAG", "",
                         "Codice;Obiettivo o nodo;Indicatore;Item;Target;Unità di misura;Valore periodo precedente;Valore;Motivo N.C.;Scostamento giustificato;Note"]
            lines += Array(repeating: "A1/2/a;;;;;;;5;;;", count: 120_000)
            let sheet = folder.appendingPathComponent("grande.csv")
            try lines.joined(separator: "\n").write(to: sheet, atomically: true, encoding: .utf8)
            let result = try await CommandLineRunner.run(["import", "--database", database.argument, sheet.path])
            #expect(result.status == 1)
            #expect(result.errors.contains("grande.csv: 100.000 righe lette"), "\(result.errors.prefix(400))")
            #expect(result.errors.contains("grande.csv, riga 9, colonna «Codice»: l'item «A1/2/a» compare anche alla riga 8"))
            #expect(result.errors.contains("… e altri 119.799 errori (119.999 in tutto)"), "\(result.errors.suffix(300))")
        }
    }
}
