import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// `/login` and `/logout`: bcrypt-checked passwords, sessions in the database, failed logins slowed down per
/// address and per username (`LoginThrottle`, counted from the security log in the database, so every instance
/// counts them). Every login, failure, logout and session ended goes to the security log, not to the registro.
struct LoginRoutes {
    let state: ServerState

    /// The longest username looked up or logged: no account has a longer one.
    static let maximumUsernameLength = 100

    func register(on routes: PageRouter) {
        routes.get("login", access: .open) { request, context in
            try await showLogin(context: context, error: nil, next: request.uri.queryParameters.get(FormFields.Login.next))
        }
        routes.post("login", access: .open) { request, context in try await logIn(request: request, context: context) }
        routes.post("logout", access: .signedIn) { request, context in try await logOut(request: request, context: context) }
    }

    /// The form, with a fresh token in its hidden field and in a cookie (the double submit the CSRF check reads).
    /// `next`: the page to go back to after logging in (`LoginPage.localPath` keeps only this site's paths).
    func showLogin(
        context: TraguardoRequestContext, error: String?, username: String = "", next: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        if context.user != nil, error == nil { return .redirect(to: LoginPage.localPath(next) ?? "/", type: .normal) }
        let token = SecretToken.make()
        var response = HTMLResponse.page(PageRendering.login(csrf: token, error: error, username: username, next: next), status: status)
        response.setCookie(state.cookie(state.cookieNames.loginCSRF, token, maxAge: 3600))
        return response
    }

    func logIn(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let form = context.form ?? FormBody(fields: [])
        let username = String((form[FormFields.Login.username] ?? "").trimmingCharacters(in: .whitespaces).prefix(Self.maximumUsernameLength))
        let password = form[FormFields.Login.password] ?? ""
        let next = LoginPage.localPath(form[FormFields.Login.next])
        let now = state.now
        let configuration = state.configuration
        let address = clientAddress(request, context)
        // A browser that signs in (again) leaves its session behind, whatever the outcome: a login is never added
        // beside an old session, and a signed-in user who posts the form is no longer signed in as before.
        if let token = request.cookies[state.cookieNames.session]?.value, !token.isEmpty {
            try await state.store.deleteSession(
                tokenHash: SecretToken.hash(token), at: now, address: address, kind: .sessionEnded, detail: "nuovo accesso dallo stesso browser")
        }

        let throttle = LoginThrottle(
            freeFailures: configuration.maximumLoginFailures, window: configuration.loginFailureWindow, firstWait: configuration.loginFirstWait)
        let since = now.addingTimeInterval(-configuration.loginFailureWindow)
        let byAddress = try await state.store.loginFailures(address: address, since: since)
        let byUsername = try await state.store.loginFailures(username: username, since: since)
        if let wait = throttle.wait(address: byAddress, username: byUsername, now: now) {
            let whose = wait.reason == .address ? "da questo indirizzo" : "per l'utente «\(username)» da questo indirizzo"
            var response = try await showLogin(
                context: context, error: "Troppi accessi non riusciti \(whose): riprovare fra \(Self.italianWait(wait.seconds)).",
                username: username, next: next, status: .tooManyRequests)
            response.headers[.retryAfter] = String(Int(wait.seconds.rounded(.up)))
            return response
        }

        let account = try await state.store.user(username)
        let hash = try await state.store.passwordHash(of: username)
        let matches = await PasswordHashing.verify(password, hash: hash ?? state.decoyHash)
        guard matches, let account, SignedInUser(account: account, credential: .apiToken) != nil else {
            try await recordFailure(username: username, address: address, at: now, throttle: throttle, byAddress: byAddress, byUsername: byUsername)
            return try await showLogin(
                context: context, error: "Utente o password non corretti.", username: username, next: next, status: .unauthorized)
        }
        // Only after the right password: saying that the account exists and is deactivated tells nothing to a guesser.
        guard account.active else {
            try await recordFailure(
                username: username, address: address, at: now, throttle: throttle, byAddress: byAddress, byUsername: byUsername,
                detail: "utente disattivato")
            return try await showLogin(
                context: context, error: "L'utente «\(username)» è disattivato: per accedere, rivolgersi all'amministratore.",
                status: .forbidden)
        }
        // A hash made at another cost than the configured one (an older setting, the demo's accounts) is made again
        // now that the password is known: every account then takes as long to check as the decoy.
        if let hash, PasswordHashing.cost(of: hash) != configuration.bcryptCost {
            let upgraded = await PasswordHashing.hash(password, cost: configuration.bcryptCost)
            try await state.store.upgradePasswordHash(of: account.username, from: hash, to: upgraded)
        }
        // Sessions past their expiry are refused anyway; each login also removes them from the table, and the
        // security log's events past their window.
        _ = try await state.store.deleteExpiredSessions(now: now)
        try await state.store.recordSecurityEvents([], purge: purge(now: now))
        let token = SecretToken.make()
        try await state.store.createSession(
            UserSession(
                tokenHash: SecretToken.hash(token), username: account.username, csrfToken: SecretToken.make(), createdAt: now,
                expiresAt: now.addingTimeInterval(configuration.sessionDuration)),
            address: address, maximumPerUser: configuration.maximumSessionsPerUser)
        var response = Response.redirect(to: next ?? "/", type: .normal)
        response.setCookie(state.cookie(state.cookieNames.session, token, maxAge: Int(configuration.sessionDuration)))
        response.setCookie(state.cookie(state.cookieNames.loginCSRF, "", maxAge: 0))
        return response
    }

    func logOut(request: Request, context: TraguardoRequestContext) async throws -> Response {
        if case .session(let hash, _)? = context.user?.credential {
            try await state.store.deleteSession(tokenHash: hash, at: state.now, address: clientAddress(request, context), kind: .logout)
        }
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(state.cookie(state.cookieNames.session, "", maxAge: 0))
        return response
    }

    /// The failed login in the security log, with «rallentato» when it uses up the budget of the address or the
    /// username; the failures past their window go in the same transaction.
    private func recordFailure(
        username: String, address: String, at now: Date, throttle: LoginThrottle, byAddress: LoginFailureTally,
        byUsername: LoginFailureTally, detail: String? = nil
    ) async throws {
        var events = [SecurityEvent(at: now, kind: .loginFailed, username: username, address: address, detail: detail)]
        if throttle.exhausts(byAddress) {
            events.append(SecurityEvent(at: now, kind: .throttled, username: username, address: address, detail: "troppi tentativi da questo indirizzo"))
        }
        if throttle.exhausts(byUsername) {
            events.append(SecurityEvent(at: now, kind: .throttled, username: username, address: address, detail: "troppi tentativi per questo utente"))
        }
        try await state.store.recordSecurityEvents(events, purge: purge(now: now))
    }

    private func purge(now: Date) -> Store.SecurityLogPurge {
        let configuration = state.configuration
        return Store.SecurityLogPurge(
            failuresBefore: now.addingTimeInterval(-max(configuration.failedLoginRetention, configuration.loginFailureWindow)),
            othersBefore: now.addingTimeInterval(-configuration.securityLogRetention))
    }

    /// The client's address: the TCP peer, or the one a trusted proxy forwarded (`ClientAddress`).
    private func clientAddress(_ request: Request, _ context: TraguardoRequestContext) -> String {
        ClientAddress.resolve(
            peer: context.remoteAddress, forwardedFor: request.headers.filter { $0.name.canonicalName == "x-forwarded-for" }.map(\.value),
            trustedProxies: state.configuration.trustedProxies)
    }

    /// «45 secondi», «1 minuto», «4 minuti» (rounded up).
    static func italianWait(_ seconds: TimeInterval) -> String {
        let whole = max(Int(seconds.rounded(.up)), 1)
        if whole < 60 { return whole == 1 ? "1 secondo" : "\(whole) secondi" }
        let minutes = (whole + 59) / 60
        return minutes == 1 ? "1 minuto" : "\(minutes) minuti"
    }
}
