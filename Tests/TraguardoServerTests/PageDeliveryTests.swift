import CompressNIO
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport
import TraguardoWeb

/// How the pages many users read are delivered: kept rendered and shared, with an `ETag` that follows the data
/// and the user, gzipped when the browser accepts it, the style sheet served once at a versioned address.
@Suite("Consegna delle pagine: ETag, gzip, foglio di stile")
struct PageDeliveryTests {
    static let cruscotto = "/enti/lucca/2018/cruscotto"

    /// A GET of `path` as `browser`, with `headers` added.
    static func get(_ path: String, as browser: Browser, _ headers: HTTPFields = [:]) async throws -> TestResponse {
        var all = headers
        all[.cookie] = browser.cookieHeader
        return try await browser.client.executeRequest(uri: path, method: .get, headers: all, body: nil)
    }

    /// Sets every measured value of Lucca 2018 to 0, so that the Ente's result changes.
    static func zeroLucca2018(_ store: Store) async throws {
        let plan = try #require(try await store.loadPlan(ServerFixture.lucca2018))
        let changed = plan.measurements.filter { $0.value != nil }.map { m -> TraguardoCore.Measurement in
            var zero = m
            zero.value = 0
            return zero
        }
        _ = try await store.recordMeasurements(actor: "test") { batches in try await batches.write(changed, in: ServerFixture.lucca2018) }
    }

    @Test(arguments: [TestBackend.sqlite, .postgres])
    func theETagFollowsTheDataAndTheUser(_ backend: TestBackend) async throws {
        try await ServerFixture.withSignedIn("lettore", backend: backend) { reader, server in
            let first = try await Self.get(Self.cruscotto, as: reader)
            #expect(first.status == .ok)
            let tag = try #require(first.headers[.eTag], "la pagina ha un ETag")
            #expect(first.headers[.cacheControl] == "private, no-cache")

            // The browser's copy is current: 304, no body.
            let again = try await Self.get(Self.cruscotto, as: reader, [.ifNoneMatch: tag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers[.eTag] == tag)

            // Another user, another page (their name, their CSRF token): another tag, and theirs is a 200.
            let other = Browser(server.client)
            try await other.logIn("oiv")
            let theirs = try await Self.get(Self.cruscotto, as: other, [.ifNoneMatch: tag])
            #expect(theirs.status == .ok)
            #expect(theirs.headers[.eTag] != tag)
            #expect(String(buffer: theirs.body).contains(try #require(other.csrf)), "il token CSRF dell'altro utente")

            // Another period: another tag.
            let period = try await Self.get(Self.cruscotto + "?periodo=ANNO", as: reader, [.ifNoneMatch: tag])
            #expect(period.status == .ok)

            // The data change: the old tag no longer matches, and the page shows the new result.
            let scoreBefore = String(buffer: first.body).firstMatch(of: /<p class="punteggio">([^<]*)<\/p>/).map { String($0.1) }
            try await Self.zeroLucca2018(server.store)
            let changed = try await Self.get(Self.cruscotto, as: reader, [.ifNoneMatch: tag])
            #expect(changed.status == .ok, "i dati sono cambiati: la pagina di nuovo, non 304")
            #expect(changed.headers[.eTag] != tag)
            let plan = try #require(try await server.store.loadPlan(ServerFixture.lucca2018))
            let expected = PlanScorer.score(plan).entity.score.shown
            let scoreAfter = String(buffer: changed.body).firstMatch(of: /<p class="punteggio">([^<]*)<\/p>/).map { String($0.1) }
            #expect(scoreAfter == expected, "il risultato ricalcolato sui dati nuovi")
            #expect(scoreAfter != scoreBefore, "la prova deve cambiare il risultato")
        }
    }

    @Test func twoUsersShareTheRenderingButEachSeesTheirOwnNameAndToken() async throws {
        try await ServerFixture.withSignedIn("lettore") { reader, server in
            let other = Browser(server.client)
            try await other.logIn("oiv")
            let mine = try await reader.get(Self.cruscotto)
            let theirs = try await other.get(Self.cruscotto)
            let readerName = try #require(try await server.store.user("lettore")).displayName
            let oivName = try #require(try await server.store.user("oiv")).displayName
            #expect(mine.body.contains(readerName) && !mine.body.contains(oivName))
            #expect(theirs.body.contains(oivName) && !theirs.body.contains(readerName))
            #expect(mine.body.contains("value=\"\(try #require(reader.csrf))\""))
            #expect(!mine.body.contains("trgdSegnaposto") && !theirs.body.contains("trgdSegnaposto"), "nessun segnaposto rimasto")
            // The form of the page works with the token it carries: logging out.
            let out = try await reader.post("/logout")
            #expect(out.status == .seeOther)
        }
    }

    @Test func pagesAreGzippedOnlyForBrowsersThatAcceptIt() async throws {
        try await ServerFixture.withSignedIn("controllo") { browser, _ in
            let plain = try await Self.get(Self.cruscotto, as: browser)
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(plain.headers[.vary] == "Accept-Encoding")
            let zipped = try await Self.get(Self.cruscotto, as: browser, [.acceptEncoding: "gzip, deflate, br"])
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.body.readableBytes < plain.body.readableBytes / 3, "la pagina compressa è molto più piccola")
            var body = zipped.body
            let unzipped = try body.decompress(with: .gzip())
            #expect(String(buffer: unzipped) == String(buffer: plain.body), "decompressa è la stessa pagina")
            // Kept compressed by its ETag: the second answer is the same bytes.
            let twice = try await Self.get(Self.cruscotto, as: browser, [.acceptEncoding: "gzip"])
            #expect(twice.body == zipped.body)
            // gzip refused with q=0, and files already compressed (DOCX) are sent as they are.
            let refused = try await Self.get(Self.cruscotto, as: browser, [.acceptEncoding: "gzip;q=0"])
            #expect(refused.headers[.contentEncoding] == nil)
            let docx = try await Self.get("/enti/lucca/2018/documenti/relazione.docx", as: browser, [.acceptEncoding: "gzip"])
            #expect(docx.status == .ok)
            #expect(docx.headers[.contentEncoding] == nil)
        }
    }

    @Test func theStyleSheetIsOneFileKeptForAYear() async throws {
        try await ServerFixture.withSignedIn("lettore") { reader, server in
            let page = try await reader.get(Self.cruscotto)
            #expect(!page.body.contains("<style"), "nessuno stile in linea nella pagina")
            let link = try #require(page.body.firstMatch(of: /<link rel="stylesheet" href="([^"]+)"/).map { String($0.1) })
            #expect(link == WebRoutes.styleSheet)
            let login = try await Browser(server.client).get("/login")
            #expect(login.body.contains(link), "anche la pagina di accesso")
            let css = try await Browser(server.client).get(link)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(css.body.contains(".testata"))
            #expect(css.headers[.contentSecurityPolicy]?.contains("style-src 'self'") == true)
            // Another version's address is not this file.
            #expect(try await Browser(server.client).get("/stile/traguardo-0000000000000000.css").status == .notFound)
        }
    }
}
