import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoServer
import TraguardoStore

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
}
