import Hummingbird

/// A refusal with an Italian page: thrown by a route or a middleware, rendered as HTML with its status.
public struct WebFailure: HTTPResponseError {
    public var status: HTTPResponse.Status
    public var title: String
    public var message: String
    var user: SignedInUser?

    public static func forbidden(_ message: String, user: SignedInUser?) -> WebFailure {
        WebFailure(status: .forbidden, title: "Accesso negato", message: message, user: user)
    }

    public static func notFound(_ message: String, user: SignedInUser?) -> WebFailure {
        WebFailure(status: .notFound, title: "Pagina non trovata", message: message, user: user)
    }

    /// The site's 404 for an address no route knows; with the user's menu when signed in.
    public static func unknownPage(user: SignedInUser?) -> WebFailure {
        notFound("L'indirizzo richiesto non corrisponde a nessuna pagina di Traguardo. Usare il menu o tornare alla pagina iniziale.", user: user)
    }

    public static func badRequest(_ message: String, user: SignedInUser?) -> WebFailure {
        WebFailure(status: .badRequest, title: "Richiesta non valida", message: message, user: user)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        HTMLResponse.page(PageRendering.message(title, message, user: user), status: status)
    }
}

/// HTML responses: UTF-8, never cached (pages carry the CSRF token and personal data).
enum HTMLResponse {
    /// A page with an `ETag` (`PageTag`): kept by the browser only for this user, and asked again each time.
    static let revalidate = "private, no-cache"

    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        page(body: .init(byteBuffer: ByteBuffer(string: html)), status: status)
    }

    static func page(body: ResponseBody, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: body)
    }
}
