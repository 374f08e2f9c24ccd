import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// An office or an area is a unit *of an Ente* (report M5): with a second Ente that has its own `SG`, the
/// account of Lucca's SG writes only in Lucca, an account with a unit but no Ente writes nowhere (and the
/// users page says so), and the forms and `traguardo user add` want the Ente and a unit of that Ente.
@Suite("Uffici e aree: la coppia (Ente, unità)")
struct OfficeEntityTests {
    static let enteB = CycleScope(entityCode: "ente-b", year: 2024)

    /// The demo store plus «ente-b» 2024 (units SG › RI; item G1/I1/a entered by RI), its last period open.
    static func withSecondEnte(_ backend: TestBackend, _ body: @escaping @Sendable (Store, any TestClientProtocol) async throws -> Void) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            try await store.savePlan(SamplePlan.make(entityCode: "ente-b", year: 2024), actor: "test")
            var period = try #require(try await store.loadPlan(enteB)?.periods.last)
            period.status = .open
            try await store.update(period, in: enteB, actor: "test")
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in try await body(store, client) }
        }
    }

    static let entry = [("item[G1/I1/a]", "1"), ("valore[G1/I1/a]", "4,2 gg")]

    @Test(arguments: TestBackend.allCases)
    func aUnitWithoutAnEnteWritesNowhereAndTheUsersPageSaysSo(_ backend: TestBackend) async throws {
        try await Self.withSecondEnte(backend) { store, client in
            // An account as the old forms made it: the area SG, no Ente (the reproduction of the report).
            let hash = await PasswordHashing.hash(DemoAccounts.password, cost: 4)
            try await store.addUser(
                UserAccount(username: "sg.tutti", displayName: "Segreteria", role: "dirigente", unitCode: "SG"), passwordHash: hash, actor: "test")
            try await store.addUser(
                UserAccount(username: "ufficio.sg", displayName: "Ufficio SG", role: "responsabile-ufficio", unitCode: "SG"),
                passwordHash: hash, actor: "test")
            let office = Browser(client)
            try await office.logIn("ufficio.sg")
            #expect(!(try await office.get("/").body.contains(#"class="diretto""#)), "nessun collegamento al proprio ufficio, in nessun Ente")
            #expect(try await office.get("/enti/ente-b/2024/rilevazione/ANNO/SG").status == .forbidden)
            #expect(try await office.get("/enti/lucca/2018/rilevazione/ANNO/SG").status == .forbidden)

            let before = try #require(try await store.loadPlan(Self.enteB)).measurements
            let manager = Browser(client)
            try await manager.logIn("sg.tutti")
            #expect(try await manager.get("/enti/ente-b/2024/rilevazione/ANNO/RI").status == .forbidden)
            #expect(try await manager.post("/enti/ente-b/2024/rilevazione/ANNO/RI", Self.entry).status == .forbidden)
            #expect(try await manager.get("/enti/lucca/2018/rilevazione/ANNO/SG").status == .forbidden)
            #expect(try await store.loadPlan(Self.enteB)?.measurements == before)

            let admin = Browser(client)
            try await admin.logIn("admin")
            let page = try await admin.get("/amministrazione/utenti")
            #expect(page.body.contains("Senza Ente: l&#39;area «SG» non dà il diritto di inserire rilevazioni")
                || page.body.contains("Senza Ente: l&#x27;area «SG» non dà il diritto di inserire rilevazioni"))
        }
    }

    @Test(arguments: TestBackend.allCases)
    func theSGOfLuccaWritesInLuccaOnlyAndTheFormsWantTheEnte(_ backend: TestBackend) async throws {
        try await Self.withSecondEnte(backend) { store, client in
            let admin = Browser(client)
            try await admin.logIn("admin")
            let page = try await admin.get("/amministrazione/utenti")
            // One choice per Ente: the two SG are two options.
            #expect(page.body.contains(#"<option value="lucca/SG">"#))
            #expect(page.body.contains(#"<option value="ente-b/SG">"#))
            let usersBefore = try await store.users()
            let noEnte = try await admin.post("/amministrazione/utenti/nuovo", [
                ("utente", "sg.tutti"), ("nome", "Segreteria"), ("password", "password-sicura-1"), ("ruolo", "dirigente"), ("ente", ""),
                ("ufficio", "SG"),
            ])
            #expect(noEnte.status == .unprocessableContent)
            #expect(noEnte.body.contains(#"id="campo-ente-errore">Un dirigente lavora per un Ente"#))
            let mismatch = try await admin.post("/amministrazione/utenti/nuovo", [
                ("utente", "sg.tutti"), ("nome", "Segreteria"), ("password", "password-sicura-1"), ("ruolo", "dirigente"), ("ente", "lucca"),
                ("ufficio", "ente-b/SG"),
            ])
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.body.contains("è dell&#39;Ente «ente-b», non di «lucca»") || mismatch.body.contains("è dell&#x27;Ente «ente-b», non di «lucca»"))
            let unknown = try await admin.post("/amministrazione/utenti/nuovo", [
                ("utente", "sg.tutti"), ("nome", "Segreteria"), ("password", "password-sicura-1"), ("ruolo", "responsabile-ufficio"),
                ("ente", "ente-b"), ("ufficio", "PERS"),
            ])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.body.contains("Ufficio «PERS» sconosciuto: atteso il codice di un&#39;unità dei piani dell&#39;Ente «ente-b» (RI, SG).")
                || unknown.body.contains("Ufficio «PERS» sconosciuto: atteso il codice di un&#x27;unità dei piani dell&#x27;Ente «ente-b» (RI, SG)."))
            #expect(try await store.users() == usersBefore)

            let added = try await admin.post("/amministrazione/utenti/nuovo", [
                ("utente", "sg.lucca"), ("nome", "Segreteria di Lucca"), ("password", "password-sicura-1"), ("ruolo", "dirigente"),
                ("ente", "lucca"), ("ufficio", "lucca/SG"),
            ])
            #expect(added.status == .seeOther)
            let account = try #require(try await store.user("sg.lucca"))
            #expect(account.entityCode == "lucca")
            #expect(account.unitCode == "SG")

            let before = try #require(try await store.loadPlan(Self.enteB)).measurements
            let manager = Browser(client)
            try await manager.logIn("sg.lucca", password: "password-sicura-1")
            #expect(try await manager.post("/enti/ente-b/2024/rilevazione/ANNO/RI", Self.entry).status == .forbidden)
            #expect(try await store.loadPlan(Self.enteB)?.measurements == before)
            #expect(try await manager.get("/enti/lucca/2018/rilevazione/ANNO/SG").status == .ok)
        }
    }
}
