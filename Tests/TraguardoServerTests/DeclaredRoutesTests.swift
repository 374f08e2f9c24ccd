import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport
import TraguardoWeb

/// Every page route is registered with what it needs (`PageRouter`): only the login, the rilevazione's script and
/// the site's 404 are open; the menu links every role sees open routes that let it in, and those it does not see,
/// routes that refuse it (one table for both); a refused role is answered before its body is read.
@Suite("Rotte: ognuna dichiara chi può usarla")
struct DeclaredRoutesTests {
    static let scope = WebScope(entityCode: "lucca", entityName: "Comune di Lucca", year: 2013, openPeriodCode: "S1")

    static func declared() async throws -> [DeclaredRoute] {
        var routes: [DeclaredRoute] = []
        try await ServerFixture.withStore(.sqlite) { store, _ in
            routes = TraguardoApplication.declaredPageRoutes(store: store, configuration: ServerFixture.configuration())
        }
        return routes
    }

    @Test func onlyTheLoginTheScriptAndThe404AreOpen() async throws {
        let routes = try await Self.declared()
        #expect(routes.count > 50)
        let open = routes.filter { $0.access == .open }.map { "\($0.method) \($0.path)" }.sorted()
        #expect(open == ["GET /**", "GET /login", "GET /risorse/rilevazione.js", "POST /login"])
        let anySignedIn = routes.filter { $0.access == .signedIn }.map { "\($0.method) \($0.path)" }
        #expect(anySignedIn == ["POST /logout"])
        for route in routes where route.access != .open && route.access != .signedIn {
            #expect(!route.access.actions.isEmpty, "\(route.method) \(route.path)")
        }
        let keys = routes.map { "\($0.method) \($0.path)" }
        #expect(Set(keys).count == keys.count, "una rotta dichiarata due volte")
    }

    /// The GET route a link of the menu opens (the most specific pattern that matches its path).
    static func route(opening href: String, in routes: [DeclaredRoute]) -> DeclaredRoute? {
        let path = href.split(separator: "?", maxSplits: 1)[0].split(separator: "/").map(String.init)
        func matches(_ pattern: String) -> Bool {
            let parts = pattern.split(separator: "/").map(String.init)
            if parts.last == "**" { return parts.count - 1 <= path.count && zip(parts.dropLast(), path).allSatisfy(same) }
            return parts.count == path.count && zip(parts, path).allSatisfy(same)
        }
        func same(_ part: String, _ segment: String) -> Bool { part.hasPrefix("{") || part == segment }
        let candidates = routes.filter { $0.method == "GET" && matches($0.path) }
        func generality(_ route: DeclaredRoute) -> (Int, Int) { (route.path.hasSuffix("**") ? 1 : 0, route.path.filter { $0 == "{" }.count) }
        return candidates.min { generality($0) < generality($1) }
    }

    /// Whether the route's declared access lets an account of `role`, limited to `limit`, in (the check `AccessMiddleware` makes).
    static func letsIn(_ route: DeclaredRoute, _ role: UserRole, limitedTo limit: String?) -> Bool {
        route.access.actions.isEmpty || route.access.actions.contains { role.allows($0, limitedTo: limit) }
    }

    @Test func everyMenuLinkOpensARouteThatLetsItsRolesInAndOnlyThem() async throws {
        let routes = try await Self.declared()
        let everything = PageChrome.make(userName: "x", role: .administrator, csrf: "t", current: nil, scope: Self.scope)
        for section in WebSection.allCases where section != .amministrazione {
            let link = try #require(everything.nav.first { $0.label == section.label }, "\(section)")
            let route = try #require(Self.route(opening: link.href, in: routes), "\(link.href)")
            #expect(route.access == .action(try #require(section.action)), "\(section) → \(route.path)")
            for limit in [nil, "lucca"] as [String?] {
                for role in UserRole.allCases {
                    let shown = PageChrome.make(userName: "x", role: role, entityLimit: limit, csrf: "t", current: nil, scope: Self.scope)
                        .nav.contains { $0.label == section.label }
                    #expect(shown == Self.letsIn(route, role, limitedTo: limit), "\(role) \(limit ?? "-") \(section) → \(route.path)")
                }
            }
        }
        for page in AdminPage.allCases {
            let href = try #require(AdminNavigation.href(page, scope: Self.scope))
            let route = try #require(Self.route(opening: href, in: routes), "\(href)")
            #expect(route.access.actions.contains(page.action), "\(page) → \(route.path)")
            for limit in [nil, "lucca"] as [String?] {
                for role in UserRole.allCases {
                    let shown = AdminNavigation.links(role: role, entityLimit: limit, current: page, scope: Self.scope)
                        .contains { $0.label == page.label }
                    // A route that lets in more than one action (the editor: a dirigente proposes on his area) may let in
                    // a role the menu does not lead there; never the other way round.
                    if route.access.actions.count == 1 {
                        #expect(shown == Self.letsIn(route, role, limitedTo: limit), "\(role) \(limit ?? "-") \(page) → \(route.path)")
                    } else if shown {
                        #expect(Self.letsIn(route, role, limitedTo: limit), "\(role) \(limit ?? "-") \(page) → \(route.path)")
                    }
                }
            }
        }
    }

    /// Limits before work: a role the route refuses is answered 403 from what the route declares, before its body is read
    /// (a body larger than any form's budget, without the CSRF token); the old check in the handler came after the CSRF
    /// middleware had started reading the form, so this request was answered 413.
    @Test func aRefusedRoleIsAnsweredBeforeItsBodyIsRead() async throws {
        try await ServerFixture.withSignedIn("lettore") { browser, server in
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: browser.cookieHeader]
            let body = ByteBuffer(string: "testo=" + String(repeating: "x", count: 300 * 1024))
            let refused = try await server.client.executeRequest(
                uri: "/enti/lucca/2018/commenti", method: .post, headers: headers, body: body)
            #expect(refused.status == .forbidden)
            #expect(String(buffer: refused.body).contains("non consente questa operazione"))
            // The same request from a role the route lets in meets the budget of the body: 413.
            let controller = Browser(server.client)
            try await controller.logIn("controllo")
            headers[.cookie] = controller.cookieHeader
            let tooLarge = try await server.client.executeRequest(
                uri: "/enti/lucca/2018/commenti", method: .post, headers: headers, body: body)
            #expect(tooLarge.status == .contentTooLarge)
        }
    }

    /// An account limited to one Ente is refused the routes of another Ente by the route's declared access, whatever it asks.
    @Test func anotherEntesRouteIsRefusedToAnAccountLimitedToOne() async throws {
        try await ServerFixture.withSignedIn("admin.lucca", prepare: { store in
            try await store.addUser(
                UserAccount(username: "admin.lucca", displayName: "Amministratore di Lucca", role: "amministratore", entityCode: "lucca"),
                passwordHash: await PasswordHashing.hash(DemoAccounts.password, cost: 4), actor: "test")
        }) { browser, _ in
            #expect(try await browser.get("/enti/lucca/2018/cruscotto").status == .ok)
            let other = try await browser.get("/enti/altro/2018/cruscotto")
            #expect(other.status == .forbidden)
            #expect(other.body.contains("non è abilitato per l&#39;Ente «altro»"))
        }
    }
}
