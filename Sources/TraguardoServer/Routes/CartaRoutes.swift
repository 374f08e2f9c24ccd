import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// The Carta dei servizi page of an Ente-year: the results typed in the plan, or (`?fonte=casi`) those computed
/// from the stored cases on the Ente's working-day calendar, as `traguardo … --carta-da-casi` computes them
/// (`ServiceCharterFromCases`). Every role that reads the plan may read it.
struct CartaRoutes {
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.get("enti/:ente/:anno/carta", needs: .viewPlan) { request, context in try await carta(request: request, context: context) }
    }

    func carta(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let cycle = try await state.cycle(context, user: user)
        let plan = try await state.plan(of: cycle, user: user)
        let period = try state.period(request, in: plan, user: user)
        let page: CartaPage
        let mayImport = Permission.allows(user.role, .importData)
        if request.uri.queryParameters.get("fonte") == "casi" {
            let cases = try await state.store.serviceCases(in: cycle.scope)
            let charter = ServiceCharterFromCases(plan: plan, cases: cases, period: period)
            let table = ServiceCharterTable(
                plan: charter.plan, scores: PlanScorer.score(charter.plan, period: period), summaries: charter.summaries)
            page = CartaPage.make(
                plan: plan, table: table, storedCases: cases.count, note: charter.sourceNote(storedCases: cases.count), mayImport: mayImport)
        } else {
            let scores = await state.plans.scores(of: plan, scope: cycle.scope, marker: cycle.marker, period: period)
            page = CartaPage.make(
                plan: plan, table: ServiceCharterTable(plan: plan, scores: scores), storedCases: nil, note: nil, mayImport: mayImport)
        }
        return HTMLResponse.page(WebRenderer.render(page, chrome: PageRendering.chrome(user, current: .documenti, plan: plan)))
    }
}
