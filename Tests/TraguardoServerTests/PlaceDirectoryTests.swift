import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// The header's chooser draws the Enti and Ente-years from `PlaceDirectory`, kept in memory under the marker of the
/// Enti and cycles: a cycle added or removed and an Ente renamed (here written straight to the store, as another
/// instance sharing the database would) show at the next request.
@Suite("Elenco degli Enti-anni del selettore")
struct PlaceDirectoryTests {
    static func link(_ year: Int, _ name: String) -> String { #"<a href="/enti/lucca/\#(year)/cruscotto">\#(name) – \#(year)</a>"# }

    @Test(arguments: TestBackend.allCases)
    func aNewCycleARemovedOneAndARenamedEnteReachTheChooserAtTheNextRequest(_ backend: TestBackend) async throws {
        try await ServerFixture.withSignedIn("controllo", backend: backend) { browser, server in
            let page = "/enti/lucca/2018/cruscotto"
            let before = try await browser.get(page)
            #expect(before.status == .ok)
            #expect(before.body.contains(Self.link(2013, "CCIAA Lucca")), "\(before.body.prefix(3000))")
            #expect(!before.body.contains("/enti/lucca/2031/"))

            try await server.store.save(Cycle(entityCode: "lucca", year: 2031), actor: "amministratore")
            let added = try await browser.get(page)
            #expect(added.body.contains(Self.link(2031, "CCIAA Lucca")), "il nuovo Ente-anno manca nel selettore")

            var entity = try #require(try await server.store.entity("lucca"))
            entity.shortName = "Camera di Lucca"
            try await server.store.save(entity, actor: "amministratore")
            let renamed = try await browser.get(page)
            #expect(renamed.body.contains(Self.link(2013, "Camera di Lucca")), "il selettore mostra il nome di prima")

            try await server.store.deleteCycle(CycleScope(entityCode: "lucca", year: 2031), actor: "amministratore")
            let removed = try await browser.get(page)
            #expect(removed.status == .ok)
            #expect(!removed.body.contains("/enti/lucca/2031/"), "l'Ente-anno tolto resta nel selettore")
        }
    }
}
