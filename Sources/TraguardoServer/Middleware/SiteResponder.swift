import Hummingbird
import NIOCore

/// The router with what every answer gets around it, whatever produced it (a page, a redirect, a refusal
/// thrown by a middleware or a route, a route that does not exist, an unexpected error, answered 500 in
/// Italian and logged): the security headers (no framing, no
/// MIME sniffing, no script or style from elsewhere, no referrer to other sites; HSTS when the server is
/// reached through https), gzip when the browser accepts it (`ResponseCompression`), and the site's own Italian 404 for a path no route knows (a page, or JSON
/// `{"errore": …}` under `/api/v1`).
struct SiteResponderBuilder: HTTPResponderBuilder {
    let router: Router<TraguardoRequestContext>
    /// `--secure-cookies`: the server is reached through https, so browsers are told to stay on it.
    let https: Bool

    func buildResponder() -> SiteResponder<Router<TraguardoRequestContext>.Responder> {
        SiteResponder(inner: router.buildResponder(), https: https, compression: ResponseCompression())
    }
}

struct SiteResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == TraguardoRequestContext {
    typealias Context = TraguardoRequestContext
    let inner: Inner
    let https: Bool
    let compression: ResponseCompression

    static var contentSecurityPolicy: String {
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        var response: Response
        do {
            response = try await inner.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            // Anything else is a fault of the server: logged, and an Italian page that says nothing of its cause.
            context.logger.error("Errore interno su \(request.method) \(request.uri.path): \(String(reflecting: error))")
            response = HTMLResponse.page(
                PageRendering.message("Errore interno", "Il server non è riuscito a completare la richiesta. Riprovare più tardi.", user: nil),
                status: .internalServerError)
        }
        // The router names an unmatched request «NotFound» (the same object is shared with its copy of the context).
        if context.endpointPath == "NotFound" { response = Self.notFound(request) }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPFields.Element.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPFields.Element.Name("Referrer-Policy")!] = "same-origin"
        if https { response.headers[HTTPFields.Element.Name("Strict-Transport-Security")!] = "max-age=31536000" }
        if request.method != .head { response = try await compression.apply(to: response, for: request) }
        return response
    }

    /// The site's own 404 page. (Under `/api/v1` the API's catch-all routes answer in JSON: `APIRoutes`.)
    /// (A GET a signed-in browser makes reaches `PlanPageRoutes`'s catch-all instead, which keeps the menu.)
    static func notFound(_ request: Request) -> Response {
        if request.uri.path.hasPrefix("/api/v1/") { return APIRoutes.unmatched(request) }
        let page = WebFailure.unknownPage(user: nil)
        return HTMLResponse.page(PageRendering.message(page.title, page.message, user: nil), status: .notFound)
    }
}
