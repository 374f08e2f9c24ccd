import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport
import TraguardoWeb

@testable import TraguardoServer

/// The session is checked on every request, in the same query as the markers of the page's Ente
/// (`Store.session(tokenHash:now:placeOf:)`): a session ended in the database (by a logout on another instance, or by
/// an administrator), one that has expired, or one of a user deactivated meanwhile is refused at the next request,
/// even for a page kept rendered (the cruscotto) that the same browser has just read.
@Suite("Controllo della sessione a ogni richiesta")
struct SessionCheckTests {
    static let cruscotto = "/enti/lucca/2018/cruscotto"
    static let toLogin = "/login?dopo=%2Fenti%2Flucca%2F2018%2Fcruscotto"

    @Test(arguments: [TestBackend.sqlite, .postgres])
    func anEndedExpiredOrDeactivatedSessionIsRefusedAtOnce(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let clock = TestClock()
            let configuration = ServerFixture.configuration(clock: { clock.now })
            let app = TraguardoApplication.make(store: store, configuration: configuration)
            try await app.test(.router) { client in
                // Ended in the database, not through this server: as a logout on another instance does.
                let ended = Browser(client)
                #expect(try await ended.logIn("lettore").status == .seeOther)
                #expect(try await ended.get(Self.cruscotto).status == .ok)
                #expect(try await ended.get(Self.cruscotto).status == .ok, "la seconda volta dalla pagina tenuta")
                try await store.deleteSession(tokenHash: SecretToken.hash(try #require(ended.cookies["traguardo_sessione"])))
                #expect(try await ended.get(Self.cruscotto).location == Self.toLogin)

                // Expired: one second past its end.
                let expiring = Browser(client)
                try await expiring.logIn("lettore")
                #expect(try await expiring.get(Self.cruscotto).status == .ok)
                clock.advance(configuration.sessionDuration - 1)
                #expect(try await expiring.get(Self.cruscotto).status == .ok, "ancora valida un secondo prima della scadenza")
                clock.advance(2)
                #expect(try await expiring.get(Self.cruscotto).location == Self.toLogin)

                // The user deactivated: every session of theirs stops at once.
                let deactivated = Browser(client)
                try await deactivated.logIn("oiv")
                #expect(try await deactivated.get(Self.cruscotto).status == .ok)
                var account = try #require(try await store.user("oiv"))
                account.active = false
                try await store.updateUser(account, actor: "test")
                #expect(try await deactivated.get(Self.cruscotto).location == Self.toLogin)
            }
        }
    }

    /// The store's one query gives the same session and the same markers as the two queries it replaces.
    @Test(arguments: [TestBackend.sqlite, .postgres])
    func theSessionAndTheMarkersInOneQueryAreThoseOfTwo(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let now = Date()
            let session = UserSession(
                tokenHash: SecretToken.hash("segreto"), username: "lettore", csrfToken: "csrf1", createdAt: now, expiresAt: now + 3600)
            try await store.createSession(session)
            for entity in ["lucca", "nessuno", nil] as [String?] {
                let both = try await store.session(tokenHash: session.tokenHash, now: now, placeOf: entity)
                let place = try await store.placeMarkers(entityCode: entity)
                #expect(both.place.directory == place.directory)
                #expect(both.place.years == place.years)
                #expect(both.found?.session.csrfToken == "csrf1")
                #expect(both.found?.user.username == "lettore")
                let unknown = try await store.session(tokenHash: SecretToken.hash("altro"), now: now, placeOf: entity)
                #expect(unknown.found == nil)
                #expect(unknown.place.years == place.years)
            }
            #expect(try await store.placeMarkers(entityCode: "lucca").years.count >= 2, "gli anni di Lucca hanno i loro segni")
            #expect(try await store.session(tokenHash: session.tokenHash, now: now + 3600, placeOf: "lucca").found == nil, "scaduta")
        }
    }

    /// The page kept rendered is sent as its shared buffers with the user's values between them: the same bytes as
    /// the page filled in as text.
    @Test(arguments: ["Anna Rossi", #"<b>O'Neil & "Figli"</b>"#, ""])
    func theSharedBuffersAreThePageFilledIn(_ name: String) async throws {
        let chrome = PageChrome.make(userName: "Altro", role: .controller, csrf: "altro", current: .cruscotto, scope: nil)
        let page = WebRenderer.renderShared(LoginPage.make(), chrome: chrome)
        #expect(page.holes.count >= 2, "la pagina ha il nome e il token da riempire")
        let body = SharedPageBody(page).filled(userName: name, csrf: "Abc123-_token")
        let sink = CollectedBody()
        try await body.write(sink)
        #expect(String(buffer: sink.buffer) == page.filled(userName: name, csrf: "Abc123-_token"))
        #expect(body.contentLength == sink.buffer.readableBytes)
    }
}

private final class CollectedBody: ResponseBodyWriter, @unchecked Sendable {
    var buffer = ByteBuffer()

    func write(_ part: ByteBuffer) async throws {
        var part = part
        buffer.writeBuffer(&part)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
