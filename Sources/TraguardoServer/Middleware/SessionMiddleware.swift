import Foundation
import Hummingbird
import TraguardoStore

/// The session cookie → the signed-in user, looked up in the database (so any instance on it knows the
/// session), on every request. An unknown, expired or ended session, or one of a deactivated user, leaves the
/// request anonymous. The same query brings the markers of the page's Ente (`Store.session(tokenHash:now:placeOf:)`),
/// which `PlaceMiddleware` then does not ask again: one round trip to the database before the page.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = TraguardoRequestContext
    let store: Store
    /// `CookieNames.session`.
    let cookieName: String
    /// `CookieNames.place`: the Ente-year last opened, when the path names none.
    let placeCookieName: String
    let clock: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[cookieName]?.value, !token.isEmpty {
            let hash = SecretToken.hash(token)
            let marked = PlaceMiddleware.markedEntity(of: request, placeCookieName: placeCookieName)
            let answer = try await store.session(tokenHash: hash, now: clock(), placeOf: marked)
            if let found = answer.found {
                context.user = SignedInUser(account: found.user, credential: .session(tokenHash: hash, csrfToken: found.session.csrfToken))
                context.placeMarkers = (entityCode: marked, markers: answer.place)
            }
        }
        return try await next(request, context)
    }
}
