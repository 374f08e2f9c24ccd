import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Issue 21: no page shows numbers of a period, year or Ente that does not exist (404 in Italian, with the menu),
/// an Ente-year without items never says every measurement is in, and every page keeps the Ente-year and the
/// whole menu (the header's chooser, Amministrazione, the registro, error pages, the site's 404).
@Suite("Contesto delle pagine e 404")
struct PageContextTests {
    /// The main menu of the page, as its links' paths.
    static func menu(_ body: String) -> [String] {
        guard let nav = body.firstMatch(of: /<nav class="menu"[^>]*>([\s\S]*?)<\/nav>/) else { return [] }
        return String(nav.1).matches(of: /href="([^"]*)"/).map { String($0.1) }
    }

    @Test func anUnknownPeriodIsNotFoundOnEveryPageInsteadOfScores() async throws {
        try await ServerFixture.withSignedIn("controllo") { browser, _ in
            for path in ["/enti/lucca/2018/cruscotto", "/enti/lucca/2018/albero", "/enti/lucca/2018/nodi/SG-2", "/enti/lucca/2018/documenti",
                         "/enti/lucca/2018/documenti/relazione.html"] {
                let page = try await browser.get(path + "?periodo=XYZ")
                #expect(page.status == .notFound, "\(path): \(page.status)")
                #expect(page.body.contains("Nessun periodo «XYZ» nel ciclo 2018"), "\(path)")
                #expect(!page.body.contains("Risultato dell'Ente"), "\(path) mostra un risultato")
                #expect(Self.menu(page.body).contains("/enti/lucca/2018/cruscotto"), "\(path): la pagina d'errore perde il menu")
                // A period the plan has still works.
                #expect(try await browser.get(path + "?periodo=ANNO").status == .ok, "\(path)?periodo=ANNO")
            }
            for path in ["/enti/lucca/2099/cruscotto", "/enti/nessuno/2018/albero", "/enti/lucca/anno/cruscotto"] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path): \(page.status)")
                #expect(page.body.contains("Pagina non trovata"), "\(path)")
                #expect(!Self.menu(page.body).isEmpty, "\(path): la pagina d'errore perde il menu")
            }
        }
    }

    @Test func anUnknownAddressGetsTheSitesItalian404WithTheMenu() async throws {
        try await ServerFixture.withSignedIn("lettore") { browser, server in
            let page = try await browser.get("/nessuna/pagina")
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.body.contains("non corrisponde a nessuna pagina di Traguardo"))
            #expect(Self.menu(page.body).contains("/enti/lucca/2018/cruscotto"))
            // Anonymous: the same Italian page, without a menu; the API keeps answering in JSON.
            let anonymous = try await Browser(server.client).get("/nessuna/pagina")
            #expect(anonymous.status == .notFound)
            #expect(anonymous.body.contains("non corrisponde a nessuna pagina"))
            let api = try await Browser(server.client).get("/api/v1/nessuna")
            #expect(api.headers[.contentType]?.contains("json") == true, "\(api.headers)")
        }
    }

    @Test func theEnteYearIsKeptByThePagesWithoutOneAndTheChooserOffersTheOthers() async throws {
        try await ServerFixture.withSignedIn("controllo") { browser, _ in
            // Opened Lucca 2013: the registro, the home and Amministrazione stay on it.
            #expect(try await browser.get("/enti/lucca/2013/albero").status == .ok)
            for path in ["/registro", "/", "/amministrazione/importazione"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                let menu = Self.menu(page.body)
                for section in ["/enti/lucca/2013/cruscotto", "/enti/lucca/2013/albero", "/enti/lucca/2013/documenti",
                                "/enti/lucca/2013/verifiche", "/registro", "/amministrazione/unita/lucca/2013"] {
                    #expect(menu.contains(section), "\(path): manca \(section) in \(menu)")
                }
                #expect(page.body.contains("Ente e anno: CCIAA Lucca – 2013"), "\(path)")
            }
            let admin = try await browser.get("/amministrazione/unita")
            #expect(admin.status == .seeOther)
            #expect(admin.location == "/amministrazione/unita/lucca/2013")
            // The chooser: the other year, in the same section.
            let albero = try await browser.get("/enti/lucca/2013/albero")
            #expect(albero.body.contains(#"<a href="/enti/lucca/2018/albero">CCIAA Lucca – 2018</a>"#), "\(albero.body.prefix(3000))")
            // Another year opened: now the pages keep that one.
            #expect(try await browser.get("/enti/lucca/2018/cruscotto").status == .ok)
            #expect(Self.menu(try await browser.get("/registro").body).contains("/enti/lucca/2018/cruscotto"))
            #expect(try await browser.get("/amministrazione/unita").location == "/amministrazione/unita/lucca/2018")
            // A year that does not exist is not kept.
            #expect(try await browser.get("/enti/lucca/2099/cruscotto").status == .notFound)
            #expect(Self.menu(try await browser.get("/registro").body).contains("/enti/lucca/2018/cruscotto"))
        }
    }

    @Test func anEnteYearWithoutItemsNeverSaysThatEveryMeasurementIsIn() async throws {
        try await ServerFixture.withSignedIn("controllo", prepare: { store in
            try await store.save(Cycle(entityCode: "lucca", year: 2020), actor: "test")
        }) { browser, _ in
            let page = try await browser.get("/enti/lucca/2020/cruscotto")
            #expect(page.status == .ok)
            #expect(!page.body.contains("Tutte le rilevazioni del periodo sono state inserite"))
            #expect(page.body.contains("non ha item da rilevare"))
            // With items and an open period, the count is there.
            let lucca = try await browser.get("/enti/lucca/2018/cruscotto")
            #expect(lucca.body.contains(#"<h2 id="ril-mancanti">"#))
            #expect(!lucca.body.contains("non ha item da rilevare"))
        }
    }
}
