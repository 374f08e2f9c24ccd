import Foundation
import Testing
import TraguardoStore
import TraguardoTestSupport

/// A malformed input, the file it is written to and the Italian error `traguardo import` must give.
struct MalformedInput: Sendable, CustomStringConvertible {
    var name: String
    var file: String
    var content: @Sendable (URL, String) async throws -> Data
    var expected: [String]

    var description: String { name }

    init(_ name: String, _ file: String, expect expected: String..., text: String) {
        self.name = name
        self.file = file
        self.expected = expected
        self.content = { _, _ in Data(text.utf8) }
    }

    init(_ name: String, _ file: String, expect expected: String..., data: @escaping @Sendable (URL, String) async throws -> Data) {
        self.name = name
        self.file = file
        self.expected = expected
        self.content = data
    }
}

enum MalformedInputs {
    static let head = "formato: traguardo/1\nente: {codice: prova, nome: Camera di Commercio di Prova}\nanno: 2019\nperiodi: trimestri\n"

    /// A plan file: the fixture's heading, then `body`.
    static func plan(_ name: String, expect expected: String, _ body: String) -> MalformedInput {
        MalformedInput(name, "piano.yaml", expect: expected, text: head + body)
    }

    static let titles = "Codice;Obiettivo o nodo;Indicatore;Item;Target;Unità di misura;Valore periodo precedente;Valore;Motivo N.C.;Scostamento giustificato;Note"

    /// A CSV sheet of `office` for `period`, with these item rows.
    static func sheet(_ name: String, expect expected: String..., office: String = "PROG", period: String = "T2", year: String = "2019",
                      entity: String = "prova", rows: [String]) -> MalformedInput {
        let text = (["Scheda di rilevazione;x", "Ente;\(entity)", "Anno;\(year)", "Periodo;\(period)", "Ufficio;\(office)", "", titles] + rows)
            .joined(separator: "\r\n")
        var input = MalformedInput(name, "scheda.csv", text: text)
        input.expected = expected
        return input
    }

    static let node = """
        albero:
          - codice: A
            tipo: area-strategica
            titolo: Area
            indicatori:
              - codice: "1"
                nome: Indicatore
                item:
                  - codice: a
                    descrizione: Item
                    regola: soglia
                    comparatore: ">="
                    valore_target: 90

        """

    static var all: [MalformedInput] {
        [
            // Plan files: syntax, types, codes, references, numbers and dates.
            MalformedInput("YAML troncato", "piano.yaml", expect: "sintassi YAML/JSON non valida", text: head + "albero:\n  - {codice: A, tipo: area-strategica, titolo: \"Area"),
            MalformedInput("JSON con virgola finale", "piano.json", expect: "sintassi YAML/JSON non valida",
                           text: "{\"formato\": \"traguardo/1\", \"ente\": {\"codice\": \"prova\",}, \"anno\": 2019,,}"),
            MalformedInput("file vuoto", "piano.yaml", expect: "piano.yaml: il file è vuoto", text: ""),
            MalformedInput("alias a cascata (billion laughs) nelle regole", "piano.yaml", expect: "piano.yaml, riga 7: ancora «&a0» non ammessa",
                           text: HostileInputs.aliasBomb(after: head)),
            MalformedInput("100.000 parentesi una dentro l'altra", "piano.yaml", expect: "piano.yaml, riga 5: sintassi YAML/JSON non valida, colonna",
                           text: head + "albero: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"),
            MalformedInput("file binario", "piano.yaml", expect: "piano.yaml, riga 1: il file non è testo (contiene byte nulli)", data: { _, _ in Data([0x00, 0xFF, 0xFE, 0x01, 0x89, 0x50]) }),
            MalformedInput("codifica Latin-1", "piano.yaml", expect: "piano.yaml, riga 6: il testo non è UTF-8 (forse Latin-1", data: { _, _ in
                Data((head + "albero:\n  - {codice: A, tipo: area-strategica, titolo: Attivit").utf8) + Data([0xE0]) + Data("}\n".utf8)
            }),
            MalformedInput("manca il formato", "piano.yaml", expect: "manca «formato: traguardo/1»", text: "ente: {codice: prova, nome: X}\nanno: 2019\n"),
            MalformedInput("formato di un'altra versione", "piano.yaml", expect: "traguardo/9", text: "formato: traguardo/9\nente: {codice: prova, nome: X}\nanno: 2019\n"),
            plan("anno scritto in lettere", expect: "anno", "").replacingHead("anno: 2019", with: "anno: duemiladiciannove"),
            plan("chiave sconosciuta in cima", expect: "colore", "colore: blu\n"),
            plan("chiave sconosciuta in un nodo", expect: "albero[0].colore", "albero:\n  - {codice: A, tipo: area-strategica, titolo: Area, colore: blu}\n"),
            plan("tipo di nodo non previsto", expect: "valore «area» non previsto", "albero:\n  - {codice: A, tipo: area, titolo: Area}\n"),
            plan("indicatori scritti come testo", expect: "albero[0].indicatori", "albero:\n  - {codice: A, tipo: area-strategica, titolo: Area, indicatori: tanti}\n"),
            plan("codice di nodo ripetuto", expect: "«A»", "albero:\n  - {codice: A, tipo: area-strategica, titolo: Area}\n  - {codice: A, tipo: area-strategica, titolo: Bis}\n"),
            plan("codice di indicatore ripetuto: un item sotto due indicatori con lo stesso percorso", expect: "«A/1»",
                 node + "      - codice: \"1\"\n        nome: Doppione\n"),
            plan("codice di item ripetuto", expect: "«A/1/a»", node + "          - codice: a\n            descrizione: Doppione\n"),
            plan("rilevazione ripetuta nello stesso periodo", expect: "rilevazione",
                 node + "            rilevazioni:\n              - {periodo: T1, valore: 90}\n              - {periodo: T1, valore: 91}\n"),
            plan("periodo inesistente", expect: "T7", node + "            rilevazioni:\n              - {periodo: T7, valore: 90}\n"),
            plan("unità inesistente", expect: "unità «XX» non esiste", "albero:\n  - {codice: A, tipo: area-strategica, titolo: Area, responsabile_unita: XX}\n"),
            plan("numero illeggibile", expect: "«1.418,965.00» non è un numero", node + "            rilevazioni:\n              - {periodo: T1, valore: \"1.418,965.00\"}\n"),
            plan("#RIF! come valore", expect: "«#RIF!»", node + "            rilevazioni:\n              - {periodo: T1, valore: \"#RIF!\"}\n"),
            plan("#DIV/0! come valore", expect: "«#DIV/0!»", node + "            rilevazioni:\n              - {periodo: T1, valore: \"#DIV/0!\"}\n"),
            plan("data impossibile", expect: "31/02/2019", node.replacingOccurrences(of: "valore_target: 90", with: "scadenza: 31/02/2019")),
            plan("mese 13", expect: "2019-13-01", node.replacingOccurrences(of: "valore_target: 90", with: "scadenza: 2019-13-01")),
            plan("valore assurdo", expect: "fuori scala", node + "            rilevazioni:\n              - {periodo: T1, valore: \"1000000000000000000000000000000\"}\n"),
            plan("comparatore sconosciuto", expect: "«≈»", node.replacingOccurrences(of: "comparatore: \">=\"", with: "comparatore: \"≈\"")),
            plan("regola sconosciuta", expect: "«a-occhio»", node.replacingOccurrences(of: "regola: soglia", with: "regola: a-occhio")),
            plan("preset di metodologia sconosciuto", expect: "preset «milano-2020» sconosciuto", "metodologia: {versione: 1, preset: milano-2020}\n"),
            plan("ciclo nelle righe di conto", expect: "ciclo",
                 "albero:\n  - codice: A\n    tipo: area-strategica\n    titolo: Area\n    conti:\n"
                    + "      - {codice: \"1\", padre: \"2\", descrizione: Uno, natura: costo-esterno, fase: preventivo, importo: \"10,00\"}\n"
                    + "      - {codice: \"2\", padre: \"1\", descrizione: Due, natura: costo-esterno, fase: preventivo, importo: \"10,00\"}\n"),
            plan("ciclo nei punteggi derivati", expect: "ciclo",
                 "albero:\n  - codice: A\n    tipo: area-strategica\n    titolo: Area\n    indicatori:\n"
                    + "      - {codice: \"1\", nome: Da B, derivato_da: {tipo: nodi, codici: [B]}}\n"
                    + "  - codice: B\n    tipo: area-strategica\n    titolo: Area B\n    indicatori:\n"
                    + "      - {codice: \"1\", nome: Da A, derivato_da: {tipo: nodi, codici: [A]}}\n"),
            MalformedInput("file che non esiste", "manca.yaml", expect: "manca.yaml: il file o la cartella non esiste", data: { _, _ in throw CocoaError(.fileNoSuchFile) }),

            // Sheets: values, codes, offices, years, layout, encodings, files that are not sheets.
            sheet("#RIF! in una cella", expect: "riga 8, colonna «Valore»: valore «#RIF!» non leggibile: è un errore del foglio di calcolo", rows: ["A1/1/a;;;;;;;#RIF!;;;"]),
            sheet("#DIV/0! in una cella", expect: "valore «#DIV/0!» non leggibile: è un errore del foglio di calcolo", rows: ["A1/1/a;;;;;;;#DIV/0!;;;"]),
            sheet("scheda senza righe", expect: "la scheda non ha righe di item", rows: []),
            MalformedInput("CSV vuoto", "scheda.csv", expect: "manca la riga «Ente» nell'intestazione", text: ""),
            sheet("scheda di un altro ufficio", expect: "l'item «A1/1/a» è di PROG, non dell'ufficio RAG", office: "RAG", rows: ["A1/1/a;;;;;;;95;;;"]),
            sheet("scheda di un altro anno", expect: "la scheda è di prova 2018, che non è nel database", year: "2018", rows: ["A1/1/a;;;;;;;95;;;"]),
            sheet("scheda di un altro Ente", expect: "la scheda è di milano 2019, che non è nel database", entity: "milano", rows: ["A1/1/a;;;;;;;95;;;"]),
            sheet("periodo inesistente", expect: "il periodo «T9» non esiste", period: "T9", rows: ["A1/1/a;;;;;;;95;;;"]),
            sheet("ufficio inesistente", expect: "l'ufficio «XYZ» non esiste", office: "XYZ", rows: ["A1/1/a;;;;;;;95;;;"]),
            sheet("valore assurdo", expect: "fuori scala", rows: ["A1/1/a;;;;;;;1.000.000.000.000.000;;;"]),
            sheet("codice sconosciuto", expect: "riga 8, colonna «Codice»: il codice «Z9/1/a» non è un item di prova 2019", rows: ["Z9/1/a;;;;;;;95;;;"]),
            sheet("riga ripetuta", expect: "riga 9, colonna «Codice»: l'item «A1/1/a» compare anche alla riga 8", rows: ["A1/1/a;;;;;;;95;;;", "A1/1/a;;;;;;;96;;;"]),
            sheet("valore e motivo N.C. insieme", expect: "c'è sia un valore («95») sia un motivo N.C.", rows: ["A1/1/a;;;;;;;95;nessuna richiesta;;"]),
            sheet("N.C. senza motivo", expect: "la rilevazione è N.C.: scrivere il motivo", rows: ["A1/1/a;;;;;;;N.C.;;;"]),
            sheet("valore a parole", expect: "valore «circa novanta» non leggibile: atteso un numero", rows: ["A1/1/a;;;;;;;circa novanta;;;"]),
            sheet("data impossibile", expect: "valore «31/02/2019» non leggibile", rows: ["A1/1/b;;;;;;;31/02/2019;;;"]),
            sheet("rapporto con denominatore 0", expect: "il denominatore è 0", rows: ["A1/1/c;;;;;;;3/0;;;"]),
            sheet("valore senza codice", expect: "manca il codice dell'item", rows: [";;;;;;;95;;;"]),
            MalformedInput("colonne spostate", "scheda.csv", expect: "attesi i titoli delle colonne",
                           text: ["Scheda di rilevazione;x", "Ente;prova", "Anno;2019", "Periodo;T2", "Ufficio;PROG", "",
                                  "Codice;Valore;Note", "A1/1/a;95;"].joined(separator: "\n")),
            MalformedInput("CSV qualunque", "dati.csv", expect: "manca la riga «Ente» nell'intestazione", text: "nome;valore\nfatture;774\n"),
            MalformedInput("CSV in Latin-1", "scheda.csv", expect: "UTF-8", data: { _, _ in
                Data(["Scheda di rilevazione;x", "Ente;prova", "Anno;2019", "Periodo;T2", "Ufficio;PROG", "", titles].joined(separator: "\n").utf8)
                    + Data("\nA1/1/a;;;;;;;95;;;Attivit".utf8) + Data([0xE0]) + Data("\n".utf8)
            }),
            MalformedInput("virgolette mai chiuse", "scheda.csv", expect: "virgolette aperte e mai chiuse",
                           text: ["Scheda di rilevazione;x", "Ente;prova", "Anno;2019", "Periodo;T2", "Ufficio;PROG", "", titles,
                                  "A1/1/a;;;;;;;95;;;\"nota senza fine"].joined(separator: "\n")),
            MalformedInput("testo chiamato .xlsx", "scheda.xlsx", expect: "non è un file XLSX (non è un archivio ZIP)", text: "Codice;Valore\n"),
            MalformedInput("vecchio formato .xls", "scheda.xls", expect: "formato .xls non letto: salvare la scheda come .xlsx", text: "x"),
            MalformedInput("XLSX troncato", "scheda.xlsx", expect: "scheda.xlsx: non è un file XLSX leggibile (archivio ZIP danneggiato o troncato)", data: { folder, database in
                let full = try await realSheet(in: folder, database: database)
                return full.prefix(full.count / 2)
            }),
            MalformedInput("ZIP che non è un XLSX", "scheda.xlsx", expect: "scheda.xlsx: non è un file XLSX (manca la parte xl/workbook.xml)", data: { folder, _ in
                let path = folder.appendingPathComponent("altro.zip").path
                try Python.text("import zipfile\nz = zipfile.ZipFile(\(Python.literal(path)), 'w')\nz.writestr('leggimi.txt', 'ciao')\nz.close()")
                return try Data(contentsOf: URL(fileURLWithPath: path))
            }),
        ]
    }

    /// A real exported sheet, for the damaged-XLSX cases.
    static func realSheet(in folder: URL, database: String) async throws -> Data {
        let path = folder.appendingPathComponent("vera.xlsx").path
        _ = try await CommandLineRunner.run(["export", "--database", database, "--entity", "prova", "--year", "2019", "--period", "T2",
                                       "--format", "xlsx", "-o", path])
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}

extension MalformedInput {
    func replacingHead(_ old: String, with new: String) -> MalformedInput {
        var copy = self
        let content = self.content
        copy.content = { folder, database in
            await Data(String(decoding: try content(folder, database), as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
        }
        return copy
    }
}

@Suite("Ingressi malformati: ognuno il suo errore, il database com'era")
struct MalformedInputTests {
    @Test func theCatalogueHasAtLeastFortyCases() {
        #expect(MalformedInputs.all.count >= 40, "\(MalformedInputs.all.count)")
    }

    @Test(arguments: TestBackend.allCases)
    func everyMalformedInputGivesItsErrorAndWritesNothing(_ backend: TestBackend) async throws {
        try OpenPyXL.require()
        try await SheetFixture.withDatabase(backend) { database, folder in
            let store = try await database.open()
            let before = try await TestDatabase.dump(store)
            await store.close()
            for input in MalformedInputs.all {
                let url = folder.appendingPathComponent(input.file)
                try? FileManager.default.removeItem(at: url)
                if let data = try? await input.content(folder, database.argument) {
                    try data.write(to: url)
                }
                let result = try await CommandLineRunner.run(["import", "--database", database.argument, url.path])
                #expect(result.status == 1, "\(input.name): \(result)")
                for fragment in input.expected {
                    #expect(result.errors.contains(fragment), "\(input.name): atteso «\(fragment)», trovato: \(result.errors)")
                }
                #expect(!result.errors.contains("Fatal") && !result.errors.contains("panic"), "\(input.name)")
                let check = try await database.open()
                let after = try await TestDatabase.dump(check)
                await check.close()
                #expect(after == before, "\(input.name): il database è cambiato")
            }
        }
    }
}
