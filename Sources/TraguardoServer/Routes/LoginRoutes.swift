import Foundation
import Hummingbird
import TraguardoStore
import TraguardoWeb

/// `/login` and `/logout`: bcrypt-checked passwords, sessions in the database, failed logins throttled per
/// username and address (stored in the database too, so every instance counts them).
struct LoginRoutes {
    let state: ServerState

    func register(on router: some RouterMethods<TraguardoRequestContext>) {
        router.get("login") { request, context in
            try await showLogin(context: context, error: nil, next: request.uri.queryParameters.get(FormFields.Login.next))
        }
        router.post("login") { _, context in try await logIn(context: context) }
        router.post("logout") { request, context in try await logOut(request: request, context: context) }
    }

    /// The form, with a fresh token in its hidden field and in a cookie (the double submit the CSRF check reads).
    /// `next`: the page to go back to after logging in (`LoginPage.localPath` keeps only this site's paths).
    func showLogin(
        context: TraguardoRequestContext, error: String?, username: String = "", next: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        if context.user != nil, error == nil { return .redirect(to: LoginPage.localPath(next) ?? "/", type: .normal) }
        let token = SecretToken.make()
        var response = HTMLResponse.page(PageRendering.login(csrf: token, error: error, username: username, next: next), status: status)
        response.setCookie(state.cookie(CSRFMiddleware.loginCookieName, token, maxAge: 3600))
        return response
    }

    func logIn(context: TraguardoRequestContext) async throws -> Response {
        let form = context.form ?? FormBody(fields: [])
        let username = (form[FormFields.Login.username] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form[FormFields.Login.password] ?? ""
        let next = LoginPage.localPath(form[FormFields.Login.next])
        let now = state.now
        let configuration = state.configuration
        let failures = try await state.store.loginFailureCount(
            username: username, address: context.remoteAddress, since: now.addingTimeInterval(-configuration.loginFailureWindow))
        if failures >= configuration.maximumLoginFailures {
            let minutes = Int(configuration.loginFailureWindow / 60)
            return try await showLogin(
                context: context, error: "Troppi tentativi non riusciti per «\(username)»: riprovare fra \(minutes) minuti.",
                username: username, next: next, status: .tooManyRequests)
        }
        let account = try await state.store.user(username)
        let hash = try await state.store.passwordHash(of: username)
        let matches = await PasswordHashing.verify(password, hash: hash ?? PasswordHashing.decoy)
        guard matches, let account, SignedInUser(account: account, credential: .apiToken) != nil else {
            try await state.store.recordLoginFailure(username: username, address: context.remoteAddress, at: now)
            return try await showLogin(
                context: context, error: "Utente o password non corretti.", username: username, next: next, status: .unauthorized)
        }
        // Only after the right password: saying that the account exists and is deactivated tells nothing to a guesser.
        guard account.active else {
            try await state.store.recordLoginFailure(username: username, address: context.remoteAddress, at: now)
            return try await showLogin(
                context: context, error: "L'utente «\(username)» è disattivato: per accedere, rivolgersi all'amministratore.",
                status: .forbidden)
        }
        try await state.store.clearLoginFailures(username: username, address: context.remoteAddress)
        // Sessions past their expiry are refused anyway; each login also removes them from the table.
        _ = try await state.store.deleteExpiredSessions(now: now)
        let token = SecretToken.make()
        try await state.store.createSession(UserSession(
            tokenHash: SecretToken.hash(token), username: account.username, csrfToken: SecretToken.make(), createdAt: now,
            expiresAt: now.addingTimeInterval(configuration.sessionDuration)))
        var response = Response.redirect(to: next ?? "/", type: .normal)
        response.setCookie(state.cookie(SessionMiddleware.cookieName, token, maxAge: Int(configuration.sessionDuration)))
        response.setCookie(state.cookie(CSRFMiddleware.loginCookieName, "", maxAge: 0))
        return response
    }

    func logOut(request: Request, context: TraguardoRequestContext) async throws -> Response {
        if case .session(let hash, _)? = context.user?.credential {
            try await state.store.deleteSession(tokenHash: hash)
        }
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(state.cookie(SessionMiddleware.cookieName, "", maxAge: 0))
        return response
    }
}
