import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoExchange
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// A database with Lucca 2013 and 2018 from `Examples/`, the demo accounts (one per role) and the last
/// period of both years open, as `traguardo demo` leaves it.
enum ServerFixture {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")
    static let lucca2018 = CycleScope(entityCode: "lucca", year: 2018)
    static let lucca2013 = CycleScope(entityCode: "lucca", year: 2013)

    static func plans() throws -> [CyclePlan] {
        try PlanFileReader.read(paths: ["lucca-2013", "lucca-2018"].map { examples.appendingPathComponent($0).path })
    }

    /// Fills the store; the accounts' password is `DemoAccounts.password`, hashed at a low cost (tests only).
    static func load(_ store: Store) async throws {
        try await store.savePlans(try plans(), actor: "test")
        try await DemoAccounts.install(in: store, bcryptCost: 4, actor: "test")
    }

    /// Runs `body` with a loaded store on `backend`.
    static func withStore(_ backend: TestBackend, _ body: (Store, TestDatabase) async throws -> Void) async throws {
        try await withTestDatabase(backend) { database in
            let store = try await database.open()
            do {
                try await load(store)
                try await body(store, database)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }

    static func configuration(
        clock: @escaping @Sendable () -> Date = { Date() }, secureCookies: Bool = false, trustedProxies: Set<String> = [], bcryptCost: UInt8 = 4
    ) -> ServerConfiguration {
        ServerConfiguration(secureCookies: secureCookies, trustedProxies: trustedProxies, bcryptCost: bcryptCost, clock: clock)
    }
}

/// A clock the tests move forward.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date()) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

/// A browser, as far as the tests need one: it keeps the cookies the server sets and puts the CSRF token of
/// the last page it read into the forms it posts.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    private(set) var csrf: String?
    /// Sent as `X-Forwarded-For` (a client behind a proxy), when set.
    var forwardedFor: String?

    init(_ client: any TestClientProtocol, cookies: [String: String] = [:]) {
        self.client = client
        self.cookies = cookies
    }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        /// The body's bytes, for the files the server sends (DOCX, PDF, ZIP).
        var data: Data
        var location: String? { headers[.location] }
    }

    var cookieHeader: String { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    private func remember(_ response: TestResponse) -> Page {
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || field.value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let body = String(buffer: response.body)
        if let match = body.firstMatch(of: /name="csrf" value="([^"]*)"/) { csrf = String(match.1) }
        return Page(status: response.status, headers: response.headers, body: body, data: Data(buffer: response.body))
    }

    @discardableResult
    func get(_ path: String) async throws -> Page {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        if let forwardedFor { headers.append(.init(name: .init("X-Forwarded-For")!, value: forwardedFor)) }
        return remember(try await client.executeRequest(uri: path, method: .get, headers: headers, body: nil))
    }

    /// Posts the fields, with `csrf` = the token of the last page read unless `withCSRF` is false.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)] = [], withCSRF: Bool = true, csrfOverride: String? = nil) async throws -> Page {
        var all = fields.map { (name: $0.0, value: $0.1) }
        if let token = csrfOverride ?? (withCSRF ? csrf : nil) { all.append((name: "csrf", value: token)) }
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        if let forwardedFor { headers.append(.init(name: .init("X-Forwarded-For")!, value: forwardedFor)) }
        let body = ByteBuffer(string: FormBody(fields: all).encoded)
        return remember(try await client.executeRequest(uri: path, method: .post, headers: headers, body: body))
    }

    /// Opens the login page and signs in; returns the answer to the POST.
    @discardableResult
    func logIn(_ username: String, password: String = DemoAccounts.password) async throws -> Page {
        try await get("/login")
        let answer = try await post("/login", [("utente", username), ("password", password)])
        if answer.status == .seeOther { try await get("/") }
        return answer
    }
}

/// The server a test signed in by `ServerFixture.withSignedIn` talks to.
struct ServerUnderTest: Sendable {
    /// The application's test client, for other browsers or raw requests.
    let client: any TestClientProtocol
    let store: Store
    let database: TestDatabase
}

extension ServerFixture {
    /// The server tests' prologue, written once: a loaded store on `backend` (`prepare` adds to it before the
    /// application starts), the application over it with `configuration`, and a browser signed in as `username`.
    static func withSignedIn(
        _ username: String, backend: TestBackend = .sqlite, configuration: ServerConfiguration = configuration(),
        prepare: (Store) async throws -> Void = { _ in }, _ body: @Sendable (Browser, ServerUnderTest) async throws -> Void
    ) async throws {
        try await withStore(backend) { store, database in
            try await prepare(store)
            let app = TraguardoApplication.make(store: store, configuration: configuration)
            try await app.test(.router) { client in
                let browser = Browser(client)
                try await browser.logIn(username)
                try await body(browser, ServerUnderTest(client: client, store: store, database: database))
            }
        }
    }
}
