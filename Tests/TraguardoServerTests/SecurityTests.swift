import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

@Suite("Sicurezza: CSRF, limite agli accessi falliti, cookie, escaping")
struct SecurityTests {
    /// The database keeps the lowercase hex SHA-256 of each secret: the stored sessions and API tokens of earlier
    /// versions must still be found (FIPS 180-2 test vectors).
    @Test func aSecretIsStoredAsTheLowercaseHexOfItsSHA256() {
        #expect(SecretToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SecretToken.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func aFormWithoutItsCSRFTokenIsRefusedAndWritesNothing() async throws {
        try await ServerFixture.withSignedIn("ufficio.pers") { office, server in
            try await office.get("/enti/lucca/2018/rilevazione/ANNO/PERS")
            let before = try await TestDatabase.dump(server.store)
            let path = "/enti/lucca/2018/rilevazione/ANNO/PERS"
            let missing = try await office.post(path, [("valore[SG-2/2/1]", "no")], withCSRF: false)
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("CSRF"))
            let forged = try await office.post(path, [("valore[SG-2/2/1]", "no")], csrfOverride: SecretToken.make())
            #expect(forged.status == .forbidden)
            #expect(try await TestDatabase.dump(server.store) == before)
            // The same form with its token goes through.
            #expect(try await office.post(path, [("valore[SG-2/2/1]", "no")]).status == .ok)
            // The login form too: without the token of its cookie, refused.
            let stranger = Browser(server.client)
            let login = try await stranger.post("/login", [("utente", "admin"), ("password", DemoAccounts.password)], withCSRF: false)
            #expect(login.status == .forbidden)
            #expect(stranger.cookies[ "traguardo_sessione"] == nil)
        }
    }

    @Test(arguments: [false, true])
    func sessionCookiesAreHttpOnlyLaxAndSecureBehindHTTPS(_ secure: Bool) async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration(secureCookies: secure))
            // Behind https the names carry `__Host-`: the browser keeps them only with Secure, Path=/ and no Domain.
            let prefix = secure ? "__Host-" : ""
            try await app.test(.router) { client in
                let browser = Browser(client)
                let form = try await browser.get("/login")
                let csrfCookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix(prefix + "traguardo_csrf_accesso=") })
                let answer = try await browser.post("/login", [("utente", "admin"), ("password", DemoAccounts.password)])
                let cookie = try #require(answer.headers[values: .setCookie].first { $0.hasPrefix(prefix + "traguardo_sessione=") })
                for set in [csrfCookie, cookie] {
                    #expect(set.contains("HttpOnly"))
                    #expect(set.contains("SameSite=Lax"))
                    #expect(set.contains("Path=/"))
                    #expect(!set.localizedCaseInsensitiveContains("Domain="))
                    #expect(set.contains("Secure") == secure)
                }
                // The database holds the token's hash, never the token.
                let token = try #require(browser.cookies[prefix + "traguardo_sessione"])
                let dump = try await TestDatabase.dump(store)
                #expect(!dump.contains(token))
                #expect(dump.contains(SecretToken.hash(token)))
                // Logout ends the session in the database.
                try await browser.get("/")
                let old = browser.cookieHeader
                #expect(try await browser.post("/logout").status == .seeOther)
                let replay = try await client.executeRequest(uri: "/", method: .get, headers: [.cookie: old], body: nil)
                #expect(replay.status == .seeOther)
                #expect(replay.headers[.location] == "/login")
            }
        }
    }

    @Test func whatUsersTypeIsEscapedInThePages() async throws {
        try await ServerFixture.withSignedIn("admin") { admin, server in
            try await admin.get("/amministrazione/utenti")
            let added = try await admin.post("/amministrazione/utenti/nuovo", [
                ("utente", "ospite"), ("nome", "<script>alert('x')</script>"), ("ruolo", "lettore"), ("password", "una-password-lunga"),
            ])
            #expect(added.status == .seeOther)
            let guest = Browser(server.client)
            try await guest.logIn("ospite", password: "una-password-lunga")
            let page = try await guest.get("/")
            #expect(!page.body.contains("<script>alert"))
            #expect(page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            #expect(try await server.store.user("ospite")?.displayName == "<script>alert('x')</script>")
        }
    }

    @Test func anonymousRequestsGoToTheLoginPageAndForbiddenOnesSayWhy() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                for path in ["/", "/enti/lucca/2018/cruscotto", "/enti/lucca/2018/rilevazione/ANNO/PERS", "/amministrazione/utenti"] {
                    let page = try await Browser(client).get(path)
                    #expect(page.status == .seeOther, "\(path)")
                    #expect(page.location == (path == "/" ? "/login" : "/login?dopo=" + path.replacingOccurrences(of: "/", with: "%2F")), "\(path)")
                }
                let reader = Browser(client)
                try await reader.logIn("lettore")
                let refused = try await reader.get("/amministrazione/utenti")
                #expect(refused.status == .forbidden)
                #expect(refused.body.contains("Accesso negato"))
                #expect(try await reader.get("/enti/lucca/2018/cruscotto").status == .ok)
            }
        }
    }

    @Test func afterLoggingInTheUserIsBackOnThePageAskedButNeverOnAnotherSite() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let clock = TestClock()
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration(clock: { clock.now }))
            try await app.test(.router) { client in
                let browser = Browser(client)
                let asked = try await browser.get("/enti/lucca/2018/albero?periodo=ANNO")
                let login = try #require(asked.location)
                #expect(login == "/login?dopo=%2Fenti%2Flucca%2F2018%2Falbero%3Fperiodo%3DANNO")
                let form = try await browser.get(login)
                #expect(form.body.contains("name=\"dopo\" value=\"/enti/lucca/2018/albero?periodo=ANNO\""))
                let wrong = try await browser.post("/login", [("utente", "lettore"), ("password", "sbagliata"), ("dopo", "/enti/lucca/2018/albero?periodo=ANNO")])
                #expect(wrong.status == .unauthorized)
                #expect(wrong.body.contains("value=\"lettore\""), "il nome scritto resta nel campo")
                #expect(wrong.body.contains("name=\"dopo\""), "la pagina chiesta è ricordata anche dopo un errore")
                let answer = try await browser.post(
                    "/login", [("utente", "lettore"), ("password", DemoAccounts.password), ("dopo", "/enti/lucca/2018/albero?periodo=ANNO")])
                #expect(answer.status == .seeOther)
                #expect(answer.location == "/enti/lucca/2018/albero?periodo=ANNO")

                // A signed-in user opening the login page goes straight on: to the home page when `dopo` is not a path of this site.
                #expect(try await browser.get("/login?dopo=%2Fregistro").location == "/registro")
                #expect(try await browser.get("/login?dopo=/%09/altro.example/phish.html").location == "/")
                #expect(try await browser.get("/login?dopo=/%0B/altro.example").location == "/")

                for elsewhere in ["//altro.example/x", "https://altro.example/", "/\\altro.example", "/login?dopo=/x", "/\t/altro.example/x", "/\u{0C}/altro.example"] {
                    let other = Browser(client)
                    try await other.get("/login")
                    let redirected = try await other.post("/login", [("utente", "oiv"), ("password", DemoAccounts.password), ("dopo", elsewhere)])
                    #expect(redirected.location == "/", "\(elsewhere) → \(redirected.location ?? "")")
                }

                // A login after the first sessions expired removes them from the table.
                let expired = SecretToken.hash(try #require(browser.cookies["traguardo_sessione"]))
                #expect(try await TestDatabase.dump(store).contains(expired))
                clock.advance(ServerFixture.configuration().sessionDuration + 60)
                try await Browser(client).logIn("oiv")
                #expect(!(try await TestDatabase.dump(store).contains(expired)), "la sessione scaduta è tolta dalla tabella")
                let removed = try await store.securityEvents(limit: 100).filter { $0.kind == .sessionEnded && $0.detail == "scaduta" }
                #expect(removed.count >= 5, "ogni sessione scaduta tolta è nel registro degli accessi")
                #expect(try await store.auditLog(AuditQuery(table: "sessions", limit: 100)).isEmpty, "gli accessi non sono modifiche ai dati")
            }
        }
    }
}
