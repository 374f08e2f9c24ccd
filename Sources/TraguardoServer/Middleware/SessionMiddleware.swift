import Foundation
import Hummingbird
import TraguardoStore

/// The session cookie → the signed-in user, looked up in the database (so any instance on it knows the
/// session). An unknown, expired or inactive session leaves the request anonymous.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = TraguardoRequestContext
    let store: Store
    /// `CookieNames.session`.
    let cookieName: String
    let clock: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[cookieName]?.value, !token.isEmpty {
            let hash = SecretToken.hash(token)
            if let found = try await store.session(tokenHash: hash, now: clock()) {
                context.user = SignedInUser(account: found.user, credential: .session(tokenHash: hash, csrfToken: found.session.csrfToken))
            }
        }
        return try await next(request, context)
    }
}
