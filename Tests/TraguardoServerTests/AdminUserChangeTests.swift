import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Amministrazione › Utenti: the amministratore changes a user (role, Ente, unit, name, active) and sets a
/// new password; sessions end on deactivation and on a new password; bad values are refused beside the field
/// and change nothing; the amministratore cannot deactivate or demote themself.
@Suite("Amministrazione: modifica degli utenti")
struct AdminUserChangeTests {
    @Test(arguments: TestBackend.allCases)
    func aNewRoleShowsOnTheUsersNextPage(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let reader = Browser(client)
                try await reader.logIn("lettore")
                let before = try await reader.get("/enti/lucca/2018/cruscotto")
                #expect(before.status == .ok)
                #expect(!before.body.contains(#"href="/registro""#), "il lettore non vede il registro")

                let admin = Browser(client)
                try await admin.logIn("admin")
                let page = try await admin.get("/amministrazione/utenti")
                #expect(page.body.contains(#"action="/amministrazione/utenti/lettore""#))
                #expect(page.body.contains(#"action="/amministrazione/utenti/lettore/password""#))
                let changed = try await admin.post("/amministrazione/utenti/lettore", [
                    ("nome", "Valutatore esterno"), ("ruolo", "oiv"), ("ente", "lucca"), ("ufficio", ""), ("attivo", "1"),
                ])
                #expect(changed.status == .seeOther)
                #expect(changed.location?.hasPrefix("/amministrazione/utenti?fatto=modificato&utente=lettore") == true)
                let account = try #require(try await store.user("lettore"))
                #expect(account.role == "oiv")
                #expect(account.entityCode == "lucca")
                #expect(account.displayName == "Valutatore esterno")
                #expect(try await admin.get(try #require(changed.location)).body.contains("Utente «lettore» modificato."))

                // The same session, on its next page: the OIV's navigation (the registro), the new name and role.
                let after = try await reader.get("/enti/lucca/2018/cruscotto")
                #expect(after.status == .ok)
                #expect(after.body.contains(#"href="/registro""#))
                #expect(after.body.contains("Valutatore esterno"))
                #expect(try await reader.get("/registro").status == .ok)
                let audit = try await store.auditLog(AuditQuery(table: "users", recordID: "lettore"))
                #expect(audit.first?.action == .update)
                #expect(audit.first?.actor == "admin")
                #expect(audit.first?.after?.contains(#""oiv""#) == true)
            }
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aDeactivatedUsersSessionIsRefusedAndTheirLoginFails(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let office = Browser(client)
                try await office.logIn("ufficio.pers")
                #expect(try await office.get("/enti/lucca/2018/rilevazione/ANNO/PERS").status == .ok)

                let admin = Browser(client)
                try await admin.logIn("admin")
                try await admin.get("/amministrazione/utenti")
                // No `attivo` in the form: the checkbox unticked.
                let deactivated = try await admin.post("/amministrazione/utenti/ufficio.pers", [
                    ("nome", "Ufficio Personale"), ("ruolo", "responsabile-ufficio"), ("ente", "lucca"), ("ufficio", "PERS"),
                ])
                #expect(deactivated.status == .seeOther)
                #expect(try await store.user("ufficio.pers")?.active == false)
                #expect(try await admin.get("/amministrazione/utenti").body.contains("disattivato"))

                // The open session: back to the login page, and its POSTs are not taken.
                let refused = try await office.get("/enti/lucca/2018/rilevazione/ANNO/PERS")
                #expect(refused.status == .seeOther)
                #expect(refused.location?.hasPrefix("/login") == true)
                let posted = try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "no")])
                #expect(posted.status != .ok)
                #expect(try await store.loadPlan(ServerFixture.lucca2018)?.measurements.first { $0.id == "SG-2/2/1@ANNO" }?.author
                    != "ufficio.pers")

                // A new login, with the right password: refused, in Italian.
                let again = Browser(client)
                let login = try await again.logIn("ufficio.pers")
                #expect(login.status == .forbidden)
                #expect(login.body.contains("L&#39;utente «ufficio.pers» è disattivato") || login.body.contains("L&#x27;utente «ufficio.pers» è disattivato")
                    || login.body.contains("L'utente «ufficio.pers» è disattivato"))
                #expect(again.cookies["traguardo_sessione"] == nil)

                // Reactivated: the login works again.
                try await admin.post("/amministrazione/utenti/ufficio.pers", [
                    ("nome", "Ufficio Personale"), ("ruolo", "responsabile-ufficio"), ("ente", "lucca"), ("ufficio", "PERS"), ("attivo", "1"),
                ])
                #expect(try await store.user("ufficio.pers")?.active == true)
                #expect(try await Browser(client).logIn("ufficio.pers").status == .seeOther)
            }
        }
    }

    @Test func aNewPasswordEndsTheSessionsAndOnlyItOpensANewOne() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let oiv = Browser(client)
                try await oiv.logIn("oiv")
                #expect(try await oiv.get("/registro").status == .ok)

                let admin = Browser(client)
                try await admin.logIn("admin")
                try await admin.get("/amministrazione/utenti")
                let short = try await admin.post("/amministrazione/utenti/oiv/password", [("password", "corta")])
                #expect(short.status == .unprocessableContent)
                #expect(short.body.contains(#"<p class="errore-campo" id="utente-oiv-password-errore">La password deve avere almeno 10 caratteri.</p>"#))
                #expect(short.body.contains(#"id="modifica-oiv" open="open""#))
                #expect(try await oiv.get("/registro").status == .ok, "una password rifiutata non chiude le sessioni")

                let set = try await admin.post("/amministrazione/utenti/oiv/password", [("password", "nuova-password-oiv")])
                #expect(set.status == .seeOther)
                #expect(try await oiv.get("/registro").status == .seeOther, "la sessione aperta è chiusa")
                #expect(try await Browser(client).logIn("oiv").status == .unauthorized, "la vecchia password non vale più")
                #expect(try await Browser(client).logIn("oiv", password: "nuova-password-oiv").status == .seeOther)
                let audit = try await store.auditLog(AuditQuery(table: "users", recordID: "oiv"))
                #expect(audit.first?.actor == "admin")
                #expect(audit.contains { $0.after?.contains("nuova-password-oiv") == true } == false)
            }
        }
    }

    @Test func theAdministratorCannotDemoteOrDeactivateThemself() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let admin = Browser(client)
                try await admin.logIn("admin")
                try await admin.get("/amministrazione/utenti")
                let auditBefore = try await store.auditLog(AuditQuery(limit: 100_000)).count
                let demoted = try await admin.post("/amministrazione/utenti/admin", [
                    ("nome", "Amministratore"), ("ruolo", "lettore"), ("ente", ""), ("ufficio", ""), ("attivo", "1"),
                ])
                #expect(demoted.status == .unprocessableContent)
                #expect(demoted.body.contains(#"id="utente-admin-ruolo-errore">Non puoi toglierti il ruolo di amministratore"#))
                let deactivated = try await admin.post("/amministrazione/utenti/admin", [
                    ("nome", "Amministratore"), ("ruolo", "amministratore"), ("ente", ""), ("ufficio", ""),
                ])
                #expect(deactivated.status == .unprocessableContent)
                #expect(deactivated.body.contains(#"id="utente-admin-attivo-errore">Non puoi disattivare il tuo stesso utente"#))
                let account = try #require(try await store.user("admin"))
                #expect(account.role == "amministratore")
                #expect(account.active)
                #expect(try await store.auditLog(AuditQuery(limit: 100_000)).count == auditBefore)
                #expect(try await admin.get("/amministrazione/utenti").status == .ok, "la sessione resta aperta")
            }
        }
    }

    @Test(arguments: TestBackend.allCases)
    func badValuesAreRefusedBesideTheFieldAndChangeNothing(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let admin = Browser(client)
                try await admin.logIn("admin")
                try await admin.get("/amministrazione/utenti")
                let usersBefore = try await store.users()
                let auditBefore = try await store.auditLog(AuditQuery(limit: 100_000)).count

                let role = try await admin.post("/amministrazione/utenti/ufficio.prog", [
                    ("nome", "Nome nuovo"), ("ruolo", "sovrano"), ("ente", "lucca"), ("ufficio", "PROG"), ("attivo", "1"),
                ])
                #expect(role.status == .unprocessableContent)
                #expect(role.body.contains(#"<p class="errore-campo" id="utente-ufficio.prog-ruolo-errore">Ruolo «sovrano» sconosciuto: atteso uno fra amministratore, "#))
                #expect(role.body.contains(#"value="Nome nuovo""#), "quel che si è scritto resta nel modulo")

                let unit = try await admin.post("/amministrazione/utenti/ufficio.prog", [
                    ("nome", "Ufficio Programmazione e controllo"), ("ruolo", "responsabile-ufficio"), ("ente", "lucca"),
                    ("ufficio", "NESSUNO"), ("attivo", "1"),
                ])
                #expect(unit.status == .unprocessableContent)
                #expect(unit.body.contains(#"id="utente-ufficio.prog-ufficio-errore">Ufficio «NESSUNO» sconosciuto: atteso il codice di un"#))

                let entity = try await admin.post("/amministrazione/utenti/ufficio.prog", [
                    ("nome", "Ufficio Programmazione e controllo"), ("ruolo", "responsabile-ufficio"), ("ente", "atlantide"),
                    ("ufficio", "PROG"), ("attivo", "1"),
                ])
                #expect(entity.status == .unprocessableContent)
                #expect(entity.body.contains(#"id="utente-ufficio.prog-ente-errore">Ente «atlantide» sconosciuto"#))

                let password = try await admin.post("/amministrazione/utenti/ufficio.prog/password", [("password", "123456789")])
                #expect(password.status == .unprocessableContent)
                #expect(password.body.contains(#"id="utente-ufficio.prog-password-errore">La password deve avere almeno 10 caratteri."#))

                #expect(try await store.users() == usersBefore)
                #expect(try await store.auditLog(AuditQuery(limit: 100_000)).count == auditBefore)
                #expect(try await Browser(client).logIn("ufficio.prog").status == .seeOther, "la password è quella di prima")
                #expect(try await admin.post("/amministrazione/utenti/sconosciuto", [("ruolo", "lettore")]).status == .notFound)
            }
        }
    }
}
