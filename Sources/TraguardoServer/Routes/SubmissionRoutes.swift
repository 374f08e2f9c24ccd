import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// `/enti/:ente/:anno/invii`: the offices' submissions of a period and the completion by office and unit (GET,
/// every role that reads the plan), and each transition (POST): the office submits (`Permission.mayEnter`), the
/// controllo di gestione verifies, sends back with a reason or reopens (`verifySubmissions`), the OIV validates
/// or sends back (`validate`). The rule of when a move may happen is the core's `SubmissionTransition`; every
/// move is one row of the history and one audit row (`Store.recordSubmission`).
struct SubmissionRoutes {
    typealias F = FormFields.Invio
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.get("enti/:ente/:anno/invii", needs: .viewPlan) { request, context in try await show(request: request, context: context) }
        routes.post("enti/:ente/:anno/invii", access: .anyOf([.enterMeasurement, .verifySubmissions, .validate])) { _, context in try await move(context: context) }
    }

    func show(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let code = request.uri.queryParameters.get(F.period).map { String($0.prefix(40)) }
        let period: MonitoringPeriod
        if let code {
            guard let found = plan.periods.first(where: { $0.code == code }) else {
                throw WebFailure.notFound("Nessun periodo «\(code.prefix(40))» nel ciclo \(plan.cycle.year).", user: user)
            }
            period = found
        } else {
            guard let found = plan.periods.latestOpen
                ?? plan.periods.filter({ $0.status != .toOpen }).max(by: { $0.sequence < $1.sequence })
            else {
                throw WebFailure.notFound("Il ciclo \(plan.cycle.year) non ha ancora periodi aperti.", user: user)
            }
            period = found
        }
        return HTMLResponse.page(try await page(plan: plan, scope: scope, period: period, user: user, error: nil))
    }

    func page(plan: CyclePlan, scope: CycleScope, period: MonitoringPeriod, user: SignedInUser, error: String?) async throws -> String {
        let submissions = try await state.store.submissions(in: scope)
        let work = OutstandingWork.compute(plan: plan, submissions: submissions, today: state.today)
        var buttons: [String: [SubmissionTransition]] = [:]
        var missing: Set<String> = []
        for w in work.period(period.code) {
            let stored = submissions.first { $0.unitID == w.unit.id && $0.periodCode == period.code }
            buttons[w.unit.id] = SubmissionTransition.allCases.filter { transition in
                mayAttempt(transition, user: user, unit: w.unit, plan: plan)
                    && transition.problem(
                        submission: stored, effective: w.submission, period: period, by: actor(transition, user: user),
                        username: user.username, reason: "x") == nil
            }
            if Permission.mayEnter(user, for: w.unit, in: plan) { missing.insert(w.unit.id) }
        }
        let events = try await state.store.submissionEvents(in: scope).filter { $0.periodCode == period.code }.map {
            InviiPage.Event(unitID: $0.unitID, periodCode: $0.periodCode, at: $0.at, actor: $0.actor, from: $0.from, to: $0.to, reason: $0.reason)
        }
        return WebRenderer.render(
            InviiPage.make(plan: plan, work: work, period: period, buttons: buttons, missingLink: missing, events: events, error: error),
            chrome: PageRendering.chrome(user, current: .rilevazione, plan: plan))
    }

    /// Whether the user's role and office allow the transition at all (the state is the core's to judge).
    func mayAttempt(_ transition: SubmissionTransition, user: SignedInUser, unit: OrganisationalUnit, plan: CyclePlan) -> Bool {
        switch transition {
        case .submit: Permission.mayEnter(user, for: unit, in: plan)
        case .verify, .reopen: Permission.allows(user.role, .verifySubmissions)
        case .sendBack: Permission.allows(user.role, .verifySubmissions) || Permission.allows(user.role, .validate)
        case .validate: Permission.allows(user.role, .validate)
        }
    }

    /// The part the user plays in the transition: the controllo di gestione submitting for an office acts as the office.
    func actor(_ transition: SubmissionTransition, user: SignedInUser) -> SubmissionTransition.Actor {
        if transition == .submit { return .office }
        return SubmissionTransition.Actor(role: user.role) ?? .office
    }

    func move(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let form = context.form ?? FormBody(fields: [])
        guard let transition = SubmissionTransition(rawValue: form[F.action] ?? "") else {
            throw WebFailure.badRequest(
                "Azione non valida: attesa una tra \(SubmissionTransition.allCases.map(\.rawValue).joined(separator: ", ")).", user: user)
        }
        // The route let in every role that may move a submission one way, before the form was read; the move asked
        // narrows it, before anything else is read.
        switch transition {
        case .submit: try RouteAccess.require(user, .enterMeasurement)
        case .verify, .reopen: try RouteAccess.require(user, .verifySubmissions)
        case .validate: try RouteAccess.require(user, .validate)
        case .sendBack: if let refusal = RouteAccess.anyOf([.verifySubmissions, .validate]).refusal(for: user) { throw refusal }
        }
        let (plan, scope) = try await state.plan(context, user: user)
        let unitID = form[F.unit] ?? "", periodCode = form[F.period] ?? ""
        guard let unit = plan.unit(named: unitID) else {
            throw WebFailure.badRequest("Nessun ufficio «\(unitID.prefix(40))» nel piano \(plan.cycle.year).", user: user)
        }
        guard let period = plan.periods.first(where: { $0.code == periodCode }) else {
            throw WebFailure.badRequest("Nessun periodo «\(periodCode.prefix(40))» nel ciclo \(plan.cycle.year).", user: user)
        }
        guard mayAttempt(transition, user: user, unit: unit, plan: plan) else {
            throw WebFailure.forbidden("I valori di «\(unit.name)» non sono di competenza dell'utente «\(user.username)».", user: user)
        }
        let reason = (form[F.reason] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = TextLength.problem(reason, what: "Il motivo") {
            throw WebFailure.badRequest(problem + " Nulla è stato salvato.", user: user)
        }
        let submissions = try await state.store.submissions(in: scope)
        let stored = submissions.first { $0.unitID == unit.id && $0.periodCode == period.code }
        let fingerprint = SubmissionFingerprint.of(plan, unit: unit, period: period)
        let effective = stored?.effectiveState(current: fingerprint) ?? .draft
        let actor = actor(transition, user: user)
        if let problem = transition.problem(
            submission: stored, effective: effective, period: period, by: actor, username: user.username, reason: reason)
        {
            let html = try await page(plan: plan, scope: scope, period: period, user: user, error: problem + " Nulla è stato salvato.")
            return HTMLResponse.page(html, status: .unprocessableContent)
        }
        guard let target = transition.target(from: effective, by: actor) else {
            throw WebFailure.badRequest("Transizione non prevista.", user: user)
        }
        var next = stored ?? OfficeSubmission(unitID: unit.id, periodCode: period.code)
        next.state = target
        next.fingerprint = fingerprint
        next.updatedAt = state.now
        next.reason = transition.needsReason ? reason : nil
        switch transition {
        case .submit:
            next.submittedBy = user.username
            next.verifiedBy = nil
        case .verify: next.verifiedBy = user.username
        case .reopen, .sendBack: next.verifiedBy = transition == .reopen ? nil : next.verifiedBy
        case .validate: break
        }
        let event = SubmissionEvent(
            unitID: unit.id, periodCode: period.code, at: state.now, actor: user.username, from: effective, to: target,
            reason: transition.needsReason ? reason : nil, fingerprint: fingerprint)
        let conflict: String?
        do {
            try await state.store.recordSubmission(next, expected: stored, event: event, in: scope, actor: user.username)
            conflict = nil
        } catch {
            guard case .integrity(let detail) = error else { throw error }
            conflict = detail
        }
        if let conflict {
            let html = try await page(plan: plan, scope: scope, period: period, user: user, error: "Nulla è stato salvato: \(conflict).")
            return HTMLResponse.page(html, status: .conflict)
        }
        return .redirect(
            to: WebRoutes.invii(ente: scope.entityCode, anno: scope.year) + "?periodo=" + WebRoutes.segment(period.code), type: .normal)
    }
}
