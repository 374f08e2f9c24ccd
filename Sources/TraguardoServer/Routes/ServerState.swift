import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// What every route needs: the store, the configuration, and the checks they all make in the same way.
struct ServerState: Sendable {
    let store: Store
    let configuration: ServerConfiguration
    /// The other years' results of the cruscotto's trend, computed once per change of their data.
    let history = ScoreHistory()
    /// The plans the pages read and their scores, read and computed again only when their data changed.
    let plans = PlanCache()
    /// The pages many users read (cruscotto, albero), rendered once per change of their data.
    let pages = SharedPageCache()
    /// The Enti and Ente-years of the header's chooser, read again only when one of them changed.
    let directory = PlaceDirectory()
    /// The comparisons across Enti of each year, computed again only when an Ente's data of that year changed.
    let comparisons = ComparisonCache()
    /// The cookies' names (`__Host-…` behind https).
    let cookieNames: CookieNames
    /// The hash a login for an unknown username is checked against, at the configured cost (`PasswordHashing.decoy`).
    let decoyHash: String
    /// The PDFs: printed at most `configuration.pdf.concurrentPrints` at a time, kept by what they show.
    let printer: PDFPrinter

    init(store: Store, configuration: ServerConfiguration) {
        self.store = store
        self.configuration = configuration
        cookieNames = CookieNames(secure: configuration.secureCookies)
        decoyHash = PasswordHashing.decoy(cost: configuration.bcryptCost)
        printer = PDFPrinter(configuration.pdf, environment: configuration.environment)
    }

    var now: Date { configuration.clock() }

    /// Today in Italy (the deadlines of the calendar are Italian days).
    var today: CivilDate { CivilDate.italianDay(of: now) }

    /// The signed-in user, or a redirect to the login page.
    func signedIn(_ context: TraguardoRequestContext) throws -> SignedInUser {
        guard let user = context.user else { throw RedirectToLogin() }
        return user
    }

    /// The signed-in user the route's declared access let through (`PageRouter`, `AccessMiddleware`): the role, the
    /// Ente and the action already checked. A route that declared nothing gets none: not signed in, to the login page;
    /// signed in, 403.
    func authorized(_ context: TraguardoRequestContext) throws -> SignedInUser {
        if let user = context.authorizedUser { return user }
        throw WebFailure.forbidden("Questa pagina non dichiara chi può aprirla: nessuno può.", user: try signedIn(context))
    }

    /// The plan of the Ente-year named in the path (`:ente`, `:anno`), if the user reaches that Ente.
    func plan(_ context: TraguardoRequestContext, user: SignedInUser) async throws -> (plan: CyclePlan, scope: CycleScope) {
        let entity = try context.parameters.require("ente")
        guard let year = context.parameters.get("anno", as: Int.self) else {
            throw WebFailure.notFound("Anno non valido.", user: user)
        }
        guard Permission.reaches(user, entityCode: entity) else {
            throw WebFailure.forbidden("L'utente non è abilitato per l'Ente «\(entity)».", user: user)
        }
        let scope = CycleScope(entityCode: entity, year: year)
        guard let plan = try await plans.plan(scope, store: store) else {
            throw WebFailure.notFound("Nessun ciclo \(year) per l'Ente «\(entity)».", user: user)
        }
        return (plan, scope)
    }

    /// The Ente-year named in the path, with the markers of every year of its Ente (one query), for the pages
    /// that are kept rendered: their `ETag` and their place in `pages` are decided before the plan is read.
    func cycle(_ context: TraguardoRequestContext, user: SignedInUser) async throws -> CycleOfEnte {
        let entity = try context.parameters.require("ente")
        guard let year = context.parameters.get("anno", as: Int.self) else {
            throw WebFailure.notFound("Anno non valido.", user: user)
        }
        guard Permission.reaches(user, entityCode: entity) else {
            throw WebFailure.forbidden("L'utente non è abilitato per l'Ente «\(entity)».", user: user)
        }
        let scope = CycleScope(entityCode: entity, year: year)
        if let known = context.pathCycle, known.scope == scope { return known }
        let markers = try await store.changeMarkers(entityCode: entity)
        return CycleOfEnte(scope: scope, markers: markers)
    }

    /// The plan of `cycle` (404 when the Ente-year is not there).
    func plan(of cycle: CycleOfEnte, user: SignedInUser) async throws -> CyclePlan {
        guard let plan = try await plans.plan(cycle.scope, store: store, marker: cycle.marker) else {
            throw WebFailure.notFound("Nessun ciclo \(cycle.scope.year) per l'Ente «\(cycle.scope.entityCode)».", user: user)
        }
        return plan
    }

    /// The period asked with `?periodo=CODE` (nil when not asked: the scorer's default, the last of the year),
    /// if the plan has it; otherwise 404, so that no page shows the scores of a period that does not exist.
    func period(_ request: Request, in plan: CyclePlan, user: SignedInUser) throws -> String? {
        guard let asked = request.uri.queryParameters.get("periodo").map { String($0) }, !asked.isEmpty else { return nil }
        guard let period = plan.periods.first(where: { $0.code == asked || $0.id == asked }) else {
            let known = plan.periods.sorted { $0.sequence < $1.sequence }.map(\.code)
            throw WebFailure.notFound(
                "Nessun periodo «\(asked)» nel ciclo \(plan.cycle.year) dell'Ente «\(plan.entity.shortName ?? plan.entity.name)»"
                    + (known.isEmpty ? ": il ciclo non ha periodi di monitoraggio." : ". I periodi sono: \(known.joined(separator: ", ")).")
                    + " I risultati non sono stati calcolati.",
                user: user)
        }
        return period.code
    }

    /// A cookie as every cookie of Traguardo is: HttpOnly, SameSite=Lax, path /, Secure behind https.
    func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .lax)
    }
}

/// Not signed in: to the login page.
struct RedirectToLogin: HTTPResponseError {
    var status: HTTPResponse.Status { .seeOther }

    /// A page asked for (GET) is remembered in `dopo`, to go back to it after logging in.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        guard request.method == .get, request.uri.path != "/" else { return .redirect(to: WebRoutes.login, type: .normal) }
        let asked = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        return .redirect(to: WebRoutes.login + "?" + FormFields.Login.next + "=" + WebRoutes.segment(asked), type: .normal)
    }
}
