import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
@testable import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The login against an attacker: timing, throttling by address and by username, the trusted proxy, the
/// security log, and the sessions a login ends.
@Suite("Accesso: tempi, rallentamento dei tentativi, registro degli accessi, sessioni")
struct LoginSecurityTests {
    /// The live server's client address (the test client connects over loopback): the trusted proxy.
    static let loopback: Set<String> = ["127.0.0.1", "::1"]

    static func configuration(_ clock: TestClock, bcryptCost: UInt8 = 4) -> ServerConfiguration {
        ServerFixture.configuration(clock: { clock.now }, trustedProxies: loopback, bcryptCost: bcryptCost)
    }

    /// A browser behind the trusted proxy, at `address`.
    static func browser(_ client: any TestClientProtocol, at address: String) -> Browser {
        let browser = Browser(client)
        browser.forwardedFor = address
        return browser
    }

    // MARK: M2 — timing

    @Test func theDecoyIsHashedAtTheCostItIsAskedFor() {
        for cost: UInt8 in [4, 6] {
            #expect(PasswordHashing.cost(of: PasswordHashing.decoy(cost: cost)) == cost)
        }
        #expect(PasswordHashing.cost(of: "non è un hash") == nil)
    }

    /// An unknown username is checked against the decoy: at the configured cost, as long as a real account.
    @Test func theServersDecoyHasTheConfiguredCost() async throws {
        try await withTestStore(.sqlite) { store in
            for cost: UInt8 in [4, 5] {
                let state = ServerState(store: store, configuration: ServerFixture.configuration(bcryptCost: cost))
                #expect(PasswordHashing.cost(of: state.decoyHash) == cost)
            }
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aLoginRehashesAPasswordStoredAtAnotherCost(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let clock = TestClock()
            let app = TraguardoApplication.make(store: store, configuration: Self.configuration(clock, bcryptCost: 5))
            try await app.test(.router) { client in
                let stored = try #require(try await store.passwordHash(of: "lettore"))
                #expect(PasswordHashing.cost(of: stored) == 4)
                #expect(try await Browser(client).logIn("lettore", password: "sbagliata").status == .unauthorized)
                #expect(try await store.passwordHash(of: "lettore") == stored, "una password sbagliata non cambia nulla")
                #expect(try await Browser(client).logIn("lettore").status == .seeOther)
                let upgraded = try #require(try await store.passwordHash(of: "lettore"))
                #expect(PasswordHashing.cost(of: upgraded) == 5)
                #expect(await PasswordHashing.verify(DemoAccounts.password, hash: upgraded))
                // The same password still opens it, and the hash stays as it is now.
                #expect(try await Browser(client).logIn("lettore").status == .seeOther)
                #expect(try await store.passwordHash(of: "lettore") == upgraded)
            }
        }
    }

    // MARK: M3 — throttling

    @Test func theWaitDoublesBeyondTheBudgetUpToTheWindow() {
        let throttle = LoginThrottle(freeFailures: 5, window: 15 * 60, firstWait: 60)
        #expect((0...10).map { throttle.backoff(afterFailures: $0) } == [0, 0, 0, 0, 0, 60, 120, 240, 480, 900, 900])
        #expect(throttle.backoff(afterFailures: 10_000) == 900)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let spent = LoginFailureTally(count: 5, latest: now.addingTimeInterval(-10))
        let clean = LoginFailureTally(count: 0, latest: nil)
        #expect(throttle.wait(address: spent, username: clean, now: now).map { $0.reason } == .address)
        #expect(throttle.wait(address: spent, username: clean, now: now)?.seconds == 50)
        // A username under attack slows the addresses that failed, not a clean one.
        #expect(throttle.wait(address: clean, username: spent, now: now) == nil)
        #expect(throttle.wait(address: LoginFailureTally(count: 1, latest: now), username: spent, now: now).map { $0.reason } == .username)
        #expect(throttle.wait(address: spent, username: clean, now: now.addingTimeInterval(51)) == nil)
    }

    @Test func aForwardedAddressCountsOnlyFromATrustedProxy() {
        let proxies: Set<String> = ["10.0.0.1"]
        #expect(ClientAddress.resolve(peer: "10.0.0.1", forwardedFor: ["203.0.113.7"], trustedProxies: proxies) == "203.0.113.7")
        // What the client wrote itself stands on the left; the proxy appended the address it saw.
        #expect(ClientAddress.resolve(peer: "10.0.0.1", forwardedFor: ["1.2.3.4, 203.0.113.7"], trustedProxies: proxies) == "203.0.113.7")
        #expect(ClientAddress.resolve(peer: "10.0.0.1", forwardedFor: ["1.2.3.4", "2001:db8::1"], trustedProxies: proxies) == "2001:db8::1")
        #expect(ClientAddress.resolve(peer: "198.51.100.9", forwardedFor: ["203.0.113.7"], trustedProxies: proxies) == "198.51.100.9")
        #expect(ClientAddress.resolve(peer: "10.0.0.1", forwardedFor: ["<script>"], trustedProxies: proxies) == "10.0.0.1")
        #expect(ClientAddress.resolve(peer: "10.0.0.1", forwardedFor: [], trustedProxies: proxies) == "10.0.0.1")
    }

    @Test(arguments: TestBackend.allCases)
    func anAddressThatKeepsFailingWaitsLongerEachTimeWhateverTheUsername(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let clock = TestClock()
            let app = TraguardoApplication.make(store: store, configuration: Self.configuration(clock))
            try await app.test(.live) { client in
                // Spraying: one wrong password over five usernames, from one address.
                for username in ["admin", "controllo", "oiv", "lettore", "nessuno.esiste"] {
                    #expect(try await Self.browser(client, at: "10.1.1.1").logIn(username, password: "Estate2026!").status == .unauthorized)
                }
                // The sixth attempt waits a minute, whatever the username and the password.
                let waiting = try await Self.browser(client, at: "10.1.1.1").logIn("ufficio.pers")
                #expect(waiting.status == .tooManyRequests)
                #expect(waiting.headers[.retryAfter] == "60")
                #expect(waiting.body.contains("Troppi accessi non riusciti da questo indirizzo: riprovare fra 1 minuto."))
                // Another address is not slowed.
                #expect(try await Self.browser(client, at: "10.1.1.2").logIn("ufficio.pers").status == .seeOther)
                // After the wait one more attempt is checked; one more failure doubles the wait.
                clock.advance(61)
                #expect(try await Self.browser(client, at: "10.1.1.1").logIn("admin", password: "Inverno2026!").status == .unauthorized)
                let longer = try await Self.browser(client, at: "10.1.1.1").logIn("admin")
                #expect(longer.status == .tooManyRequests)
                #expect(longer.headers[.retryAfter] == "120")
                #expect(longer.body.contains("riprovare fra 2 minuti"))
                // It is a wait, not a lock: once it passes, the right password gets in.
                clock.advance(121)
                #expect(try await Self.browser(client, at: "10.1.1.1").logIn("admin").status == .seeOther)

                // Every failure is in the security log with its address; none in the registro modifiche.
                let events = try await store.securityEvents(limit: 100)
                #expect(events.filter { $0.kind == .loginFailed && $0.address == "10.1.1.1" }.count == 6)
                #expect(events.contains { $0.kind == .throttled && $0.address == "10.1.1.1" })
                #expect(events.contains { $0.kind == .login && $0.username == "ufficio.pers" && $0.address == "10.1.1.2" })
                let audit = try await store.auditLog(AuditQuery(limit: 100_000))
                #expect(!audit.contains { ["sessions", "login_failures", "security_events"].contains($0.table) || $0.actor == "accesso non riuscito" })
            }
        }
    }

    @Test(arguments: TestBackend.allCases)
    func failingOnAUsernameFromOtherAddressesDoesNotLockItsOwnerOut(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let clock = TestClock()
            let app = TraguardoApplication.make(store: store, configuration: Self.configuration(clock))
            try await app.test(.live) { client in
                // Eight addresses, one guess each at the controller's password: no address uses up its own budget.
                for host in 1...8 {
                    #expect(try await Self.browser(client, at: "10.2.0.\(host)").logIn("controllo", password: "tentativo-\(host)").status == .unauthorized)
                }
                // The username's budget is used up: an address that has failed waits, even with the right password…
                let guesser = try await Self.browser(client, at: "10.2.0.1").logIn("controllo")
                #expect(guesser.status == .tooManyRequests)
                #expect(guesser.body.contains("utente «controllo» da questo indirizzo"))
                #expect(Int(guesser.headers[.retryAfter] ?? "") ?? 0 > 0)
                // …its owner, from an address with no failure, gets in.
                let owner = Self.browser(client, at: "10.9.9.9")
                #expect(try await owner.logIn("controllo").status == .seeOther)
                #expect(try await owner.get("/").status == .ok)
                // A fresh address is checked once: its wrong guess spends it.
                #expect(try await Self.browser(client, at: "10.3.0.1").logIn("controllo", password: "ancora").status == .unauthorized)
                #expect(try await Self.browser(client, at: "10.3.0.1").logIn("controllo").status == .tooManyRequests)
                // Within the window, at most: then even the guessers' addresses are checked again.
                clock.advance(15 * 60 + 1)
                #expect(try await Self.browser(client, at: "10.2.0.1").logIn("controllo").status == .seeOther)
                #expect(try await store.securityEvents(limit: 100).contains { $0.kind == .throttled && $0.detail == "troppi tentativi per questo utente" })
            }
        }
    }

    @Test func xForwardedForIsReadOnlyFromATrustedProxy() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let clock = TestClock()
            // No trusted proxy: a client that names a new address in each request is still one address.
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration(clock: { clock.now }))
            try await app.test(.live) { client in
                for host in 1...5 {
                    #expect(try await Self.browser(client, at: "10.4.0.\(host)").logIn("oiv", password: "sbagliata").status == .unauthorized)
                }
                #expect(try await Self.browser(client, at: "10.4.0.6").logIn("lettore").status == .tooManyRequests)
                let addresses = Set(try await store.securityEvents(limit: 100).map(\.address))
                #expect(addresses.isDisjoint(with: (1...6).map { "10.4.0.\($0)" }))
            }
        }
    }

    // MARK: Sessions

    @Test(arguments: TestBackend.allCases)
    func aLoginEndsTheBrowsersOldSessionAndTheOldestBeyondFive(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let clock = TestClock()
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration(clock: { clock.now }))
            try await app.test(.router) { client in
                // A signed-in browser that logs in again (as someone else) is no longer signed in as before.
                let browser = Browser(client)
                try await browser.logIn("lettore")
                let first = browser.cookieHeader
                #expect(try await browser.post("/login", [("utente", "oiv"), ("password", DemoAccounts.password)]).status == .seeOther)
                #expect(try await client.executeRequest(uri: "/", method: .get, headers: [.cookie: first], body: nil).status == .seeOther)
                #expect(try await store.sessionCount(username: "lettore") == 0)
                // Even a failed login from it ends the session it had.
                try await browser.get("/")
                let second = browser.cookieHeader
                #expect(try await browser.post("/login", [("utente", "oiv"), ("password", "sbagliata")]).status == .unauthorized)
                #expect(try await client.executeRequest(uri: "/", method: .get, headers: [.cookie: second], body: nil).status == .seeOther)
                #expect(try await store.sessionCount(username: "oiv") == 0)

                // Six browsers: the first one's session ends when the sixth signs in.
                var browsers: [Browser] = []
                for _ in 1...6 {
                    clock.advance(1)
                    let other = Browser(client)
                    #expect(try await other.logIn("controllo").status == .seeOther)
                    browsers.append(other)
                }
                #expect(try await store.sessionCount(username: "controllo") == 5)
                #expect(try await browsers[0].get("/").status == .seeOther)
                for other in browsers.dropFirst() { #expect(try await other.get("/").status == .ok) }
                let ended = try await store.securityEvents(limit: 100).filter { $0.kind == .sessionEnded }.map { $0.detail ?? "" }
                #expect(ended.filter { $0 == "nuovo accesso dallo stesso browser" }.count == 2)
                #expect(ended.filter { $0.contains("oltre le 5 sessioni") }.count == 1)
            }
        }
    }

    @Test func behindHTTPSALoginCSRFCookieWithoutTheHostPrefixIsRefused() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration(secureCookies: true))
            try await app.test(.router) { client in
                // A sibling subdomain can plant `traguardo_csrf_accesso`, never `__Host-traguardo_csrf_accesso`.
                let tossed = Browser(client, cookies: ["traguardo_csrf_accesso": "piantato"])
                let refused = try await tossed.post("/login", [("utente", "admin"), ("password", DemoAccounts.password)], csrfOverride: "piantato")
                #expect(refused.status == .forbidden)
                let browser = Browser(client)
                #expect(try await browser.logIn("admin").status == .seeOther)
                #expect(browser.cookies["__Host-traguardo_sessione"] != nil)
                #expect(browser.cookies["traguardo_sessione"] == nil)
                #expect(try await browser.get("/").status == .ok)
            }
        }
    }
}

@Suite("Registro degli accessi: la pagina")
struct AccessiPageTests {
    @Test(arguments: TestBackend.allCases)
    func theControllerReadsWhoSignedInFailedAndLeftAndTheOIVDoesNot(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                #expect(try await Browser(client).logIn("nessuno.esiste", password: "x").status == .unauthorized)
                let reader = Browser(client)
                try await reader.logIn("lettore")
                try await reader.post("/logout")
                let controller = Browser(client)
                try await controller.logIn("controllo")
                let registro = try await controller.get("/registro")
                #expect(registro.body.contains(#"<a href="/registro/accessi">registro degli accessi</a>"#))
                #expect(!registro.body.contains("accesso non riuscito"), "il registro modifiche non ha più gli accessi")
                let page = try await controller.get("/registro/accessi")
                #expect(page.status == .ok)
                #expect(page.body.contains("<h1>Registro degli accessi</h1>"))
                for text in ["<td>Accesso non riuscito</td><td>nessuno.esiste</td>", "<td>Uscita</td><td>lettore</td>", "<td>Accesso</td><td>controllo</td>"] {
                    #expect(page.body.contains(text), "\(text)")
                }
                #expect(page.body.contains("Gli accessi non riusciti restano 24 ore; gli altri eventi 180 giorni."))
                // The OIV reads the registro modifiche, without the link to what it may not open.
                let oiv = Browser(client)
                try await oiv.logIn("oiv")
                #expect(!(try await oiv.get("/registro").body.contains("/registro/accessi")))
                #expect(try await oiv.get("/registro/accessi").status == .forbidden)
            }
        }
    }
}
