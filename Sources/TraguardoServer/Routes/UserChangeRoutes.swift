import TraguardoCore
import Foundation
import Hummingbird
import TraguardoStore
import TraguardoWeb

/// Amministrazione › Utenti: changing an existing user (role, Ente, unit, name, active), setting a new
/// password, revoking an API token. Only the amministratore (`Action.manageUsers`), and only on the accounts
/// `Permission.mayManage` gives it (403 otherwise); a refused change writes nothing and shows the users page
/// again with the errors beside that user's fields. The store's write paths write the audit rows and end the
/// user's sessions and API tokens when the account is deactivated or its password changes.
struct UserChangeRoutes {
    let state: ServerState
    typealias F = FormFields.Utente

    func change(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let account = try await target(context, user: user)
        let form = context.form ?? FormBody(fields: [])
        let name = (form[F.displayName] ?? "").trimmingCharacters(in: .whitespaces)
        let roleText = form[F.role] ?? ""
        let entity = (form[F.entity] ?? "").trimmingCharacters(in: .whitespaces)
        let unit = (form[F.unit] ?? "").trimmingCharacters(in: .whitespaces)
        let active = form[F.active] == "1"
        let (profile, errors) = try await UserProfileCheck.check(
            roleText: roleText, entity: entity, unit: unit, active: active, target: account, store: state.store, user: user)
        guard let profile, errors.isEmpty else {
            let typed = [F.displayName: name, F.role: roleText, F.entity: entity, F.unit: unit, F.active: active ? "1" : ""]
            return try await AdminRoutes(state: state).usersPage(
                user: user, edit: AdminUsersPage.Edit(username: account.username, form: .details, typed: typed, errors: errors))
        }
        var updated = account
        updated.displayName = name.isEmpty ? account.username : name
        updated.role = profile.role.rawValue
        updated.entityCode = profile.entityCode
        updated.unitCode = profile.unitCode
        updated.active = active
        if updated != account { try await state.store.updateUser(updated, actor: user.username) }
        return .redirect(to: Self.done("modificato", account.username), type: .normal)
    }

    func setPassword(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let account = try await target(context, user: user)
        let password = context.form?[F.password] ?? ""
        guard password.count >= UserRules.minimumPasswordLength else {
            return try await AdminRoutes(state: state).usersPage(
                user: user,
                edit: AdminUsersPage.Edit(username: account.username, form: .password, errors: [F.password: UserRules.passwordRule]))
        }
        let hash = await PasswordHashing.hash(password, cost: state.configuration.bcryptCost)
        try await state.store.setPasswordHash(hash, for: account.username, actor: user.username)
        return .redirect(to: Self.done("password", account.username), type: .normal)
    }

    /// Revokes one API token of the user (its code in the path, as the users page lists it).
    func revokeToken(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let account = try await target(context, user: user)
        let code = try context.parameters.require("codice")
        guard try await state.store.revokeAPIToken(code: code, of: account.username, actor: user.username) else {
            throw WebFailure.notFound("Nessun token «\(code)» dell'utente «\(account.username)».", user: user)
        }
        return .redirect(to: Self.done("token", account.username), type: .normal)
    }

    /// The user named in the path: 404 when there is none, 403 when the amministratore may not manage it.
    private func target(_ context: TraguardoRequestContext, user: SignedInUser) async throws -> UserAccount {
        let username = try context.parameters.require("utente")
        guard let account = try await state.store.user(username) else {
            throw WebFailure.notFound("Nessun utente «\(username)».", user: user)
        }
        guard Permission.mayManage(user, account) else {
            throw WebFailure.forbidden(
                "L'utente «\(username)» non è fra quelli che puoi gestire: sei limitato all'Ente «\(user.account.entityCode ?? "")» "
                    + "e gli amministratori li gestisce un amministratore non limitato.", user: user)
        }
        return account
    }

    /// Back to the users page, at the user changed, with the message of what was done.
    static func done(_ what: String, _ username: String) -> String {
        WebRoutes.utenti + "?fatto=\(what)&utente=" + WebRoutes.segment(username) + "#modifica-" + WebRoutes.segment(username)
    }
}
