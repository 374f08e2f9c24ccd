import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// Proposte di modifica del piano of an Ente-year (`PlanProposalsPage`): the controller and the amministratore
/// (`Action.editPlan`) see every proposal and decide the pending ones of others (accept: the edit saved with its
/// act; refuse: with a reason); a dirigente (`Action.proposePlanChange`) sees his own with their outcome. The
/// proposals themselves are posted by the editor's forms (`PlanEditorRoutes`, `…/piano/proposte`).
struct PlanProposalRoutes {
    let state: ServerState
    typealias F = FormFields.Proposta

    func register(on routes: PageRouter) {
        routes.get("enti/:ente/:anno/piano/proposte", access: PlanEditorRoutes.readers) { request, context in
            try await list(request: request, context: context)
        }
        routes.post("enti/:ente/:anno/piano/proposte/decisione", needs: .editPlan) { _, context in try await decide(context: context) }
    }

    func list(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, _) = try await state.plan(context, user: user)
        let flash: FlashMessage? = switch request.uri.queryParameters.get("fatto") {
        case "proposta": FlashMessage(.success, "Proposta inviata al controllo di gestione.")
        case "accettata": FlashMessage(.success, "Proposta accettata: la modifica è nel piano.")
        case "rifiutata": FlashMessage(.success, "Proposta rifiutata: chi l'ha fatta vede il motivo.")
        default: nil
        }
        return try await page(plan: plan, user: user, flash: flash)
    }

    func page(
        plan: CyclePlan, user: SignedInUser, flash: FlashMessage? = nil, failed: (proposal: Int, form: String)? = nil,
        typed: [String: String] = [:], errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
        let decides = Permission.allows(user.role, .editPlan) && Permission.mayWrite(user)
        let proposals = try await state.store.planProposals(in: scope, proposedBy: decides ? nil : user.username)
        let page = PlanProposalsPage.make(
            plan: plan, proposals: proposals, decider: decides ? user.username : nil, role: user.role, scope: PageRendering.scope(plan),
            failed: failed, typed: typed, errors: errors)
        var chrome = PageRendering.chrome(user, current: .amministrazione, plan: plan)
        if let flash { chrome.flash.append(flash) }
        return HTMLResponse.page(WebRenderer.render(page, chrome: chrome), status: status)
    }

    func decide(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (_, scope) = try await state.plan(context, user: user)
        let form = context.form ?? FormBody(fields: [])
        let decision = form[F.decision] ?? ""
        guard let id = Int(form[F.proposal] ?? ""), [F.accept, F.refuse].contains(decision) else {
            throw WebFailure.badRequest(
                "Decisione non valida: attesi il numero della proposta e l'esito «\(F.accept)» o «\(F.refuse)».", user: user)
        }
        let problem: PlanProposalActions.Problem
        if decision == F.accept {
            switch try await PlanProposalActions.accept(id, actText: form[F.act], in: scope, user: user, store: state.store) {
            case .success: return .redirect(to: WebRoutes.pianoProposte(ente: scope.entityCode, anno: scope.year) + "?fatto=accettata", type: .normal)
            case .failure(let refused): problem = refused
            }
        } else {
            switch try await PlanProposalActions.refuse(id, reason: form[F.reason], in: scope, user: user, store: state.store) {
            case .success: return .redirect(to: WebRoutes.pianoProposte(ente: scope.entityCode, anno: scope.year) + "?fatto=rifiutata", type: .normal)
            case .failure(let refused): problem = refused
            }
        }
        if problem.status == .forbidden { throw WebFailure.forbidden(problem.message, user: user) }
        if problem.status == .notFound { throw WebFailure.notFound(problem.message, user: user) }
        guard let plan = try await state.store.loadPlan(scope) else {
            throw WebFailure.notFound("Nessun ciclo \(scope.year) per l'Ente «\(scope.entityCode)».", user: user)
        }
        var typed: [String: String] = [:]
        for key in [F.reason, F.act] { if let value = form[key] { typed[key] = value } }
        return try await page(
            plan: plan, user: user, failed: (id, decision), typed: typed,
            errors: [problem.field.isEmpty ? F.proposal : problem.field: problem.message], status: problem.status)
    }
}
