import Foundation
import Testing
import TraguardoCore
import TraguardoSpreadsheet
import TraguardoStore
import TraguardoTestSupport
@testable import TraguardoExchange

/// A catalogue of malformed plan workbooks: each gives its Italian error, naming the sheet, row, column and value,
/// and the store (holding Lucca 2018 already) is the same before and after, row for row.
@Suite("Foglio Excel del piano: errori")
struct PlanWorkbookErrorTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var change: @Sendable (inout [WorksheetContent]) -> Void
        /// Each must be in one and the same message.
        var expected: [String]

        var description: String { name }
    }

    /// The codes of the Lucca 2018 workbook the cases change.
    struct Codes {
        let sheets: [WorksheetContent]
        /// A node of the first level with a child, its row, and the child's row and code.
        let rootRow: Int, rootCode: String, childRow: Int, childCode: String
        /// Another node of the first level.
        let otherRootRow: Int, otherRootCode: String

        init() throws {
            let sheets = PlanWorkbookFixture.sheets(try PlanWorkbookFixture.plan())
            let albero = sheets[sheets.index("Albero")].rows
            let padre = sheets.column("Albero", "Padre"), codice = sheets.column("Albero", "Codice")
            let roots = albero.indices.dropFirst().filter { PlanWorkbookWriter.text(albero[$0][padre]).isEmpty }
            let withChild = try #require(roots.first { root in
                albero.contains { PlanWorkbookWriter.text($0[padre]) == PlanWorkbookWriter.text(albero[root][codice]) }
            })
            let rootCode = PlanWorkbookWriter.text(albero[withChild][codice])
            let child = try #require(albero.firstIndex { PlanWorkbookWriter.text($0[padre]) == rootCode })
            let other = try #require(roots.first { $0 != withChild })
            self.sheets = sheets
            self.rootRow = withChild + 1
            self.rootCode = rootCode
            self.childRow = child + 1
            self.childCode = PlanWorkbookWriter.text(albero[child][codice])
            self.otherRootRow = other + 1
            self.otherRootCode = PlanWorkbookWriter.text(albero[other][codice])
        }
    }

    static let codes = try! Codes()

    /// «foglio «S», riga R, colonna L «H»», the column's letter from the layout.
    static func place(_ sheet: String, _ row: Int, _ heading: String) -> String {
        let column = PlanWorkbookLayout.sheetsByName[sheet]!.column(heading)!
        return "foglio «\(sheet)», riga \(row), colonna \(CellReference.letters(ofColumn: column)) «\(heading)»"
    }

    static let cases: [Case] = {
        let c = codes
        let firstObjective = c.sheets.text("Obiettivi", row: 2, "Codice")
        let person = c.sheets.text("Persone", row: 2, "Codice")
        return [
            Case(name: "foglio mancante", change: { $0.remove(at: $0.index("Indicatori")) },
                 expected: ["piano.xlsx", "manca il foglio «Indicatori»"]),
            Case(name: "colonna spostata", change: { sheets in
                let i = sheets.index("Albero")
                for row in sheets[i].rows.indices { sheets[i].rows[row].swapAt(2, 3) }
            }, expected: ["foglio «Albero», riga 1, colonna C", "intestazione «Titolo», attesa «Tipo»", "va nella colonna D"]),
            Case(name: "intestazione rinominata", change: { $0.set("Periodi", row: 1, "Fine", .text("Data fine")) },
                 expected: ["foglio «Periodi», riga 1, colonna E", "«Data fine», attesa «Fine»"]),
            Case(name: "una scheda di rilevazione al posto del piano", change: { $0 = [WorksheetContent(name: "Scheda", rows: [[.text("Scheda di rilevazione")]])] },
                 expected: ["piano.xlsx: non è un foglio Excel del piano", "fogli presenti: «Scheda»"]),
            Case(name: "foglio sconosciuto", change: { $0.append(WorksheetContent(name: "Foglio1", rows: [[.text("x")]])) },
                 expected: ["piano.xlsx", "foglio «Foglio1» sconosciuto"]),
            Case(name: "codice sconosciuto", change: { $0.set("Obiettivi", row: 2, "Dirigente", .text("ZZZ")) },
                 expected: ["\(place("Obiettivi", 2, "Dirigente"))", "persona «ZZZ» non esiste"]),
            Case(name: "nodo dell'indicatore sconosciuto", change: {
                $0.set("Indicatori", row: 2, "Nodo", .text("NOPE"))
                $0.set("Indicatori", row: 2, "Obiettivo", .empty)
            }, expected: ["\(place("Indicatori", 2, "Nodo"))", "Nodo «NOPE»", "nessuna riga del foglio «Albero»"]),
            Case(name: "codice duplicato", change: { $0.set("Persone", row: 3, "Codice", .text(person)) },
                 expected: ["\(place("Persone", 3, "Codice"))", "«\(person)» è già usato"]),
            Case(name: "numero non valido", change: { $0.set("Risorse", row: 2, "Importo", .text("mille euro")) },
                 expected: ["\(place("Risorse", 2, "Importo"))", "«mille euro» non è un numero"]),
            Case(name: "anno non intero", change: { $0.set("Risorse", row: 2, "Anno", .number(Decimal(string: "2018.5")!)) },
                 expected: ["\(place("Risorse", 2, "Anno"))", "«2018.5» non è un numero intero"]),
            Case(name: "valore fuori elenco", change: { $0.set("Albero", row: 2, "Tipo", .text("sottoprogetto")) },
                 expected: ["\(place("Albero", 2, "Tipo"))", "valore «sottoprogetto» non previsto; ammessi:"]),
            Case(name: "fase fuori elenco", change: { $0.set("Conti", row: 2, "Fase", .text("previsione")) },
                 expected: ["\(place("Conti", 2, "Fase"))", "«previsione» non previsto; ammessi:"]),
            Case(name: "ciclo nell'albero", change: { $0.set("Albero", row: c.rootRow, "Padre", .text(c.childCode)) },
                 expected: ["\(place("Albero", c.rootRow, "Padre"))", "ciclo", "«\(c.rootCode)» → «\(c.childCode)» → «\(c.rootCode)»"]),
            Case(name: "nodo padre di sé stesso", change: { $0.set("Albero", row: c.otherRootRow, "Padre", .text(c.otherRootCode)) },
                 expected: ["\(place("Albero", c.otherRootRow, "Padre"))", "ciclo", "«\(c.otherRootCode)» → «\(c.otherRootCode)»"]),
            Case(name: "padre mancante", change: { $0.set("Albero", row: c.childRow, "Padre", .text("ZZ9")) },
                 expected: ["\(place("Albero", c.childRow, "Padre"))", "Padre «ZZ9»", "nessuna riga del foglio «Albero»"]),
            Case(name: "data non valida", change: { $0.set("Atti", row: 2, "Data", .text("31/02/2018")) },
                 expected: ["\(place("Atti", 2, "Data"))", "«31/02/2018» non è una data"]),
            Case(name: "cella obbligatoria vuota", change: { $0.set("Albero", row: 2, "Titolo", .empty) },
                 expected: ["\(place("Albero", 2, "Titolo"))", "manca il titolo"]),
            Case(name: "errore di Excel in una cella", change: { $0.set("Indicatori", row: 2, "Peso", .error("#DIV/0!")) },
                 expected: ["\(place("Indicatori", 2, "Peso"))", "«#DIV/0!» è un errore del foglio di calcolo"]),
            Case(name: "indicatore di un nodo e di un obiettivo", change: { $0.set("Indicatori", row: 2, "Obiettivo", .text(firstObjective)) },
                 expected: ["\(place("Indicatori", 2, "Nodo"))", "compilate sia «Nodo» e «Obiettivo»"]),
            Case(name: "target senza indicatore", change: { $0.set("Target", row: 2, "Indicatore", .empty) },
                 expected: ["foglio «Target», riga 2", "manca a chi appartiene la riga: compilare «Indicatore»"]),
            Case(name: "due righe nel foglio Ente", change: { sheets in
                let i = sheets.index("Ente")
                sheets[i].rows.append(sheets[i].rows[1])
            }, expected: ["foglio «Ente», riga 3", "una sola riga"]),
            Case(name: "foglio Ente vuoto", change: { sheets in
                let i = sheets.index("Ente")
                sheets[i].rows = [sheets[i].rows[0]]
            }, expected: ["foglio «Ente», riga 2", "il foglio non ha righe"]),
            Case(name: "valore fuori dalle colonne", change: { sheets in
                let i = sheets.index("Albero")
                sheets[i].rows[1].append(.text("in più"))
            }, expected: ["foglio «Albero», riga 2, colonna", "«in più» in una colonna senza intestazione"]),
            Case(name: "YAML non valido", change: { $0.set("Indicatori", row: 2, "Derivato da", .text("tipo: [nodi")) },
                 expected: ["\(place("Indicatori", 2, "Derivato da"))", "testo YAML non valido"]),
            Case(name: "alias YAML nelle regole", change: {
                $0.set("Metodologia", row: 2, "Preset", .empty)
                $0.set("Metodologia", row: 2, "Regole", .text("a: &x [1, 2]\nb: *x"))
            }, expected: ["\(place("Metodologia", 2, "Regole"))", "ancora «&x» non ammessa"]),
            Case(name: "vero o falso", change: { $0.set("Target", row: 2, "Applicabile", .text("forse")) },
                 expected: ["\(place("Target", 2, "Applicabile"))", "«forse» non è vero o falso"]),
            Case(name: "periodo sconosciuto", change: { $0.set("Rilevazioni", row: 2, "Periodo", .text("2099-12-31")) },
                 expected: ["\(place("Rilevazioni", 2, "Periodo"))", "periodo «2099-12-31» non esiste"]),
            Case(name: "anno non numerico", change: { $0.set("Ente", row: 2, "Anno", .text("duemiladiciotto")) },
                 expected: ["\(place("Ente", 2, "Anno"))", "«duemiladiciotto» non è un numero intero"]),
        ]
    }()

    @Test("ogni foglio sbagliato dà il suo errore e non cambia nulla")
    func catalogue() async throws {
        #expect(Self.cases.count >= 20)
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let database = try await TestDatabase.make(.sqlite)
        let store = try await database.open()
        _ = try await store.savePlans([try PlanWorkbookFixture.plan()], actor: "test")
        // The unchanged workbook imports: the cases fail because of what they change.
        let good = scratch.url("buono.xlsx")
        try PlanWorkbookFixture.write(Self.codes.sheets, to: good)
        #expect(try await Self.importing(good, into: store) == nil)
        let before = try await TestDatabase.dump(store)
        for test in Self.cases {
            var sheets = Self.codes.sheets
            test.change(&sheets)
            let url = scratch.url("piano.xlsx")
            try PlanWorkbookFixture.write(sheets, to: url)
            let errors = try await Self.importing(url, into: store)
            let messages = errors?.errors.map(\.description) ?? []
            #expect(messages.contains { message in test.expected.allSatisfy(message.contains) },
                    "\(test.name): atteso un errore con \(test.expected), trovati:\n\(messages.joined(separator: "\n"))")
            #expect(try await TestDatabase.dump(store) == before, "\(test.name): il database è cambiato")
        }
        await store.close()
        await database.drop()
    }

    @Test("un file che non è un XLSX, troppi fogli, un file troppo grande: rifiutati prima di leggere le righe; al più 200 errori elencati")
    func limits() async throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let text = scratch.url("testo.xlsx")
        try Data("codice;nome\n".utf8).write(to: text)
        #expect(Self.messages(text).contains { $0.contains("testo.xlsx") && $0.contains("non è un file XLSX") })

        var many = Self.codes.sheets
        for index in 0..<PlanWorkbookLimits.maxSheets { many.append(WorksheetContent(name: "Extra \(index)", rows: [])) }
        let crowded = scratch.url("fogli.xlsx")
        try PlanWorkbookFixture.write(many, to: crowded)
        #expect(Self.messages(crowded).contains { $0.contains("fogli, oltre il limite di \(PlanWorkbookLimits.maxSheets)") })

        // 250 rows with a wrong type: the first 200 errors, then how many more.
        var wrong = Self.codes.sheets
        let albero = wrong.index("Albero")
        let width = wrong[albero].rows[0].count
        for index in 0..<250 {
            var row = [SpreadsheetCell](repeating: .empty, count: width)
            row[wrong.column("Albero", "Codice")] = .text("X\(index)")
            row[wrong.column("Albero", "Tipo")] = .text("nessuno")
            row[wrong.column("Albero", "Titolo")] = .text("Nodo \(index)")
            wrong[albero].rows.append(row)
        }
        let manyErrors = scratch.url("errori.xlsx")
        try PlanWorkbookFixture.write(wrong, to: manyErrors)
        let listed = Self.messages(manyErrors)
        #expect(listed.count == PlanWorkbookLimits.maxReported + 1)
        #expect(listed.last?.contains("… e altri 50 errori (250 in tutto)") == true, "\(listed.last ?? "")")

        let large = scratch.url("grande.xlsx")
        FileManager.default.createFile(atPath: large.path, contents: nil)
        let handle = try FileHandle(forWritingTo: large)
        try handle.truncate(atOffset: UInt64(PlanWorkbookLimits.maxBytes + 1))
        try handle.close()
        #expect(Self.messages(large).contains { $0.contains("grande.xlsx") && $0.contains("oltre il limite") })
    }

    static func messages(_ url: URL) -> [String] {
        do {
            _ = try PlanWorkbookReader.read(url)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// The import as `traguardo import` does it: read everything, then save only if nothing is wrong.
    static func importing(_ url: URL, into store: Store) async throws -> PlanFileErrors? {
        let plans: [CyclePlan]
        do {
            plans = try PlanWorkbookImport.read(paths: [url.path], workbooks: [url.path])
        } catch {
            return error
        }
        _ = try await store.savePlans(plans, actor: "test")
        return nil
    }
}
