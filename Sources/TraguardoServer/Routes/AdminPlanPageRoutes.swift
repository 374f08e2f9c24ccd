import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// Amministrazione › Periodi (the periods of an Ente-year with their open/close buttons, posted to
/// `AdminRoutes.setPeriod`) and › Unità (the units of an Ente-year with the items each enters, and the form
/// that adds one: `UnitAddRoutes`).
struct AdminPlanPageRoutes {
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.get("amministrazione/periodi/:ente/:anno", needs: .managePeriods) { _, context in try await periods(context: context) }
        routes.get("amministrazione/unita", needs: .viewUnits) { request, context in try await units(request: request, context: context) }
        routes.get("amministrazione/unita/:ente/:anno", needs: .viewUnits) { request, context in try await unitsOfPlan(request: request, context: context) }
        routes.post("amministrazione/unita/:ente/:anno", needs: .manageUnits) { _, context in try await UnitAddRoutes(state: state).add(context: context) }
    }

    func periods(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let frozen = Set(try await state.store.snapshots(in: scope).map(\.periodCode))
        let page = AdminPeriodsPage.make(
            plan: plan, role: user.role, entityLimit: user.account.entityCode, scope: PageRendering.scope(plan), frozen: frozen)
        return HTMLResponse.page(WebRenderer.render(page, chrome: PageRendering.chrome(user, current: .amministrazione, plan: plan)))
    }

    /// Without an Ente-year in the path: the one the user is on (`PlaceMiddleware`), else the most recent one the user reaches.
    func units(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        if let here = user.place?.current {
            return .redirect(to: WebRoutes.unitaEnte(ente: here.entityCode, anno: here.year), type: .normal)
        }
        let cycles = try await state.store.cycles().filter { Permission.reaches(user, entityCode: $0.entityCode) }
        guard let latest = cycles.max(by: { ($0.year, $0.entityCode) < ($1.year, $1.entityCode) }) else {
            throw WebFailure.notFound("Il database non contiene ancora nessun ciclo.", user: user)
        }
        return .redirect(to: WebRoutes.unita + "/" + WebRoutes.segment(latest.entityCode) + "/\(latest.year)", type: .normal)
    }

    func unitsOfPlan(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, _) = try await state.plan(context, user: user)
        let added = request.uri.queryParameters.get("fatto") == "aggiunta"
            ? request.uri.queryParameters.get("unita").map { String($0) }.flatMap { id in plan.units.first { $0.id == id } }
            : nil
        return HTMLResponse.page(Self.unitsPage(plan: plan, user: user, flash: added.map { FlashMessage(.success, "Unità «\($0.name)» aggiunta.") }))
    }

    /// The page; the add form only for whom `Action.manageUnits` allows.
    static func unitsPage(
        plan: CyclePlan, user: SignedInUser, typed: [String: String] = [:], errors: [String: String] = [:], flash: FlashMessage? = nil
    ) -> String {
        let page = AdminUnitsPage.make(
            plan: plan, role: user.role, entityLimit: user.account.entityCode, scope: PageRendering.scope(plan), typed: typed, errors: errors,
            addForm: Permission.allows(user.role, .manageUnits))
        var chrome = PageRendering.chrome(user, current: .amministrazione, plan: plan)
        if let flash { chrome.flash.append(flash) }
        return WebRenderer.render(page, chrome: chrome)
    }
}
