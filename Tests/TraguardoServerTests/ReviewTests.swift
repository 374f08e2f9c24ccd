import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The OIV on a node page: it comments and validates through the page's forms and sees both on the page
/// again; the controllo di gestione comments but does not validate; the lettore sees them without forms;
/// nothing the OIV does changes a measurement.
@Suite("Commenti e validazioni dell'OIV")
struct ReviewTests {
    @Test func theOIVCommentsAndValidatesFromTheNodePage() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            let measurementsBefore = try #require(try await store.loadPlan(ServerFixture.lucca2018)).measurements
            try await app.test(.router) { client in
                let oiv = Browser(client)
                try await oiv.logIn("oiv")
                let page = try await oiv.get("/enti/lucca/2018/nodi/SG-4")
                #expect(page.status == .ok)
                #expect(page.body.contains("Commenti e validazioni dell'OIV"))
                #expect(page.body.contains("action=\"/enti/lucca/2018/commenti\""))
                #expect(page.body.contains("action=\"/enti/lucca/2018/validazioni\""))
                #expect(page.body.contains("Il risultato non è ancora stato validato."))

                let commented = try await oiv.post("/enti/lucca/2018/commenti", [("elemento", "SG-4"), ("testo", "Target <ambizioso> & raggiunto")])
                #expect(commented.status == .seeOther)
                #expect(commented.location?.hasPrefix("/enti/lucca/2018/nodi/SG-4?fatto=commento") == true, "\(commented.location ?? "")")
                let validated = try await oiv.post(
                    "/enti/lucca/2018/validazioni", [("elemento", "SG-4"), ("periodo", "ANNO"), ("nota", "Dati verificati sul registro")])
                #expect(validated.status == .seeOther)
                let after = try await oiv.get(try #require(validated.location))
                #expect(after.body.contains("Validazione registrata."))
                #expect(after.body.contains("<strong>oiv</strong>"))
                #expect(after.body.contains("Target &lt;ambizioso&gt; &amp; raggiunto"), "il commento è mostrato, escapato")
                #expect(after.body.contains("validato da oiv il "))
                #expect(after.body.contains(": Dati verificati sul registro"))

                let empty = try await oiv.post("/enti/lucca/2018/commenti", [("elemento", "SG-4"), ("testo", "   ")])
                #expect(empty.status == .badRequest)
                #expect(try await store.comments(in: ServerFixture.lucca2018).count == 1)

                let controller = Browser(client)
                try await controller.logIn("controllo")
                let seen = try await controller.get("/enti/lucca/2018/nodi/SG-4")
                #expect(seen.body.contains("action=\"/enti/lucca/2018/commenti\""))
                #expect(!seen.body.contains("action=\"/enti/lucca/2018/validazioni\""))

                let reader = Browser(client)
                try await reader.logIn("lettore")
                let read = try await reader.get("/enti/lucca/2018/nodi/SG-4")
                #expect(read.body.contains("Target &lt;ambizioso&gt; &amp; raggiunto"))
                #expect(!read.body.contains("/commenti\""))
                #expect(!read.body.contains("/validazioni\""))
            }
            let measurementsAfter = try #require(try await store.loadPlan(ServerFixture.lucca2018)).measurements
            #expect(measurementsAfter == measurementsBefore, "commenti e validazioni non toccano le rilevazioni")
        }
    }
}
