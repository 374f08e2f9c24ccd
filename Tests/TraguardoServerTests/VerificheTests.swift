import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoExchange
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The «Verifiche» page: the findings the checks make on the stored plan (the same as `traguardo check`);
/// the controllo di gestione acknowledges one with a reason, refused beside the field without it; the OIV
/// and the lettore read the findings without the form.
@Suite("Verifiche")
struct VerificheTests {
    /// The page runs the checks as `traguardo check` does, with the Ente's other years: with Lucca 2017 stored too,
    /// the objectives whose code changes from 2017 to 2018 are shown on 2018's page and can be acknowledged.
    @Test func thePageChecksAcrossTheEntesOtherYears() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let y2017 = try PlanFileReader.read(paths: [ServerFixture.examples.appendingPathComponent("lucca-2017").path])
            try await store.savePlans(y2017, actor: "test")
            let plan = try #require(try await store.loadPlan(ServerFixture.lucca2018))
            let across = CheckCatalogue.findings(in: plan, period: nil, otherYears: try await store.otherYears(of: plan))
                .filter { $0.code == "ANNI-DISCORDANTI" }
            let finding = try #require(across.first)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let controller = Browser(client)
                try await controller.logIn("controllo")
                let page = try await controller.get("/enti/lucca/2018/verifiche?mostra=tutte")
                #expect(page.status == .ok)
                #expect(page.body.contains("ANNI-DISCORDANTI"))
                let done = try await controller.post(
                    "/enti/lucca/2018/verifiche/riconosci", [("chiave", finding.key), ("motivo", "Codici RPP adottati nel 2018")])
                #expect(done.status == .seeOther)
                #expect(try await store.acknowledgements(in: ServerFixture.lucca2018).map(\.findingKey) == [finding.key])
            }
        }
    }

    @Test func theControllerAcknowledgesAFindingWithAReason() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let plan = try #require(try await store.loadPlan(ServerFixture.lucca2013))
            let findings = CheckCatalogue.findings(in: plan, period: nil)
            let finding = try #require(findings.first { $0.code == "VALORE-DICHIARATO" && $0.elementCode == "C10101" })
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let controller = Browser(client)
                try await controller.logIn("controllo")
                let page = try await controller.get("/enti/lucca/2013/verifiche")
                #expect(page.status == .ok)
                #expect(page.body.contains("VALORE-DICHIARATO"))
                #expect(page.body.contains("Il documento stampa 88,89 ma"), "il messaggio della verifica, con i numeri in italiano")
                let forms = page.body.matches(of: /name="chiave" value="([^"]+)"/).map { String($0.1) }
                let serious = findings.filter { $0.severity != .suggestion }
                #expect(forms.count == serious.count, "un modulo per ogni errore e avviso aperto")
                #expect(page.body.contains("Suggerimenti (\(findings.count - serious.count))"))
                let everything = try await controller.get("/enti/lucca/2013/verifiche?mostra=tutte")
                #expect(everything.body.matches(of: /name="chiave" value="([^"]+)"/).count == findings.count, "con «Tutte», ogni segnalazione")

                let empty = try await controller.post("/enti/lucca/2013/verifiche/riconosci", [("chiave", finding.key), ("motivo", "  ")])
                #expect(empty.status == .unprocessableContent)
                #expect(empty.body.contains("Indicare il motivo"))
                #expect(empty.body.contains("aria-invalid=\"true\""))
                #expect(try await store.acknowledgements(in: ServerFixture.lucca2013).isEmpty)

                let unknown = try await controller.post("/enti/lucca/2013/verifiche/riconosci", [("chiave", "NULLA|nodo|X"), ("motivo", "prova")])
                #expect(unknown.status == .badRequest)
                #expect(try await store.acknowledgements(in: ServerFixture.lucca2013).isEmpty)

                let done = try await controller.post(
                    "/enti/lucca/2013/verifiche/riconosci", [("chiave", finding.key), ("motivo", "Valore del documento approvato dalla Giunta")])
                #expect(done.status == .seeOther)
                let stored = try await store.acknowledgements(in: ServerFixture.lucca2013)
                #expect(stored.map(\.findingKey) == [finding.key])
                #expect(stored.first?.acknowledgedBy == "controllo")
                let after = try await controller.get(try #require(done.location))
                #expect(after.body.contains("Segnalazione riconosciuta"))
                #expect(after.body.contains("riconosciuta (controllo: Valore del documento approvato dalla Giunta)"))
                let left = after.body.matches(of: /name="chiave" value="([^"]+)"/).map { String($0.1) }
                #expect(left.count == serious.count - 1 && !left.contains(finding.key))
                let audit = try await store.auditLog(AuditQuery(table: "check_acknowledgements", limit: 10))
                #expect(audit.first?.actor == "controllo")
            }
        }
    }

    @Test func theOIVAndTheReaderSeeTheFindingsWithoutTheForm() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                for account in ["oiv", "lettore", "ufficio.pers"] {
                    let browser = Browser(client)
                    try await browser.logIn(account)
                    let page = try await browser.get("/enti/lucca/2013/verifiche")
                    #expect(page.status == .ok, "\(account)")
                    #expect(page.body.contains("VALORE-DICHIARATO"), "\(account)")
                    #expect(!page.body.contains("name=\"chiave\""), "\(account) non ha il modulo")
                }
            }
        }
    }
}
