import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
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

    /// Lucca 2018 with a first quarter open before its closed year end (made «da aprire»), half of the year's values
    /// also entered for T1: the home's «Risultato dell'Ente» is T1's, names it and leads to its cruscotto, where it
    /// showed the year end.
    @Test func theEnteResultIsThatOfTheOpenPeriod() async throws {
        try await ServerFixture.withSignedIn("controllo", prepare: CruscottoPeriodTests.openFirstQuarter) { controller, server in
            let plan = try #require(try await server.store.loadPlan(ServerFixture.lucca2018))
            #expect(plan.periods.resultsPeriod?.code == "T1")
            let inQuarter = PlanScorer.score(plan, period: "T1").entity.score.shown
            let atYearEnd = PlanScorer.score(plan, period: "ANNO").entity.score.shown
            try #require(inQuarter != atYearEnd, "T1 e ANNO con lo stesso risultato: il test non distinguerebbe")
            let home = try await controller.get("/")
            let card = try #require(home.body.firstRange(of: "<h2>Risultato dell").map { String(home.body[$0.lowerBound...].prefix(700)) })
            #expect(card.contains(">\(inQuarter)<"), "\(card)")
            #expect(card.contains("Periodo: Primo trimestre (aperto)"), "\(card)")
            #expect(card.contains(#"href="/enti/lucca/2018/cruscotto?periodo=T1""#), "\(card)")
        }
    }
}
