import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore

/// The pages that read the plan: the list of cycles, cruscotto, albero, node page. Every role may read them,
/// for the Enti its account reaches.
struct PlanPageRoutes {
    let state: ServerState

    func register(on router: some RouterMethods<TraguardoRequestContext>) {
        router.get("/") { _, context in try await home(context: context) }
        router.get("enti/:ente/:anno/cruscotto") { request, context in try await cruscotto(request: request, context: context) }
        router.get("enti/:ente/:anno/albero") { request, context in try await albero(request: request, context: context) }
        router.get("enti/:ente/:anno/nodi/**") { request, context in try await node(request: request, context: context) }
    }

    func home(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context, .viewPlan)
        var plans: [CyclePlan] = []
        for cycle in try await state.store.cycles() where Permission.reaches(user, entityCode: cycle.entityCode) {
            if let plan = try await state.store.loadPlan(CycleScope(entityCode: cycle.entityCode, year: cycle.year)) { plans.append(plan) }
        }
        return HTMLResponse.page(PageRendering.home(plans, user: user))
    }

    /// The period asked with `?periodo=CODE`, else the scorer's default (the last of the year).
    static func period(_ request: Request) -> String? {
        request.uri.queryParameters.get("periodo").flatMap { $0.isEmpty ? nil : $0 }
    }

    func cruscotto(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context, .viewPlan)
        let (plan, _) = try await state.plan(context, user: user)
        let period = Self.period(request)
        let scores = PlanScorer.score(plan, period: period)
        return HTMLResponse.page(PageRendering.cruscotto(plan: plan, scores: scores, period: period, user: user))
    }

    func albero(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context, .viewPlan)
        let (plan, _) = try await state.plan(context, user: user)
        return HTMLResponse.page(PageRendering.albero(plan: plan, scores: PlanScorer.score(plan, period: Self.period(request)), user: user))
    }

    func node(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context, .viewPlan)
        let (plan, scope) = try await state.plan(context, user: user)
        // `WebRoutes.nodo` sends the path as one percent-encoded segment (`C30101%2F1`); plain slashes work too.
        let raw = context.parameters.getCatchAll().joined(separator: "/")
        let path = raw.removingPercentEncoding ?? raw
        let scores = PlanScorer.score(plan, period: Self.period(request))
        let evidence = try await state.store.evidenceFiles(in: scope)
        guard let html = PageRendering.node(plan: plan, scores: scores, path: path, evidence: evidence, user: user) else {
            throw WebFailure.notFound("Nessun elemento «\(path)» nel piano \(plan.cycle.year).", user: user)
        }
        return HTMLResponse.page(html)
    }
}
