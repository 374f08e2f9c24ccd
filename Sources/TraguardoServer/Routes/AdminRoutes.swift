import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// Administration: users (amministratore: list, add, change, deactivate, new password, revoke an API token;
/// one limited to an Ente only the accounts `Permission.mayManage` gives it), opening and closing periods and
/// recording scores (amministratore and controllo di gestione). The registro modifiche is `RegistroRoutes`.
struct AdminRoutes {
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.get("amministrazione/utenti", needs: .manageUsers) { request, context in try await users(request: request, context: context) }
        routes.post("amministrazione/utenti/nuovo", needs: .manageUsers) { _, context in try await addUser(context: context) }
        routes.post("amministrazione/utenti/:utente", needs: .manageUsers) { _, context in try await UserChangeRoutes(state: state).change(context: context) }
        routes.post("amministrazione/utenti/:utente/password", needs: .manageUsers) { _, context in
            try await UserChangeRoutes(state: state).setPassword(context: context)
        }
        routes.post("amministrazione/utenti/:utente/token/:codice/revoca", needs: .manageUsers) { _, context in
            try await UserChangeRoutes(state: state).revokeToken(context: context)
        }
        routes.post("amministrazione/periodi/:ente/:anno/stato", needs: .managePeriods) { _, context in try await setPeriod(context: context) }
        routes.post("amministrazione/periodi/:ente/:anno/date", needs: .managePeriods) { _, context in try await setPeriodDates(context: context) }
        routes.post("enti/:ente/:anno/punteggi/:periodo", needs: .saveScores) { _, context in try await saveScores(context: context) }
    }

    func users(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let who = request.uri.queryParameters.get("utente").map { String($0) }.flatMap { UserRules.isValidUsername($0) ? $0 : nil }
        let flash: FlashMessage? = switch (request.uri.queryParameters.get("fatto").map { String($0) }, who) {
        case ("modificato", let who?): FlashMessage(.success, "Utente «\(who)» modificato.")
        case ("password", let who?):
            FlashMessage(.success, "Password di «\(who)» cambiata: le sue sessioni aperte sono state chiuse e i suoi token delle API revocati.")
        case ("token", let who?): FlashMessage(.success, "Token delle API di «\(who)» revocato.")
        default: nil
        }
        return try await usersPage(user: user, flash: flash)
    }

    /// The list, the change forms of each user and the add form; after a refused add or change, what was typed
    /// (never the password) and the errors beside the fields.
    func usersPage(
        user: SignedInUser, typed: [String: String] = [:], errors: [String: String] = [:], edit: AdminUsersPage.Edit? = nil,
        flash: FlashMessage? = nil
    ) async throws -> Response {
        let units = try await UserProfileCheck.unitChoices(state.store, entityCode: user.account.entityCode)
        let entities = try await state.store.entities().filter { Permission.reaches(user, entityCode: $0.code) }
            .map { (code: $0.code, name: $0.shortName ?? $0.name) }
        let tokens = Dictionary(grouping: try await state.store.apiTokens(), by: \.username)
        let accounts = try await state.store.users().filter { Permission.mayManage(user, $0) }.map { ($0, tokens[$0.username] ?? []) }
        let html = PageRendering.users(
            accounts, units: units, entities: entities, typed: typed, errors: errors, edit: edit, flash: flash, now: state.now, user: user)
        let refused = !errors.isEmpty || !(edit?.errors.isEmpty ?? true)
        return HTMLResponse.page(html, status: refused ? .unprocessableContent : .ok)
    }

    func addUser(context: TraguardoRequestContext) async throws -> Response {
        typealias F = FormFields.Utente
        let user = try state.authorized(context)
        let form = context.form ?? FormBody(fields: [])
        let username = (form[F.username] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form[F.password] ?? ""
        let name = (form[F.displayName] ?? "").trimmingCharacters(in: .whitespaces)
        let unit = (form[F.unit] ?? "").trimmingCharacters(in: .whitespaces)
        let entity = (form[F.entity] ?? "").trimmingCharacters(in: .whitespaces)
        var (profile, errors) = try await UserProfileCheck.check(
            roleText: form[F.role] ?? "", entity: entity, unit: unit, active: true, target: nil, store: state.store, user: user)
        if !UserRules.isValidUsername(username) {
            errors[F.username] = UserRules.usernameRule
        } else if try await state.store.user(username) != nil {
            errors[F.username] = "Il nome utente «\(username)» è già in uso."
        }
        if password.count < UserRules.minimumPasswordLength { errors[F.password] = UserRules.passwordRule }
        guard let profile, errors.isEmpty else {
            let typed = [F.username: username, F.displayName: name, F.role: form[F.role] ?? "", F.entity: entity, F.unit: unit]
            return try await usersPage(user: user, typed: typed, errors: errors)
        }
        let account = UserAccount(
            username: username, displayName: name.isEmpty ? username : name, role: profile.role.rawValue,
            entityCode: profile.entityCode, unitCode: profile.unitCode, createdAt: state.now)
        let hash = await PasswordHashing.hash(password, cost: state.configuration.bcryptCost)
        try await state.store.addUser(account, passwordHash: hash, actor: user.username)
        return .redirect(to: WebRoutes.utenti, type: .normal)
    }

    func setPeriod(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let code = context.form?[FormFields.Periodo.period] ?? ""
        guard var period = plan.periods.first(where: { $0.code == code }) else {
            throw WebFailure.notFound("Nessun periodo «\(code)».", user: user)
        }
        let status: PeriodStatus
        if context.form?[FormFields.Periodo.action] == FormFields.Periodo.freeze {
            // A period imported already closed has no snapshot: freezing it now makes its documents stable.
            guard period.status == .closed else {
                throw WebFailure.badRequest("Il periodo \(code) non è chiuso: si congela chiudendolo. Nulla è stato salvato.", user: user)
            }
            _ = try await state.store.closePeriod(period.code, in: scope, actor: user.username)
            return .redirect(to: WebRoutes.periodi(ente: scope.entityCode, anno: scope.year), type: .normal)
        }
        switch context.form?[FormFields.Periodo.action] {
        case FormFields.Periodo.open: status = .open
        case FormFields.Periodo.review: status = .underReview
        case FormFields.Periodo.close: status = .closed
        case FormFields.Periodo.reopen: status = .reopened
        default: throw WebFailure.badRequest("Azione sul periodo non valida: «apri», «in-verifica», «chiudi», «riapri» o «congela».", user: user)
        }
        let reason = (context.form?[FormFields.Periodo.reason] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = TextLength.problem(reason, what: "Il motivo") { throw WebFailure.badRequest(problem + " Nulla è stato salvato.", user: user) }
        if period.status != status {
            if let problem = PeriodTransition.problem(period, to: status, reason: reason) {
                throw WebFailure.badRequest(problem + " Nulla è stato salvato.", user: user)
            }
            if status == .closed {
                // Closing freezes the period's snapshot in the same transaction.
                _ = try await state.store.closePeriod(period.code, in: scope, actor: user.username)
            } else {
                period.status = status
                if status == .reopened { period.reopenReason = reason }
                try await state.store.update(period, in: scope, actor: user.username)
            }
        }
        return .redirect(to: WebRoutes.periodi(ente: scope.entityCode, anno: scope.year), type: .normal)
    }

    /// The opening date and the deadline of a period (the calendar of the year), one audit row.
    func setPeriodDates(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let code = context.form?[FormFields.Periodo.period] ?? ""
        guard var period = plan.periods.first(where: { $0.code == code }) else {
            throw WebFailure.notFound("Nessun periodo «\(code)».", user: user)
        }
        func date(_ field: String, _ what: String) throws -> CivilDate? {
            let text = (context.form?[field] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            guard text.count <= 10, let date = CivilDate(iso: text) else {
                throw WebFailure.badRequest(
                    "\(what) del periodo \(code): «\(String(text.prefix(20)))» non è una data; attesa nella forma AAAA-MM-GG. Nulla è stato salvato.",
                    user: user)
            }
            return date
        }
        let opensOn = try date(FormFields.Periodo.opensOn, "Apertura")
        let deadline = try date(FormFields.Periodo.deadline, "Scadenza")
        if let problem = PeriodTransition.datesProblem(opensOn: opensOn, deadline: deadline) {
            throw WebFailure.badRequest(problem + " Nulla è stato salvato.", user: user)
        }
        if period.opensOn != opensOn || period.deadline != deadline {
            period.opensOn = opensOn
            period.deadline = deadline
            try await state.store.update(period, in: scope, actor: user.username)
        }
        return .redirect(to: WebRoutes.periodi(ente: scope.entityCode, anno: scope.year), type: .normal)
    }

    func saveScores(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let code = try context.parameters.require("periodo")
        guard plan.periods.contains(where: { $0.code == code }) else {
            throw WebFailure.notFound("Nessun periodo «\(code)».", user: user)
        }
        try await state.store.saveScores(ScoreListing(plan: plan, scores: PlanScorer.score(plan, period: code)), actor: user.username)
        return .redirect(to: "/enti/\(scope.entityCode)/\(scope.year)/cruscotto", type: .normal)
    }
}
