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
        return try await usersPage(user: user)
    }

    /// The list and the add form; after a refused add, what was typed (never the password) and the errors beside the fields.
    func usersPage(user: SignedInUser, typed: [String: String] = [:], errors: [String: String] = [:]) async throws -> Response {
        var units: [(id: String, name: String)] = []
        var seen: Set<String> = []
        for cycle in try await state.store.cycles() where Permission.reaches(user, entityCode: cycle.entityCode) {
            guard let plan = try await state.store.loadPlan(CycleScope(entityCode: cycle.entityCode, year: cycle.year)) else { continue }
            for unit in plan.units {
                let code = unit.code ?? unit.id
                if seen.insert(code).inserted { units.append((code, "\(unit.name) (\(code))")) }
            }
        }
        let html = PageRendering.users(
            try await state.store.users(), units: units.sorted { $0.name < $1.name }, typed: typed, errors: errors, user: user)
        return HTMLResponse.page(html, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    func addUser(context: TraguardoRequestContext) async throws -> Response {
        typealias F = FormFields.Utente
        let user = try state.authorized(context, .manageUsers)
        let form = context.form ?? FormBody(fields: [])
        let username = (form[F.username] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form[F.password] ?? ""
        let name = (form[F.displayName] ?? "").trimmingCharacters(in: .whitespaces)
        let unit = (form[F.unit] ?? "").trimmingCharacters(in: .whitespaces)
        let role = WebRole(rawValue: form[F.role] ?? "")
        var errors: [String: String] = [:]
        if !UserRules.isValidUsername(username) {
            errors[F.username] = UserRules.usernameRule
        } else if try await state.store.user(username) != nil {
            errors[F.username] = "Il nome utente «\(username)» è già in uso."
        }
        if password.count < UserRules.minimumPasswordLength { errors[F.password] = UserRules.passwordRule }
        if role == nil {
            errors[F.role] = "Ruolo «\(form[F.role] ?? "")» sconosciuto: \(UserRules.roleCodes.joined(separator: ", "))."
        } else if role == .officeHead, unit.isEmpty {
            errors[F.unit] = "Un responsabile d'ufficio ha bisogno del suo ufficio."
        } else if role == .manager, unit.isEmpty {
            errors[F.unit] = "Un dirigente ha bisogno della sua area."
        }
        guard let role, errors.isEmpty else {
            let typed = [F.username: username, F.displayName: name, F.role: form[F.role] ?? "", F.unit: unit]
            return try await usersPage(user: user, typed: typed, errors: errors)
        }
        let account = UserAccount(
            username: username, displayName: name.isEmpty ? username : name, role: role.rawValue,
            entityCode: (form["ente"] ?? "").isEmpty ? nil : form["ente"],
            unitCode: [.officeHead, .manager].contains(role) ? unit : nil, createdAt: state.now)
        let hash = await PasswordHashing.hash(password, cost: state.configuration.bcryptCost)
        try await state.store.addUser(account, passwordHash: hash, actor: user.username)
        return .redirect(to: WebRoutes.utenti, type: .normal)
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
        return .redirect(to: WebRoutes.periodi(ente: scope.entityCode, anno: scope.year), type: .normal)
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
