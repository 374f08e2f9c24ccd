import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// Keeps the user's place: for a signed-in browser, the Ente-year of the page (the one in its path,
/// `/enti/ENTE/ANNO/…` or `/amministrazione/(periodi|unita)/ENTE/ANNO`, else the last one opened, kept in a
/// cookie, else the most recent the user reaches) and every Ente-year the user reaches. `PageRendering.chrome`
/// draws from it the whole menu and the header's chooser on every page, the registro, Amministrazione, the
/// home and the error pages included. An Ente-year the user does not reach, or that does not exist, is never
/// kept.
struct PlaceMiddleware: RouterMiddleware {
    typealias Context = TraguardoRequestContext
    let state: ServerState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard var user = context.user, case .session = user.credential else { return try await next(request, context) }
        let inPath = Self.scope(inPath: request.uri.path)
        let remembered = Self.remembered(request, placeCookieName: state.cookieNames.place)
        // Where the list of Ente-years stands, and the markers of the years of the Ente of the page: read with the
        // session (`SessionMiddleware`), else here in one query.
        let marked = Self.markedEntity(inPath: inPath, remembered: remembered)
        let markers: PlaceMarkers
        if let read = context.placeMarkers, read.entityCode == marked {
            markers = read.markers
        } else {
            markers = try await state.store.placeMarkers(entityCode: marked)
        }
        let listing = try await state.directory.listing(under: markers.directory, store: state.store)
        let names = listing.names
        let reached = listing.scopes.filter { Permission.reaches(user, entityCode: $0.entityCode) }
        let latest = reached.max { ($0.year, $0.entityCode) < ($1.year, $1.entityCode) }
        let chosen = [inPath, remembered, latest].lazy.compactMap { $0 }.first { reached.contains($0) }
        var current: WebScope?
        let chosenMarker = chosen.flatMap { $0.entityCode == marked ? markers.years[$0.year] : nil }
        if let chosen, let plan = try await state.plans.plan(chosen, store: state.store, marker: chosenMarker) {
            current = PageRendering.scope(plan)
        }
        let choices = reached.sorted { ($0.entityCode, -$0.year) < ($1.entityCode, -$1.year) }.map { scope in
            scope == chosen && current != nil
                ? current!
                : WebScope(entityCode: scope.entityCode, entityName: names[scope.entityCode] ?? scope.entityCode, year: scope.year)
        }
        user.place = UserPlace(current: current, choices: choices)
        var context = context
        context.user = user
        // The page's own Ente-year, with the markers just read: the page does not ask for them again (`ServerState.cycle`).
        if let inPath, inPath.entityCode == marked { context.pathCycle = CycleOfEnte(scope: inPath, markers: markers.years) }
        var response = try await next(request, context)
        if let inPath, inPath == chosen, current != nil, response.status == .ok, inPath != remembered {
            response.setCookie(state.cookie(state.cookieNames.place, Self.cookieValue(inPath), maxAge: 60 * 60 * 24 * 365))
        }
        return response
    }

    /// The Ente whose markers a page needs: the one of its path, else the one of the Ente-year last opened.
    static func markedEntity(inPath: CycleScope?, remembered: CycleScope?) -> String? {
        (inPath ?? remembered)?.entityCode
    }

    static func markedEntity(of request: Request, placeCookieName: String) -> String? {
        markedEntity(inPath: scope(inPath: request.uri.path), remembered: remembered(request, placeCookieName: placeCookieName))
    }

    /// The Ente-year last opened, from its cookie.
    static func remembered(_ request: Request, placeCookieName: String) -> CycleScope? {
        request.cookies[placeCookieName].flatMap { scope(cookie: $0.value) }
    }

    /// The Ente-year named by a page's path, if any.
    static func scope(inPath path: String) -> CycleScope? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let at: Int
        if parts.first == "enti" { at = 1 } else if parts.count >= 2, parts[0] == "amministrazione", ["periodi", "unita"].contains(parts[1]) { at = 2 } else { return nil }
        guard parts.count > at + 1, let entity = parts[at].removingPercentEncoding, let year = Int(parts[at + 1]) else { return nil }
        return CycleScope(entityCode: entity, year: year)
    }

    static func cookieValue(_ scope: CycleScope) -> String { WebRoutes.segment(scope.entityCode) + "/\(scope.year)" }

    static func scope(cookie: String) -> CycleScope? {
        let parts = cookie.split(separator: "/").map(String.init)
        guard parts.count == 2, let entity = parts[0].removingPercentEncoding, let year = Int(parts[1]) else { return nil }
        return CycleScope(entityCode: entity, year: year)
    }
}
