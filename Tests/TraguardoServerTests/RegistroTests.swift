import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The registro modifiche page: a change made through the rilevazione shows with its author; the filter
/// narrows the rows and reads its dates in Italian; a lettore is refused.
@Suite("Registro modifiche")
struct RegistroTests {
    @Test func anEntryOfTheRilevazioneShowsWithItsAuthorAndTheFilterNarrowsIt() async throws {
        try await ServerFixture.withSignedIn("ufficio.pers") { office, server in
            #expect(try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "no")]).status == .ok)

            let controller = Browser(server.client)
            try await controller.logIn("controllo")
            let registro = try await controller.get("/registro")
            #expect(registro.status == .ok)
            #expect(registro.body.contains("<td>ufficio.pers</td><td>modifica</td>"))
            #expect(registro.body.contains("<td>SG-2/2/1@ANNO</td>"))

            let byOthers = try await controller.post("/registro", [("autore", "nessuno-così"), ("tipo", ""), ("dal", ""), ("al", "")])
            #expect(byOthers.status == .ok)
            #expect(!byOthers.body.contains("<td>ufficio.pers</td>"))
            #expect(byOthers.body.contains("Nessuna modifica con questi filtri."))

            let byOffice = try await controller.post("/registro", [("autore", "ufficio.pers"), ("tipo", "measurements")])
            #expect(byOffice.body.contains("<td>ufficio.pers</td><td>modifica</td>"))

            let badDate = try await controller.post("/registro", [("dal", "ieri")])
            #expect(badDate.status == .unprocessableContent)
            #expect(badDate.body.contains("non è una data"))

            let reader = Browser(server.client)
            try await reader.logIn("lettore")
            let refused = try await reader.get("/registro")
            #expect(refused.status == .forbidden)
            #expect(!refused.body.contains("ufficio.pers</td>"))
        }
    }
}

/// The registro as an audit tool: the filters run in the database over the whole log (not the newest rows),
/// the list is paged, the filtered log downloads as CSV, and a change shows its fields before and after.
@Suite("Registro modifiche: filtri, pagine, CSV")
struct RegistroAuditToolTests {
    @Test(arguments: TestBackend.allCases)
    func anOldChangeIsFoundByAuthorAndElementAndDownloadsAsCSV(backend: TestBackend) async throws {
        try await ServerFixture.withSignedIn("ufficio.pers", backend: backend) { office, server in
            #expect(try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "no")]).status == .ok)
            // 260 newer changes by someone else bury it below the newest 200 rows.
            let hash = await PasswordHashing.hash(DemoAccounts.password, cost: 4)
            for n in 0..<260 {
                try await server.store.addUser(
                    UserAccount(username: "utente.\(n)", displayName: "Utente \(n)", role: "lettore"), passwordHash: hash, actor: "caricamento")
            }
            let total = try await server.store.auditCount(AuditQuery())
            #expect(total > 260)

            let controller = Browser(server.client)
            try await controller.logIn("controllo")
            let first = try await controller.get("/registro")
            #expect(first.status == .ok)
            #expect(first.body.contains("Pagina 1 di \((total + 49) / 50)"))
            #expect(!first.body.contains("<td>ufficio.pers</td>"))
            #expect(first.body.contains("href=\"/registro?pagina=2\""))
            let second = try await controller.get("/registro?pagina=2")
            #expect(second.body.contains("Pagina 2 di"))
            #expect(second.body.contains("rel=\"prev\""))

            for query in ["autore=UFFICIO.PERS", "elemento=SG-2%2F2%2F1", "ente_anno=lucca%2F2018&tipo=measurements"] {
                let found = try await controller.get("/registro?" + query)
                #expect(found.status == .ok, "\(query)")
                #expect(found.body.contains("<td>ufficio.pers</td><td>modifica</td>"), "\(query)")
                #expect(found.body.contains("<td>SG-2/2/1@ANNO</td>"), "\(query)")
                #expect(!found.body.contains("utente.259"), "\(query)")
                // What changed, as fields, not the stored JSON.
                #expect(found.body.contains("<ul class=\"modifiche\">"), "\(query)")
                #expect(!found.body.contains("{&quot;"), "\(query)")
            }
            let elsewhere = try await controller.get("/registro?autore=ufficio.pers&ente_anno=lucca%2F2013")
            #expect(elsewhere.body.contains("Nessuna modifica con questi filtri."))
            let future = try await controller.get("/registro?autore=ufficio.pers&dal=01%2F01%2F2100")
            #expect(future.body.contains("Nessuna modifica con questi filtri."))

            let csv = try await controller.get("/registro?autore=ufficio.pers&formato=csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.headers[.contentDisposition]?.contains("registro-modifiche.csv") == true)
            let lines = csv.body.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\r\n").map(String.init)
            #expect(lines.first == "Quando;Chi;Operazione;Dato;Ente e anno;Elemento;Campi modificati")
            #expect(lines.count == 1 + (try await server.store.auditCount(AuditQuery(actor: "ufficio.pers"))))
            #expect(lines.dropFirst().allSatisfy { $0.contains(";ufficio.pers;") })
            #expect(lines.contains { $0.contains(";SG-2/2/1@ANNO;") && $0.contains("→") && !$0.contains("{\"") })

            let everything = try await controller.get("/registro?formato=csv")
            #expect(everything.body.split(separator: "\r\n").count == 1 + total)

            let reader = Browser(server.client)
            try await reader.logIn("lettore")
            #expect(try await reader.get("/registro?formato=csv").status == .forbidden)
        }
    }

    @Test func anAccountOfOneEnteNeverReadsAnotherEntesRows() async throws {
        try await ServerFixture.withSignedIn("ufficio.pers") { office, server in
            #expect(try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "no")]).status == .ok)
            let hash = await PasswordHashing.hash(DemoAccounts.password, cost: 4)
            try await server.store.addUser(
                UserAccount(username: "admin.pisa", displayName: "Amministratore di Pisa", role: "amministratore", entityCode: "pisa"),
                passwordHash: hash, actor: "test")
            let pisa = Browser(server.client)
            try await pisa.logIn("admin.pisa")
            for path in ["/registro?ente_anno=lucca%2F2018", "/registro?elemento=SG-2%2F2%2F1", "/registro?formato=csv&ente_anno=lucca%2F2018"] {
                let page = try await pisa.get(path)
                #expect(page.status == .ok)
                #expect(!page.body.contains("SG-2/2/1@ANNO"), "\(path)")
            }
        }
    }
}
