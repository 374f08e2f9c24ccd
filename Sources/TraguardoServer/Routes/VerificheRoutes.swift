import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// «Verifiche» (`WebRoutes.verifiche`): the findings of the checks on the Ente-year (`CheckCatalogue`, as
/// `traguardo check` prints them), those still open first. The controllo di gestione and the administrator
/// acknowledge a finding with a reason (`WebRoutes.verificheRiconosci`, `Action.acknowledgeFindings`), as
/// `traguardo check --acknowledge` does: it moves among the acknowledged ones, with reason and author.
struct VerificheRoutes {
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.get("enti/:ente/:anno/verifiche", needs: .viewPlan) { request, context in try await show(request: request, context: context) }
        routes.post("enti/:ente/:anno/verifiche/riconosci", needs: .acknowledgeFindings) { _, context in try await acknowledge(context: context) }
    }

    func show(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let acknowledged = request.uri.queryParameters.get("riconosciuta") != nil
        let showing = request.uri.queryParameters.get("mostra").flatMap(VerificheFilter.init(rawValue:)) ?? .errorsAndWarnings
        return try await render(plan: plan, scope: scope, user: user, acknowledged: acknowledged, showing: showing)
    }

    func render(
        plan: CyclePlan, scope: CycleScope, user: SignedInUser, acknowledged: Bool = false, showing: VerificheFilter = .errorsAndWarnings,
        errors: [String: String] = [:], typed: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = VerifichePage.make(
            plan: plan, findings: try await findings(plan),
            acknowledgements: try await state.store.acknowledgements(in: scope),
            canAcknowledge: Permission.allows(user.role, .acknowledgeFindings), errors: errors, typed: typed, showing: showing)
        var chrome = PageRendering.chrome(user, current: .verifiche, plan: plan)
        if acknowledged { chrome.flash.append(FlashMessage(.success, "Segnalazione riconosciuta: non sarà più ripetuta.")) }
        if !errors.isEmpty { chrome.flash.append(FlashMessage(.error, "La segnalazione non è stata riconosciuta: vedere il motivo indicato.")) }
        return HTMLResponse.page(WebRenderer.render(page, chrome: chrome), status: status)
    }

    /// The checks as `traguardo check` runs them: with the Ente's other years, for the checks across years.
    func findings(_ plan: CyclePlan) async throws -> [Finding] {
        CheckCatalogue.findings(
            in: plan, period: nil, otherYears: try await state.store.otherYears(of: plan), components: try await state.store.componentPlans(of: plan))
    }

    func acknowledge(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let form = context.form ?? FormBody(fields: [])
        let key = (form[FormFields.Verifiche.key] ?? "").trimmingCharacters(in: .whitespaces)
        let reason = (form[FormFields.Verifiche.reason] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard try await findings(plan).contains(where: { $0.key == key }) else {
            throw WebFailure.badRequest(
                "Nessuna segnalazione «\(key.replacingOccurrences(of: "|", with: " "))» nelle verifiche di oggi: forse è già stata corretta.",
                user: user)
        }
        guard !reason.isEmpty else {
            return try await render(
                plan: plan, scope: scope, user: user, errors: [key: "Indicare il motivo: chi legge deve sapere perché la segnalazione è accettata."],
                status: .unprocessableContent)
        }
        try await state.store.acknowledge(
            Acknowledgement(findingKey: key, reason: reason, acknowledgedBy: user.username, acknowledgedAt: state.now),
            in: scope, actor: user.username)
        return .redirect(to: WebRoutes.verifiche(ente: scope.entityCode, anno: scope.year) + "?riconosciuta=1", type: .normal)
    }
}
