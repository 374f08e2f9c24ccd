import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// Administration: users (amministratore), opening and closing periods and recording scores (amministratore
/// and controllo di gestione). The registro modifiche is `RegistroRoutes`.
struct AdminRoutes {
    let state: ServerState

    func register(on router: some RouterMethods<TraguardoRequestContext>) {
        router.get("amministrazione/utenti") { _, context in try await users(context: context) }
        router.post("amministrazione/utenti/nuovo") { _, context in try await addUser(context: context) }
        router.post("amministrazione/periodi/:ente/:anno/stato") { _, context in try await setPeriod(context: context) }
        router.post("enti/:ente/:anno/punteggi/:periodo") { _, context in try await saveScores(context: context) }
    }

    func users(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context, .manageUsers)
        return HTMLResponse.page(PageRendering.users(try await state.store.users(), csrf: user.csrfToken ?? "", user: user))
    }

    func addUser(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context, .manageUsers)
        let form = context.form ?? FormBody(fields: [])
        let username = (form["utente"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        guard UserRules.isValidUsername(username) else {
            throw WebFailure.badRequest(UserRules.usernameRule, user: user)
        }
        guard let role = WebRole(rawValue: form["ruolo"] ?? "") else {
            throw WebFailure.badRequest(
                "Ruolo «\(form["ruolo"] ?? "")» sconosciuto: \(WebRole.allCases.map(\.rawValue).joined(separator: ", ")).", user: user)
        }
        guard password.count >= UserRules.minimumPasswordLength else {
            throw WebFailure.badRequest(UserRules.passwordRule, user: user)
        }
        let name = (form["nome"] ?? "").trimmingCharacters(in: .whitespaces)
        let account = UserAccount(
            username: username, displayName: name.isEmpty ? username : name, role: role.rawValue,
            entityCode: (form["ente"] ?? "").isEmpty ? nil : form["ente"], unitCode: (form["ufficio"] ?? "").isEmpty ? nil : form["ufficio"],
            createdAt: state.now)
        if try await state.store.user(username) != nil {
            throw WebFailure.badRequest("L'utente «\(username)» esiste già.", user: user)
        }
        let hash = await PasswordHashing.hash(password, cost: state.configuration.bcryptCost)
        try await state.store.addUser(account, passwordHash: hash, actor: user.username)
        return .redirect(to: "/amministrazione/utenti", type: .normal)
    }

    func setPeriod(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context, .managePeriods)
        let (plan, scope) = try await state.plan(context, user: user)
        let code = context.form?["periodo"] ?? ""
        guard var period = plan.periods.first(where: { $0.code == code }) else {
            throw WebFailure.notFound("Nessun periodo «\(code)».", user: user)
        }
        let status: PeriodStatus
        switch context.form?["azione"] {
        case "apri": status = .open
        case "chiudi": status = .closed
        default: throw WebFailure.badRequest("Azione sul periodo non valida: «apri» o «chiudi».", user: user)
        }
        if period.status != status {
            period.status = status
            try await state.store.update(period, in: scope, actor: user.username)
        }
        return .redirect(to: "/enti/\(scope.entityCode)/\(scope.year)/cruscotto", type: .normal)
    }

    func saveScores(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context, .saveScores)
        let (plan, scope) = try await state.plan(context, user: user)
        let code = try context.parameters.require("periodo")
        guard plan.periods.contains(where: { $0.code == code }) else {
            throw WebFailure.notFound("Nessun periodo «\(code)».", user: user)
        }
        try await state.store.saveScores(ScoreListing(plan: plan, scores: PlanScorer.score(plan, period: code)), actor: user.username)
        return .redirect(to: "/enti/\(scope.entityCode)/\(scope.year)/cruscotto", type: .normal)
    }
}

/// What a username and a password must be (the CLI's `user add` checks the same).
public enum UserRules {
    public static let minimumPasswordLength = 10
    public static let usernameRule = "Nome utente non valido: da 2 a 64 caratteri fra lettere minuscole, cifre, punto, trattino e trattino basso."
    public static let passwordRule = "La password deve avere almeno \(minimumPasswordLength) caratteri."

    /// The codes of the roles, as `--role` and the user form take them.
    public static var roleCodes: [String] { WebRole.allCases.map(\.rawValue) }

    public static func isValidUsername(_ name: String) -> Bool {
        (2...64).contains(name.count) && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-_".contains($0) }
    }
}
