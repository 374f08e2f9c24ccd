import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The Carta dei servizi from case data on the web: the cases imported on the Importazione page through the one
/// `ServiceCaseImport` of `traguardo carta import-casi` (all or nothing, the same errors), and the Carta page
/// computed from the stored cases as `--carta-da-casi` computes it.
@Suite("Carta dei servizi dai casi, sul web")
struct CartaCasesWebTests {
    static let cases = ServerFixture.examples.appendingPathComponent("lucca-2018").appendingPathComponent("casi")
        .appendingPathComponent("casi-2018.csv")

    /// The row of `code` in the Carta page's table.
    static func row(_ code: String, in html: String) -> String? {
        html.firstRange(of: "<tr><th scope=\"row\">\(code)</th>").map { range in
            String(html[range.lowerBound...].prefix { $0 != "\n" })
        }
    }

    @Test func theRegisterExportIsImportedAndTheCartaComputedFromIt() async throws {
        try await ServerFixture.withSignedIn("controllo") { controller, server in
            #expect(try await server.store.serviceCases(in: ServerFixture.lucca2018).isEmpty)
            let page = try await controller.get("/amministrazione/importazione")
            #expect(page.body.contains(#"action="/amministrazione/importazione/casi""#))

            // Only checked: nothing stored.
            let content = try String(contentsOf: Self.cases, encoding: .utf8)
            let lines = content.split(whereSeparator: \.isNewline).count - 1
            let checked = try await ImportTests.upload(
                controller, "/amministrazione/importazione/casi", filename: "casi-2018.csv", content: content,
                fields: [("ente_anno", "lucca/2018"), ("prova", "1")])
            #expect(checked.status == .ok, "\(checked.body)")
            #expect(checked.body.contains("Solo verifica: nulla è stato salvato."))
            #expect(try await server.store.serviceCases(in: ServerFixture.lucca2018).isEmpty)

            let answer = try await ImportTests.upload(
                controller, "/amministrazione/importazione/casi", filename: "casi-2018.csv", content: content,
                fields: [("ente_anno", "lucca/2018")])
            #expect(answer.status == .ok, "\(answer.body)")
            #expect(answer.body.contains("Servizio 3.3.4: 415 casi (prima 0)."), "\(answer.body)")
            #expect(answer.body.contains(#"href="/enti/lucca/2018/carta?fonte=casi""#))
            let stored = try await server.store.serviceCases(in: ServerFixture.lucca2018)
            #expect(stored.count == lines)

            // Any role that reads the plan sees the Carta computed from the cases: the printed allegato's total.
            let reader = Browser(server.client)
            try await reader.logIn("lettore")
            let typed = try await reader.get("/enti/lucca/2018/carta")
            #expect(typed.status == .ok)
            #expect(typed.body.contains(#"href="/enti/lucca/2018/carta?fonte=casi""#))
            #expect(!typed.body.contains("Media giorni lavorativi"))
            let carta = try await reader.get("/enti/lucca/2018/carta?fonte=casi")
            #expect(carta.status == .ok)
            #expect(carta.body.contains("<li>TOTALE 3.572</li>"), "\(carta.body)")
            #expect(carta.body.contains("<li>% RISULTATO CONSEGUITO SU 36 PROCESSI 99,22</li>"))
            #expect(carta.body.contains("Carta dei servizi calcolata dai casi registrati (\(ItalianFormatting.number(Decimal(lines))) casi"))
            #expect(!carta.body.contains("Importa i casi dei registri"), "un lettore non importa")
            // Each row with its cases and working days.
            let plan = try #require(try await server.store.loadPlan(ServerFixture.lucca2018))
            let summary = try #require(ServiceCharterFromCases(plan: plan, cases: stored).summaries.first { $0.standard.code == "3.3.4" })
            #expect(summary.cases == 415)
            let row = try #require(Self.row("3.3.4", in: carta.body), "\(carta.body)")
            #expect(row.contains(#"<td class="numero">415</td>"#), "\(row)")
            let mean = try #require(summary.meanDays)
            #expect(row.contains(#"<td class="numero">\#(ItalianFormatting.number(mean.rounded(.halfUp, digits: 2)))</td>"#), "\(row)")
            #expect(row.contains(#"<td class="numero">\#(try #require(summary.maximumDays))</td>"#), "\(row)")
        }
    }

    /// A malformed register export: every problem listed with file, row, column and value, as the command line
    /// lists them; nothing stored (the cases already there stay, the registro has no new row).
    @Test func aBadFileStoresNothing() async throws {
        let bad = """
            servizio;protocollo;ricevuta;conclusa;sospensioni;canale
            3.1.1;A-1;10/05/2018;08/05/2018;;
            9.9.9;A-2;10/05/2018;11/05/2018;;
            3.1.1;A-3;31/02/2018;11/05/2018;;
            3.1.1;A-4;10/05/2018;11/05/2018;;
            3.1.1;A-4;10/05/2018;11/05/2018;;

            """
        let good = """
            servizio;protocollo;ricevuta;conclusa
            3.1.1;B-1;02/07/2018;16/07/2018

            """
        try await ServerFixture.withSignedIn("admin") { admin, server in
            try await admin.get("/amministrazione/importazione")
            let first = try await ImportTests.upload(
                admin, "/amministrazione/importazione/casi", filename: "buono.csv", content: good, fields: [("ente_anno", "lucca/2018")])
            #expect(first.status == .ok, "\(first.body)")
            let before = try await server.store.serviceCases(in: ServerFixture.lucca2018)
            #expect(before.map(\.caseID) == ["B-1"])
            let audit = try await server.store.auditLog(AuditQuery(limit: 100_000)).count

            let refused = try await ImportTests.upload(
                admin, "/amministrazione/importazione/casi", filename: "registro.csv", content: bad, fields: [("ente_anno", "lucca/2018")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Non ho importato nulla"))
            for expected in [
                "registro.csv, riga 2, colonna «conclusa»: il caso si conclude il 08/05/2018, prima di essere ricevuto (10/05/2018)",
                "registro.csv, riga 3, colonna «servizio»: servizio «9.9.9» non è nella Carta dei servizi di lucca 2018",
                "registro.csv, riga 4, colonna «ricevuta»: «31/02/2018» non è una data; attesa per esempio 31/12/2018",
                "registro.csv, riga 6, colonna «protocollo»: il caso «A-4» del servizio 3.1.1 compare anche alla riga 5",
            ] {
                #expect(refused.body.contains(expected.replacingOccurrences(of: "'", with: "&#39;")), "\(expected)\n\(refused.body)")
            }
            #expect(try await server.store.serviceCases(in: ServerFixture.lucca2018) == before)
            #expect(try await server.store.auditLog(AuditQuery(limit: 100_000)).count == audit)

            // A file without the «servizio» column: the same sentence as the command line's, naming this page's field;
            // with the field filled in, the file is read.
            let oneService = "protocollo;ricevuta;conclusa\n B-2;02/07/2018;16/07/2018\n"
            let unnamed = try await ImportTests.upload(
                admin, "/amministrazione/importazione/casi", filename: "accessi.csv", content: oneService,
                fields: [("ente_anno", "lucca/2018"), ("prova", "1")])
            #expect(unnamed.status == .unprocessableContent)
            #expect(unnamed.body.contains("non ha «servizio» (oppure indicare il servizio di tutto il file: --servizio 3.1.1 sulla riga di comando, «Servizio di tutte le righe» nella pagina Importazione)"), "\(unnamed.body)")
            let named = try await ImportTests.upload(
                admin, "/amministrazione/importazione/casi", filename: "accessi.csv", content: oneService,
                fields: [("ente_anno", "lucca/2018"), ("servizio", "3.1.1"), ("prova", "1")])
            #expect(named.status == .ok, "\(named.body)")
            #expect(named.body.contains("lucca 2018: 1 casi di 1 servizi — nessun errore."), "\(named.body)")

            // An Ente-year the form does not name well is refused before reading the file.
            let noScope = try await ImportTests.upload(
                admin, "/amministrazione/importazione/casi", filename: "buono.csv", content: good, fields: [("ente_anno", "")])
            #expect(noScope.status == .unprocessableContent)
            #expect(try await server.store.serviceCases(in: ServerFixture.lucca2018) == before)
        }
    }
}
