import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore

/// Amministrazione › Periodi and › Unità.
@Suite("Amministrazione: periodi e unità")
struct AdminPlanPagesTests {
    @Test func thePeriodsPageClosesAndReopensAPeriod() async throws {
        try await ServerFixture.withSignedIn("controllo") { controller, server in
            let page = try await controller.get("/amministrazione/periodi/lucca/2018")
            #expect(page.status == .ok)
            #expect(page.body.contains("Chiudi il periodo ANNO"))
            #expect(page.body.contains(#"action="/amministrazione/periodi/lucca/2018/stato""#))
            let closed = try await controller.post("/amministrazione/periodi/lucca/2018/stato", [("periodo", "ANNO"), ("azione", "chiudi")])
            #expect(closed.location == "/amministrazione/periodi/lucca/2018")
            #expect(try await server.store.loadPlan(ServerFixture.lucca2018)?.periods.first { $0.code == "ANNO" }?.status == .closed)
            #expect(try await controller.get("/amministrazione/periodi/lucca/2018").body.contains("Riapri il periodo ANNO"))
            let reader = Browser(server.client)
            try await reader.logIn("lettore")
            #expect(try await reader.get("/amministrazione/periodi/lucca/2018").status == .forbidden)
        }
    }

    @Test func theUnitsPageListsTheUnitsWithTheItemsTheyEnter() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let plan = try #require(try await store.loadPlan(ServerFixture.lucca2018))
                let unit = try #require(plan.units.first { $0.code == "PERS" })
                let owned = plan.responsibleUnits().values.filter { $0 == unit.id }.count
                #expect(owned > 0)
                let admin = Browser(client)
                try await admin.logIn("admin")
                let page = try await admin.get("/amministrazione/unita/lucca/2018")
                #expect(page.status == .ok)
                #expect(page.body.contains(#"<td>PERS</td>"#))
                #expect(page.body.contains(#"\#(unit.name)</td><td>Ufficio</td><td class="numero">\#(owned)</td>"#))
                #expect(page.body.contains(#"<form class="modulo" method="post" action="/amministrazione/unita/lucca/2018">"#),
                        "il modulo per aggiungere un'unità va alla rotta che lo accetta")
                #expect(try await admin.get("/amministrazione/unita").location == "/amministrazione/unita/lucca/2018")
                let office = Browser(client)
                try await office.logIn("ufficio.pers")
                #expect(try await office.get("/amministrazione/unita/lucca/2018").status == .forbidden)
            }
        }
    }
}
