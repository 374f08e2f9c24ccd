import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// «Confronto di metodologie» (`MetodologiePage`): GET for every role that sees the plan (`Action.viewPlan`). `?altra=`
/// names a preset (`lucca-2013`) or a stored version of the Ente-year (`v2`); the comparison is the core's
/// `MethodologyComparison`, the one `traguardo score --methodology X --compare` prints. A file is not a choice here.
struct MetodologieRoutes {
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.get("enti/:ente/:anno/metodologie", needs: .viewPlan) { request, context in try await page(request: request, context: context) }
    }

    func page(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let period = try state.period(request, in: plan, user: user)
        let asked = String((request.uri.queryParameters.get("altra").map { String($0) } ?? "").prefix(100))
            .trimmingCharacters(in: .whitespaces)
        let stored = try await state.store.methodologyVersions(in: scope)
        var comparison: MethodologyComparison?
        var error: String?
        if !asked.isEmpty {
            let choice = MethodologyChoice.parse(asked)
            if let other = choice.version(entityCode: scope.entityCode, year: scope.year, stored: stored) {
                comparison = MethodologyComparison(plan, period: period, current: plan.methodology, proposed: other)
            } else {
                error = MethodologyChoice.unknown(asked, stored: stored, file: false)
            }
        }
        let page = MetodologiePage.make(
            plan: plan, stored: stored, chosen: asked, period: period, comparison: comparison,
            error: error.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." })
        let html = WebRenderer.render(page, chrome: PageRendering.chrome(user, current: .documenti, plan: plan))
        return HTMLResponse.page(html, status: error == nil ? .ok : .unprocessableContent)
    }
}
