import Foundation
import Testing
import TraguardoTestSupport

@Suite("Riga di comando: Carta dei servizi dai casi")
struct CartaCommandsTests {
    static let dataset = ImportCommandsTests.examples.appendingPathComponent("lucca-2018")
    static let cases = dataset.appendingPathComponent("casi").appendingPathComponent("casi-2018.csv")

    @Test(arguments: TestBackend.allCases)
    func casesImportAndTheAllegatoIsThePrintedOne(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            #expect(try await CommandLineRunner.run(["import", "--database", database.argument, Self.dataset.path]).status == 0)
            let scope = ["--database", database.argument, "--entity", "lucca", "--year", "2018"]
            let empty = try await CommandLineRunner.run(["carta", "allegato"] + scope)
            #expect(empty.status == 0, "\(empty)")
            #expect(empty.output.contains("% RISULTATO CONSEGUITO SU 0 PROCESSI N.C."), "\(empty)")

            let lines = try String(contentsOf: Self.cases, encoding: .utf8).split(whereSeparator: \.isNewline).count - 1
            let imported = try await CommandLineRunner.run(["carta", "import-casi"] + scope + [Self.cases.path])
            #expect(imported.status == 0, "\(imported)")
            #expect(imported.output.contains("lucca 2018: \(lines) casi registrati"), "\(imported)")
            #expect(imported.output.contains("servizio 3.3.4: 415 casi (prima 0)"), "\(imported)")

            let allegato = try await CommandLineRunner.run(["carta", "allegato"] + scope + ["--period", "ANNO"])
            #expect(allegato.status == 0, "\(allegato)")
            #expect(allegato.output.contains("TOTALE 3.572\n% RISULTATO CONSEGUITO SU 36 PROCESSI 99,22"), "\(allegato)")
            #expect(allegato.output.contains("patrono San Paolino (12/07)"))
            let json = try await CommandLineRunner.run(["carta", "allegato", "--format", "json"] + scope)
            #expect(json.output.contains("\"processi_computati\" : 36"), "\(json.output.prefix(400))")

            // A bad file: every problem named (file, row, column, value), nothing written.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casi-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let bad = folder.appendingPathComponent("registro.csv")
            try """
                servizio;protocollo;ricevuta;conclusa;sospensioni;canale
                3.1.1;A-1;10/05/2018;08/05/2018;;
                9.9.9;A-2;10/05/2018;11/05/2018;;
                3.1.1;A-3;31/02/2018;11/05/2018;;
                3.1.1;A-4;10/05/2018;11/05/2018;01/05/2018-02/05/2018;
                3.1.1;A-4;10/05/2018;11/05/2018;;

                """.write(to: bad, atomically: true, encoding: .utf8)
            let refused = try await CommandLineRunner.run(["carta", "import-casi"] + scope + [bad.path])
            #expect(refused.status == 1)
            for expected in [
                "registro.csv, riga 2, colonna «conclusa»: il caso si conclude il 08/05/2018, prima di essere ricevuto (10/05/2018)",
                "registro.csv, riga 3, colonna «servizio»: servizio «9.9.9» non è nella Carta dei servizi di lucca 2018",
                "registro.csv, riga 4, colonna «ricevuta»: «31/02/2018» non è una data; attesa per esempio 31/12/2018",
                "registro.csv, riga 5, colonna «sospensioni»: la sospensione 01/05/2018–02/05/2018 non sta tra ricezione",
                "registro.csv, riga 6, colonna «protocollo»: il caso «A-4» del servizio 3.1.1 compare anche alla riga 5",
                "Nessun caso è stato scritto.",
            ] {
                #expect(refused.errors.contains(expected), "\(expected)\n\(refused.errors)")
            }
            let after = try await CommandLineRunner.run(["carta", "allegato"] + scope + ["--period", "ANNO"])
            #expect(after.output == allegato.output)
        }
    }

    @Test func aFileOfOneServiceNamesItOnTheCommandLine() async throws {
        try await withTestDatabase(.sqlite) { database in
            #expect(try await CommandLineRunner.run(["import", "--database", database.argument, Self.dataset.path]).status == 0)
            let scope = ["--database", database.argument, "--entity", "lucca", "--year", "2018"]
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casi-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("accessi.csv")
            // As the access register exports it: its own column titles, extra columns, one suspension as two dates.
            try """
                N. protocollo,Data ricezione,Data conclusione,Sospeso dal,Sospeso al,Richiedente
                101,02/07/2018,16/07/2018,,,Rossi
                102,09/07/2018,13/07/2018,,,Bianchi
                103,02/07/2018,31/07/2018,05/07/2018,20/07/2018,Verdi

                """.write(to: file, atomically: true, encoding: .utf8)
            let missing = try await CommandLineRunner.run(["carta", "import-casi"] + scope + [file.path])
            #expect(missing.status == 1)
            #expect(missing.errors.contains("la riga dei titoli delle colonne non ha «servizio» (oppure indicare il servizio di tutto il file: --servizio 3.1.1 sulla riga di comando, «Servizio di tutte le righe» nella pagina Importazione)"), "\(missing.errors)")
            let imported = try await CommandLineRunner.run(["carta", "import-casi", "--servizio", "3.1.1"] + scope + [file.path])
            #expect(imported.status == 0, "\(imported)")
            let allegato = try await CommandLineRunner.run(["carta", "allegato", "--format", "json"] + scope)
            // 2→16 July: 9 working days (San Paolino, 12 July, is not one); 9→13 July: 3; 2→31 July: 20 working
            // days, 11 of them in the suspension 5–20 July = 9. The longest is 9, the mean 7.
            #expect(allegato.output.contains("\"massimo_giorni\" : 9"), "\(allegato.output.prefix(600))")
            #expect(allegato.output.contains("\"casi\" : 3"))
            #expect(allegato.output.contains("\"media_giorni\" : \"7\""))
        }
    }

    /// `--carta-da-casi`: score, explain and the documents use the Carta computed from the stored cases (a row without
    /// cases is N.C.), and say so; without stored cases the option is refused; without it the typed results count.
    @Test func scoreExplainAndDocumentsUseTheCartaFromTheStoredCases() async throws {
        try await withTestDatabase(.sqlite) { database in
            #expect(try await CommandLineRunner.run(["import", "--database", database.argument, Self.dataset.path]).status == 0)
            let scope = ["--database", database.argument, "--entity", "lucca", "--year", "2018"]
            let none = try await CommandLineRunner.run(["score"] + scope + ["--carta-da-casi"])
            #expect(none.status != 0)
            #expect(none.errors.contains("--carta-da-casi: nessun caso registrato per lucca 2018; importarli con «traguardo carta import-casi»"), "\(none)")

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casi-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            // Two cases of 3.1.1 (standard 25 working days): one within, one of 60 days, late without a justification.
            let file = folder.appendingPathComponent("registro.csv")
            try """
                servizio;protocollo;ricevuta;conclusa;sospensioni;canale
                3.1.1;A-1;07/05/2018;11/05/2018;;
                3.1.1;A-2;02/05/2018;31/08/2018;;

                """.write(to: file, atomically: true, encoding: .utf8)
            #expect(try await CommandLineRunner.run(["carta", "import-casi"] + scope + [file.path]).status == 0)

            let typed = try await CommandLineRunner.run(["score"] + scope)
            let computed = try await CommandLineRunner.run(["score"] + scope + ["--carta-da-casi"])
            #expect(computed.status == 0, "\(computed)")
            #expect(computed.errors.contains("Carta dei servizi calcolata dai casi registrati (2 casi, 2 conclusi dal 01/01/2018 al 31/12/2018)"), "\(computed.errors)")
            func carta(_ output: String) -> String? {
                output.split(separator: "\n").first { $0.hasPrefix("  risultato conseguito sui processi computati") }.map(String.init)
            }
            let typedCarta = try #require(carta(typed.output)), computedCarta = try #require(carta(computed.output))
            #expect(typedCarta.contains(" 99,22"), "\(typedCarta)")
            // Only 3.1.1 has cases: the other 39 rows are N.C., the total is 3.1.1's own result.
            #expect(computedCarta != typedCarta, "\(computedCarta)")

            let explained = try await CommandLineRunner.run(["explain", "3.1.1"] + scope + ["--carta-da-casi", "--no-sources"])
            #expect(explained.status == 0, "\(explained)")
            #expect(explained.output.hasPrefix("Carta dei servizi calcolata dai casi registrati (2 casi"), "\(explained.output)")
            // One of the two cases within 25 working days: the share of cases, 50.
            #expect(explained.output.contains("riga 3.1.1 «Richiesta di accesso documentale»: 50 = quota entro lo standard(1 / 2 × 100)"), "\(explained.output)")
            let explainedTyped = try await CommandLineRunner.run(["explain", "3.1.1"] + scope + ["--no-sources"])
            #expect(!explainedTyped.output.contains("casi registrati"))
            #expect(!explainedTyped.output.contains("(1 / 2 × 100)"))

            let document = folder.appendingPathComponent("relazione.html")
            let report = try await CommandLineRunner.run(["report", "relazione"] + scope + ["--carta-da-casi", "--format", "html", "-o", document.path])
            #expect(report.status == 0, "\(report)")
            let html = try String(contentsOf: document, encoding: .utf8)
            #expect(html.contains("Carta dei servizi calcolata dai casi registrati (2 casi"))
        }
    }

    /// `--what-if` on a Carta row (its code, a value in days or cases within on cases) and on a procedure (its number),
    /// like an item: what changes is listed, nothing is stored.
    @Test func whatIfOnACartaRowAndAProcedureFromTheCommandLine() async throws {
        try await withTestDatabase(.sqlite) { database in
            #expect(try await CommandLineRunner.run(["import", "--database", database.argument, Self.dataset.path]).status == 0)
            let scope = ["--database", database.argument, "--entity", "lucca", "--year", "2018"]
            let before = try await CommandLineRunner.run(["score"] + scope)
            let carta = try await CommandLineRunner.run(["score"] + scope + ["--what-if", "3.3.5.a=28/78"])
            #expect(carta.status == 0, "\(carta)")
            #expect(carta.output.hasPrefix("Simulazione (nulla è registrato). Ipotesi: 3.3.5.a=28/78"), "\(carta.output.prefix(300))")
            // 28 of 78 within the standard: the row falls to 36 (rounded to the unit), and the Carta's total with it.
            #expect(carta.output.contains("3.3.5.a: 72 → 36"), "\(carta.output.prefix(1200))")
            #expect(carta.output.contains("Carta dei servizi"), "\(carta.output.prefix(1200))")
            let procedure = try await CommandLineRunner.run(["score"] + scope + ["--what-if", "procedimento 1=90"])
            #expect(procedure.status == 0, "\(procedure)")
            #expect(procedure.output.contains("1: 97 → 90"), "\(procedure.output.prefix(1200))")
            #expect(procedure.output.contains("99,00 → 98,00"), "\(procedure.output.prefix(1200))")
            // Nothing stored: the scores are those of before.
            #expect(try await CommandLineRunner.run(["score"] + scope).output == before.output)
        }
    }
}
