import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Two servers on one PostgreSQL, each with its own connection pool, as behind a load balancer.
@Suite("Due istanze del server su un solo PostgreSQL")
struct TwoInstancesTests {
    @Test func aSessionOpenedOnOneInstanceWorksOnTheOther() async throws {
        try await withTestDatabase(.postgres) { database in
            let storeA = try await database.open()
            let storeB = try await database.open()
            do {
                try await ServerFixture.load(storeA)
                let appA = TraguardoApplication.make(store: storeA, configuration: ServerFixture.configuration())
                let appB = TraguardoApplication.make(store: storeB, configuration: ServerFixture.configuration())
                try await appA.test(.live) { clientA in
                    try await appB.test(.live) { clientB in
                        #expect(clientA.port != nil && clientA.port != clientB.port)
                        let onA = Browser(clientA)
                        #expect(try await onA.logIn("ufficio.pers").status == .seeOther)
                        // The cookie from A, on B: the same user, the same CSRF token.
                        let onB = Browser(clientB, cookies: onA.cookies)
                        let page = try await onB.get("/enti/lucca/2018/rilevazione/ANNO/PERS")
                        #expect(page.status == .ok)
                        #expect(page.body.contains("Ufficio Personale"))
                        #expect(onB.csrf == onA.csrf)
                        // Written through B, read through A.
                        #expect(try await onB.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "no")]).status == .ok)
                        let plan = try #require(try await storeA.loadPlan(ServerFixture.lucca2018))
                        let shown = try #require(PlanScorer.score(plan, period: "ANNO").objective(code: "SG-2")).score.shown
                        let cruscotto = try await onA.get("/enti/lucca/2018/cruscotto")
                        #expect(cruscotto.body.contains(">\(shown)<"))
                        // Logout on B ends the session on A too.
                        #expect(try await onB.post("/logout").status == .seeOther)
                        #expect(try await onA.get("/enti/lucca/2018/cruscotto").location == "/login?dopo=%2Fenti%2Flucca%2F2018%2Fcruscotto")
                    }
                }
            } catch {
                await storeA.close()
                await storeB.close()
                throw error
            }
            await storeA.close()
            await storeB.close()
        }
    }
}
