import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoServer
import TraguardoStore

/// Amministrazione › Utenti: the list, the add form, its errors beside the fields; only the amministratore.
@Suite("Amministrazione: utenti")
struct AdminUsersTests {
    @Test func theAdministratorAddsAUserWhoCanThenLogIn() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let admin = Browser(client)
                try await admin.logIn("admin")
                let page = try await admin.get("/amministrazione/utenti")
                #expect(page.status == .ok)
                #expect(page.body.contains(#"<select id="campo-ruolo" name="ruolo">"#))
                #expect(page.body.contains("ufficio.pers"))
                #expect(page.body.contains(#"<input type="password" id="campo-password" name="password" value="" autocomplete="new-password" required="required""#),
                        "la password iniziale è un campo password, obbligatorio, vuoto")
                #expect(page.body.contains(#"<input type="password" id="utente-oiv-password" name="password" value="""#))
                let added = try await admin.post("/amministrazione/utenti/nuovo", [
                    ("utente", "mario.rossi"), ("nome", "Mario Rossi"), ("ruolo", "responsabile-ufficio"), ("ente", "lucca"),
                    ("ufficio", "lucca/PERS"), ("password", "password-di-mario"),
                ])
                #expect(added.status == .seeOther)
                let account = try #require(try await store.user("mario.rossi"))
                #expect(account.role == "responsabile-ufficio")
                #expect(account.unitCode == "PERS")
                #expect(try await admin.get("/amministrazione/utenti").body.contains("Mario Rossi"))
                let mario = Browser(client)
                #expect(try await mario.logIn("mario.rossi", password: "password-di-mario").status == .seeOther)
                let home = try await mario.get("/")
                #expect(home.body.contains("/enti/lucca/2018/rilevazione/ANNO/PERS"))
            }
        }
    }

    @Test func aUserWhoIsNotAdministratorIsRefused() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let controller = Browser(client)
                try await controller.logIn("controllo")
                #expect(try await controller.get("/amministrazione/utenti").status == .forbidden)
                let refused = try await controller.post("/amministrazione/utenti/nuovo", [
                    ("utente", "intruso"), ("ruolo", "amministratore"), ("password", "password-lunga-abbastanza"),
                ])
                #expect(refused.status == .forbidden)
                #expect(try await store.user("intruso") == nil)
            }
        }
    }

    @Test func theErrorsAreBesideTheFieldsAndNothingIsAdded() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let admin = Browser(client)
                try await admin.logIn("admin")
                try await admin.get("/amministrazione/utenti")
                let before = try await store.users().count
                let duplicate = try await admin.post("/amministrazione/utenti/nuovo", [
                    ("utente", "oiv"), ("nome", "Altro OIV"), ("ruolo", "oiv"), ("password", "password-lunga-abbastanza"),
                ])
                #expect(duplicate.status == .unprocessableContent)
                #expect(duplicate.body.contains(#"<p class="errore-campo" id="campo-utente-errore">Il nome utente «oiv» è già in uso.</p>"#))
                #expect(duplicate.body.contains(#"value="Altro OIV""#))
                #expect(try await store.user("oiv")?.displayName != "Altro OIV")
                let short = try await admin.post("/amministrazione/utenti/nuovo", [
                    ("utente", "breve"), ("ruolo", "lettore"), ("password", "corta"),
                ])
                #expect(short.status == .unprocessableContent)
                #expect(short.body.contains(#"id="campo-password-errore">La password deve avere almeno 10 caratteri."#))
                let noOffice = try await admin.post("/amministrazione/utenti/nuovo", [
                    ("utente", "senza.ufficio"), ("ruolo", "responsabile-ufficio"), ("password", "password-lunga-abbastanza"),
                ])
                #expect(noOffice.status == .unprocessableContent)
                #expect(noOffice.body.contains(#"id="campo-ufficio-errore">Un responsabile d&#39;ufficio ha bisogno del suo ufficio."#)
                    || noOffice.body.contains(#"id="campo-ufficio-errore">Un responsabile d&#x27;ufficio ha bisogno del suo ufficio."#))
                let elsewhere = try await admin.post("/amministrazione/utenti/nuovo", [
                    ("utente", "altrove"), ("ruolo", "responsabile-ufficio"), ("ente", "milano"), ("ufficio", "NESSUNO"),
                    ("password", "password-lunga-abbastanza"),
                ])
                #expect(elsewhere.status == .unprocessableContent)
                #expect(elsewhere.body.contains("Ente «milano» sconosciuto: atteso il codice di un Ente del database (lucca) o nessuno."))
                let unknownOffice = try await admin.post("/amministrazione/utenti/nuovo", [
                    ("utente", "altrove"), ("ruolo", "responsabile-ufficio"), ("ente", "lucca"), ("ufficio", "NESSUNO"),
                    ("password", "password-lunga-abbastanza"),
                ])
                #expect(unknownOffice.status == .unprocessableContent)
                #expect(unknownOffice.body.contains("Ufficio «NESSUNO» sconosciuto"))
                #expect(try await store.users().count == before)
            }
        }
    }
}
