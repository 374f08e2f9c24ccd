import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The home page: the Ente-years of the database with their links.
@Suite("Pagina iniziale")
struct HomePageTests {
    @Test func theHomePageListsTheEnteYears() async throws {
        try await ServerFixture.withSignedIn("lettore") { reader, server in
            let home = try await reader.get("/")
            #expect(home.status == .ok)
            for year in [2013, 2018] {
                #expect(home.body.contains(#"href="/enti/lucca/\#(year)/cruscotto""#))
                #expect(home.body.contains(#"href="/enti/lucca/\#(year)/albero""#))
                #expect(home.body.contains(#"href="/enti/lucca/\#(year)/documenti""#))
            }
            // A reader does not enter measurements: no link to the rilevazione.
            #expect(!home.body.contains("/rilevazione/"))
            let controller = Browser(server.client)
            try await controller.logIn("controllo")
            #expect(try await controller.get("/").body.contains(#"href="/enti/lucca/2018/rilevazione/ANNO""#))
        }
    }

    /// The home reads the Ente-years' headings and the unit directory, and only the plan the user works on
    /// (2018): a year whose plan cannot even be read (its indicators damaged) is still listed, with the office's
    /// own link, where reading every plan the user reaches failed the whole page.
    @Test func theHomeReadsHeadingsNotEveryPlan() async throws {
        let damage: (Store) async throws -> Void = { store in
            try await TestDatabase.raw("UPDATE indicators SET data = 'non json' WHERE entity_code = 'lucca' AND year = 2013", on: store)
        }
        try await ServerFixture.withSignedIn("ufficio.prog", prepare: damage) { office, _ in
            let home = try await office.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains(#"href="/enti/lucca/2013/cruscotto""#))
            #expect(home.body.contains(#"href="/enti/lucca/2013/rilevazione/ANNO/PROG""#), "l'ufficio del 2013 dalla directory delle unità")
            #expect(home.body.contains(#"href="/enti/lucca/2018/cruscotto""#))
        }
    }
}
