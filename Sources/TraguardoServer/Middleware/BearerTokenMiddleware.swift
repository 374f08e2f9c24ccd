import Foundation
import Hummingbird
import TraguardoStore

/// `Authorization: Bearer TOKEN` on the JSON API → the token's user (tokens are stored hashed). Without a
/// valid token (unknown, expired, revoked, or its user deactivated) the API answers 401; a token that reads
/// only gets 403 on anything but GET and HEAD (`Permission.mayWrite`).
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = TraguardoRequestContext
    let store: Store
    var clock: @Sendable () -> Date = { Date() }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
            if !token.isEmpty, let found = try await store.apiTokenUser(tokenHash: SecretToken.hash(token), now: clock()) {
                context.user = SignedInUser(account: found.user, credential: .apiToken, tokenScope: found.token.scope)
            }
        }
        guard let user = context.user else {
            throw APIFailure(status: .unauthorized, message: "autenticazione richiesta: intestazione «Authorization: Bearer <token>» assente o non valida")
        }
        if ![.get, .head].contains(request.method), !Permission.mayWrite(user) {
            throw APIFailure(
                status: .forbidden,
                message: "il token è di sola lettura: per inserire rilevazioni crearne uno con «traguardo user token \(user.username) --write»")
        }
        return try await next(request, context)
    }
}
