import Foundation
import Hummingbird
import TraguardoStore

/// `Authorization: Bearer TOKEN` on the JSON API → the token's user (tokens are stored hashed). Without a
/// valid token the API answers 401.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = TraguardoRequestContext
    let store: Store

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
            if !token.isEmpty, let account = try await store.apiTokenUser(tokenHash: SecretToken.hash(token)) {
                context.user = SignedInUser(account: account, credential: .apiToken)
            }
        }
        guard context.user != nil else {
            throw APIFailure(status: .unauthorized, message: "autenticazione richiesta: intestazione «Authorization: Bearer <token>» assente o non valida")
        }
        return try await next(request, context)
    }
}
