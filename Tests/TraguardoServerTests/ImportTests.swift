import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore

/// Amministrazione › Importazione: a scheda uploaded as CSV stores its measurements; a bad one stores nothing.
@Suite("Amministrazione: importazione")
struct ImportTests {
    /// A scheda of Lucca 2018, period ANNO, Ufficio Personale, as `traguardo export --format csv` writes it.
    static func sheet(_ rows: [String]) -> String {
        (["Scheda di rilevazione;x", "Ente;lucca", "Anno;2018", "Periodo;ANNO", "Ufficio;PERS", "",
          "Codice;Obiettivo o nodo;Indicatore;Item;Target;Unità di misura;Valore periodo precedente;Valore;Motivo N.C.;Scostamento giustificato;Note"]
            + rows).joined(separator: "\r\n") + "\r\n"
    }

    /// Posts the file as `multipart/form-data`, with the browser's cookies and CSRF token.
    static func upload(_ browser: Browser, _ path: String, filename: String, content: String, fields: [(String, String)]) async throws
        -> (status: HTTPResponse.Status, body: String)
    {
        let boundary = "confine-\(UUID().uuidString)"
        var body = ""
        for (name, value) in fields + [("csrf", browser.csrf ?? "")] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n"
        body += content + "\r\n--\(boundary)--\r\n"
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: browser.cookieHeader]
        let response = try await browser.client.executeRequest(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        return (response.status, String(buffer: response.body))
    }

    static func measurement(_ store: Store) async throws -> TraguardoCore.Measurement? {
        try await store.loadPlan(ServerFixture.lucca2018)?.measurements.first { $0.itemID == "SG-2/2/1" && $0.periodID.hasSuffix("ANNO") }
    }

    @Test func anUploadedCSVSheetStoresTheMeasurement() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                #expect(try await Self.measurement(store)?.done != false)
                let controller = Browser(client)
                try await controller.logIn("controllo")
                let page = try await controller.get("/amministrazione/importazione")
                #expect(page.status == .ok)
                #expect(page.body.contains(#"enctype="multipart/form-data""#))
                #expect(page.body.contains(#"<option value="lucca/2018""#))
                let answer = try await Self.upload(
                    controller, "/amministrazione/importazione/schede", filename: "scheda.csv",
                    content: Self.sheet(["SG-2/2/1;;;;;;;no;;;"]), fields: [("ente_anno", "lucca/2018")])
                #expect(answer.status == .ok, "\(answer.body)")
                #expect(answer.body.contains("scheda.csv (lucca 2018, periodo ANNO, ufficio PERS): 1 righe compilate (0 uguali al database), 0 vuote"))
                // The summary line of `traguardo import` (MeasurementImport.writtenLine), «invariate» included.
                #expect(answer.body.contains("Rilevazioni: 0 nuove, 1 modificate, 0 invariate."), "\(answer.body)")
                let stored = try #require(try await Self.measurement(store))
                #expect(stored.done == false)
                #expect(stored.author == "controllo")
            }
        }
    }

    @Test func aBadSheetShowsItsErrorsAndStoresNothing() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let before = try await Self.measurement(store)
                let admin = Browser(client)
                try await admin.logIn("admin")
                try await admin.get("/amministrazione/importazione")
                let auditBefore = try await store.auditLog(AuditQuery(limit: 100_000)).count
                let answer = try await Self.upload(
                    admin, "/amministrazione/importazione/schede", filename: "sbagliata.csv",
                    content: Self.sheet(["SG-2/2/1;;;;;;;no;;;", "NON-ESISTE/1;;;;;;;5;;;"]), fields: [("ente_anno", "lucca/2018")])
                #expect(answer.status == .unprocessableContent)
                #expect(answer.body.contains("Non ho importato nulla"))
                #expect(answer.body.contains("sbagliata.csv, riga 9, colonna «Codice»"), "\(answer.body)")
                #expect(try await Self.measurement(store) == before)
                #expect(try await store.auditLog(AuditQuery(limit: 100_000)).count == auditBefore)
                let office = Browser(client)
                try await office.logIn("ufficio.pers")
                try await office.get("/")
                let refused = try await Self.upload(
                    office, "/amministrazione/importazione/schede", filename: "scheda.csv",
                    content: Self.sheet(["SG-2/2/1;;;;;;;no;;;"]), fields: [])
                #expect(refused.status == .forbidden)
                #expect(try await Self.measurement(store) == before)
            }
        }
    }

    static let plan = """
        formato: traguardo/1
        ente: {codice: prova, nome: Camera di Commercio di Prova}
        anno: 2019
        periodi: trimestri
        unita:
          - {codice: PROG, nome: Ufficio Programmazione, tipo: ufficio}
        albero:
          - codice: A
            tipo: area-strategica
            titolo: Competitività dell'Ente
            figli:
              - codice: A1
                tipo: obiettivo-strategico
                titolo: Tempi dei servizi
                indicatori:
                  - codice: "1"
                    nome: Servizi nei tempi
                    ufficio: PROG
                    item:
                      - {codice: a, descrizione: Pratiche evase entro 5 giorni, comparatore: ">=", valore_target: 90, regola: soglia}
        """

    @Test func anUploadedPlanFileIsImportedAndABadOneChangesNothing() async throws {
        try await ServerFixture.withSignedIn("admin") { admin, server in
            try await admin.get("/amministrazione/importazione")
            let bad = try await Self.upload(
                admin, "/amministrazione/importazione/piano", filename: "prova.yaml",
                content: Self.plan.replacingOccurrences(of: "regola: soglia", with: "regola: inventata"), fields: [])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("prova.yaml"), "\(bad.body)")
            #expect(try await server.store.cycles(entityCode: "prova").isEmpty)
            let good = try await Self.upload(admin, "/amministrazione/importazione/piano", filename: "prova.yaml", content: Self.plan, fields: [])
            #expect(good.status == .ok, "\(good.body)")
            #expect(good.body.contains("Importato prova 2019: 1 item"))
            let stored = try #require(try await server.store.loadPlan(CycleScope(entityCode: "prova", year: 2019)))
            #expect(stored.items.count == 1)
        }
    }
}
