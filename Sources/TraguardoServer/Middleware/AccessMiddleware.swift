import Hummingbird
import TraguardoCore

/// The check of one route's declared `RouteAccess`, run before the CSRF check reads the body and before the
/// handler: the role (and the Ente the account is limited to) must allow the route's action, and the Ente of the
/// route's `:ente` must be one the user reaches; otherwise 403 and nothing read. The user let through is handed
/// to the handler in `context.authorizedUser`. Not signed in: a page asked for goes to the login page; a form
/// sent is refused unread by the CSRF check's budget.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = TraguardoRequestContext
    let access: RouteAccess

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard access != .open else { return try await next(request, context) }
        guard let user = context.user else {
            guard request.method == .get || request.method == .head else { return try await next(request, context) }
            throw RedirectToLogin()
        }
        if let refusal = access.refusal(for: user) { throw refusal }
        if let entity = context.parameters.get("ente"), !Permission.reaches(user, entityCode: entity) {
            throw WebFailure.forbidden("L'utente non è abilitato per l'Ente «\(entity)».", user: user)
        }
        var context = context
        context.authorizedUser = user
        return try await next(request, context)
    }
}
