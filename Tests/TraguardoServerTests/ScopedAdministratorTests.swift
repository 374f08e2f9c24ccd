import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// An amministratore limited to one Ente (report H2): it lists and changes only the users of its Ente that
/// are not amministratori, never an account of every Ente (the global amministratore first of all), never
/// its own limit, never an Ente other than its own, and makes no amministratori. Refused changes write nothing.
@Suite("Amministratore limitato a un Ente")
struct ScopedAdministratorTests {
    /// The store of the demo plus `admin.lucca` (amministratore of Lucca) and `admin.lucca.due` (another one).
    static func withScopedAdministrator(_ backend: TestBackend, _ body: @escaping @Sendable (Store, any TestClientProtocol) async throws -> Void) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let hash = await PasswordHashing.hash(DemoAccounts.password, cost: 4)
            for name in ["admin.lucca", "admin.lucca.due"] {
                try await store.addUser(
                    UserAccount(username: name, displayName: name, role: "amministratore", entityCode: "lucca"), passwordHash: hash, actor: "test")
            }
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in try await body(store, client) }
        }
    }

    @Test(arguments: TestBackend.allCases)
    func itCannotTakeOverTheGlobalAdministrator(_ backend: TestBackend) async throws {
        try await Self.withScopedAdministrator(backend) { store, client in
            let scoped = Browser(client)
            #expect(try await scoped.logIn("admin.lucca").status == .seeOther)
            let page = try await scoped.get("/amministrazione/utenti")
            #expect(page.status == .ok)
            // Its own Ente's users and itself; not the accounts of every Ente, not another amministratore.
            for name in ["admin.lucca", "dirigente.promozione", "ufficio.pers", "ufficio.prog"] {
                #expect(page.body.contains(#"id="modifica-\#(name)""#), "\(name) nell'elenco")
            }
            for name in ["admin", "controllo", "oiv", "lettore", "admin.lucca.due"] {
                #expect(!page.body.contains(#"id="modifica-\#(name)""#), "\(name) non nell'elenco")
                #expect(!page.body.contains(##"href="#modifica-\##(name)""##), "\(name) non nella tabella")
            }
            // Only its Ente, and no amministratore role, in the add form.
            #expect(!page.body.contains("Tutti gli Enti"))
            #expect(!page.body.contains(#"<option value="amministratore">"#))

            let usersBefore = try await store.users()
            let auditBefore = try await store.auditLog(AuditQuery(limit: 100_000)).count
            // The reproduction of the report: the global amministratore's password, then its account.
            let password = try await scoped.post("/amministrazione/utenti/admin/password", [("password", "presa-in-carico-123")])
            #expect(password.status == .forbidden)
            #expect(password.body.contains("non è fra quelli che puoi gestire"))
            #expect(try await scoped.post("/amministrazione/utenti/admin", [
                ("nome", "x"), ("ruolo", "lettore"), ("ente", "lucca"), ("ufficio", ""), ("attivo", "1"),
            ]).status == .forbidden)
            // Another amministratore of its Ente, a user of every Ente: refused too.
            #expect(try await scoped.post("/amministrazione/utenti/admin.lucca.due/password", [("password", "presa-in-carico-123")]).status
                == .forbidden)
            #expect(try await scoped.post("/amministrazione/utenti/oiv", [
                ("nome", "OIV"), ("ruolo", "oiv"), ("ente", "lucca"), ("ufficio", ""), ("attivo", "1"),
            ]).status == .forbidden)
            #expect(try await store.users() == usersBefore)
            #expect(try await store.auditLog(AuditQuery(limit: 100_000)).count == auditBefore)
            #expect(try await Browser(client).logIn("admin").status == .seeOther, "la password dell'amministratore è quella di prima")
        }
    }

    @Test(arguments: TestBackend.allCases)
    func itCannotLiftItsOwnLimitNorGiveAnotherEnteOrTheAdministratorRole(_ backend: TestBackend) async throws {
        try await Self.withScopedAdministrator(backend) { store, client in
            let scoped = Browser(client)
            try await scoped.logIn("admin.lucca")
            try await scoped.get("/amministrazione/utenti")
            let usersBefore = try await store.users()
            let auditBefore = try await store.auditLog(AuditQuery(limit: 100_000)).count

            let unlimited = try await scoped.post("/amministrazione/utenti/admin.lucca", [
                ("nome", "x"), ("ruolo", "amministratore"), ("ente", ""), ("ufficio", ""), ("attivo", "1"),
            ])
            #expect(unlimited.status == .unprocessableContent)
            #expect(unlimited.body.contains(#"id="utente-admin.lucca-ente-errore">Non puoi cambiare l&#39;Ente"#)
                || unlimited.body.contains(#"id="utente-admin.lucca-ente-errore">Non puoi cambiare l&#x27;Ente"#))
            // A user of its Ente made a user of every Ente, or an amministratore: refused beside the field.
            let everyEnte = try await scoped.post("/amministrazione/utenti/ufficio.prog", [
                ("nome", "Ufficio Programmazione e controllo"), ("ruolo", "lettore"), ("ente", ""), ("ufficio", ""), ("attivo", "1"),
            ])
            #expect(everyEnte.status == .unprocessableContent)
            #expect(everyEnte.body.contains(#"id="utente-ufficio.prog-ente-errore">Sei limitato all&#39;Ente «lucca»"#)
                || everyEnte.body.contains(#"id="utente-ufficio.prog-ente-errore">Sei limitato all&#x27;Ente «lucca»"#))
            let promoted = try await scoped.post("/amministrazione/utenti/ufficio.prog", [
                ("nome", "Ufficio Programmazione e controllo"), ("ruolo", "amministratore"), ("ente", "lucca"), ("ufficio", ""), ("attivo", "1"),
            ])
            #expect(promoted.status == .unprocessableContent)
            #expect(promoted.body.contains("Solo un amministratore non limitato a un Ente può creare o modificare amministratori."))
            for (name, role, entity) in [("nuovo.tutti", "lettore", ""), ("nuovo.admin", "amministratore", "lucca")] {
                let added = try await scoped.post("/amministrazione/utenti/nuovo", [
                    ("utente", name), ("nome", name), ("ruolo", role), ("ente", entity), ("ufficio", ""), ("password", "password-sicura-1"),
                ])
                #expect(added.status == .unprocessableContent, "\(name)")
            }
            #expect(try await store.users() == usersBefore)
            #expect(try await store.auditLog(AuditQuery(limit: 100_000)).count == auditBefore)

            // What it may do: its own name, a user of its Ente, a new user of its Ente.
            #expect(try await scoped.post("/amministrazione/utenti/admin.lucca", [
                ("nome", "Amministratore di Lucca"), ("ruolo", "amministratore"), ("ente", "lucca"), ("ufficio", ""), ("attivo", "1"),
            ]).status == .seeOther)
            #expect(try await store.user("admin.lucca")?.displayName == "Amministratore di Lucca")
            #expect(try await store.user("admin.lucca")?.entityCode == "lucca")
            #expect(try await scoped.post("/amministrazione/utenti/ufficio.prog", [
                ("nome", "Programmazione"), ("ruolo", "responsabile-ufficio"), ("ente", "lucca"), ("ufficio", "PROG"), ("attivo", "1"),
            ]).status == .seeOther)
            #expect(try await store.user("ufficio.prog")?.displayName == "Programmazione")
            #expect(try await scoped.post("/amministrazione/utenti/nuovo", [
                ("utente", "nuovo.lucca"), ("ruolo", "lettore"), ("ente", "lucca"), ("password", "password-sicura-1"),
            ]).status == .seeOther)
            #expect(try await store.user("nuovo.lucca")?.entityCode == "lucca")
        }
    }

    @Test func itsChoicesAndItsUnitsAreThoseOfItsEnteOnly() async throws {
        try await Self.withScopedAdministrator(.sqlite) { store, client in
            try await store.savePlan(SamplePlan.make(entityCode: "ente-b", year: 2024), actor: "test")
            let scoped = Browser(client)
            try await scoped.logIn("admin.lucca")
            let page = try await scoped.get("/amministrazione/utenti")
            #expect(page.body.contains(#"<option value="lucca/PERS">"#))
            #expect(!page.body.contains(#"<option value="ente-b/"#), "le unità di un altro Ente non sono fra le scelte")
            #expect(!page.body.contains(#"<option value="ente-b">"#), "né l'altro Ente")
            #expect(try await scoped.get("/amministrazione/unita/ente-b/2024").status == .forbidden)
            let added = try await scoped.post("/amministrazione/unita/ente-b/2024", [("codice", "X"), ("nome", "Unità X"), ("tipo", "ufficio")])
            #expect(added.status == .forbidden)
            #expect(try await store.loadPlan(CycleScope(entityCode: "ente-b", year: 2024))?.units.count == 2)
            // A user of Lucca given an office of the other Ente: refused beside the field.
            let elsewhere = try await scoped.post("/amministrazione/utenti/nuovo", [
                ("utente", "ri.b"), ("ruolo", "responsabile-ufficio"), ("ente", "lucca"), ("ufficio", "ente-b/RI"), ("password", "password-sicura-1"),
            ])
            #expect(elsewhere.status == .unprocessableContent)
            #expect(try await store.user("ri.b") == nil)
        }
    }

    @Test func theGlobalAdministratorCannotLimitItselfButLimitsOthers() async throws {
        try await Self.withScopedAdministrator(.sqlite) { store, client in
            let admin = Browser(client)
            try await admin.logIn("admin")
            try await admin.get("/amministrazione/utenti")
            let itself = try await admin.post("/amministrazione/utenti/admin", [
                ("nome", "Amministratore"), ("ruolo", "amministratore"), ("ente", "lucca"), ("ufficio", ""), ("attivo", "1"),
            ])
            #expect(itself.status == .unprocessableContent)
            #expect(try await store.user("admin")?.entityCode == nil)
            #expect(try await admin.post("/amministrazione/utenti/admin.lucca.due", [
                ("nome", "Amministratore"), ("ruolo", "amministratore"), ("ente", ""), ("ufficio", ""), ("attivo", "1"),
            ]).status == .seeOther)
            #expect(try await store.user("admin.lucca.due")?.entityCode == nil)
        }
    }

    /// Issue 18: an amministratore limited to one Ente saw «Posta» in the menus and got 403 on it. The menus are
    /// drawn with the rule that authorises (`UserRole.allows(_:limitedTo:)`): every admin page it opens leaves the
    /// link out, and every link they show opens; the global amministratore still has it.
    @Test func theMenusOfALimitedAdministratorLinkOnlyWhatItMayOpen() async throws {
        try await Self.withScopedAdministrator(.sqlite) { _, client in
            let scoped = Browser(client)
            #expect(try await scoped.logIn("admin.lucca").status == .seeOther)
            #expect(try await scoped.get("/amministrazione/posta").status == .forbidden)
            var pages = ["/", "/amministrazione/utenti", "/amministrazione/promemoria/lucca/2018"]
            var opened: Set<String> = []
            while let path = pages.first {
                pages.removeFirst()
                guard opened.insert(path).inserted else { continue }
                let page = try await scoped.get(path)
                if page.status == .seeOther, let location = page.location {
                    pages.append(location)
                    continue
                }
                #expect(page.status == .ok, "\(path): \(page.status)")
                #expect(!page.body.contains(#"href="/amministrazione/posta""#), "\(path) mostra il link «Posta»")
                // Every link of the menus opens (each admin page's link leads to the next).
                for match in page.body.matches(of: #/<nav class="menu[^"]*"[^>]*>(.*?)</nav>/#.dotMatchesNewlines()) {
                    for link in String(match.1).matches(of: #/href="(/[^"#?]*)"/#) where !String(link.1).hasPrefix("/logout") {
                        if !opened.contains(String(link.1)) { pages.append(String(link.1)) }
                    }
                }
            }
            #expect(opened.contains("/amministrazione/importazione") && opened.count >= 8, "\(opened.sorted())")
            let global = Browser(client)
            #expect(try await global.logIn("admin").status == .seeOther)
            #expect(try await global.get("/amministrazione/utenti").body.contains(#"href="/amministrazione/posta""#))
        }
    }
}
