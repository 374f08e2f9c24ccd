import Foundation
import Hummingbird
import NIOCore
import TraguardoCore

/// Every POST of the web pages must carry the CSRF token of its session in the field `csrf` (the login form,
/// before there is a session, the token of its own cookie). First the ``BodyBudget`` of the request is decided
/// from who sends it and to which route, before reading anything (an anonymous POST other than the login is
/// refused unread, a body declared larger than the budget too); then the form is read within the budget,
/// linearly, and refused as soon as it exceeds a limit; then the token is checked. A POST without it, or
/// with another one, is refused with 403 before any route sees it. The form is handed on in the context.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = TraguardoRequestContext
    static let fieldName = "csrf"
    /// The cookie that carries the login form's token (double submit): `CookieNames.loginCSRF`.
    let loginCookieName: String
    /// Seconds to send the whole body (`ServerConfiguration.bodyTimeout`).
    let bodyTimeout: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .delete || request.method == .patch else {
            return try await next(request, context)
        }
        var context = context
        let budget = try BodyBudget.decide(route: context.endpointPath, user: context.user).get()
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > budget.maxBytes {
            throw budget.tooLarge(user: context.user)
        }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let form: FormBody
        let body = BodyDeadline(request.body, seconds: bodyTimeout)
        do {
            if contentType.hasPrefix("application/x-www-form-urlencoded") {
                form = try await FormBody.read(body, budget: budget)
            } else if contentType.hasPrefix("multipart/form-data"), let boundary = MultipartBody.boundary(of: request.headers[.contentType] ?? "") {
                let multipart = try await MultipartBody.read(body, boundary: boundary, budget: budget)
                form = FormBody(fields: multipart.fields)
                context.uploads = multipart.files
            } else {
                throw WebFailure.forbidden("Richiesta rifiutata: è accettato solo l'invio dei moduli delle pagine.", user: context.user)
            }
        } catch is NIOTooManyBytesError {
            throw budget.tooLarge(user: context.user)
        } catch let refusal as BodyBudget.Refusal {
            switch refusal {
            case .tooLarge: throw budget.tooLarge(user: context.user)
            case .tooManyFields:
                throw WebFailure(
                    status: .contentTooLarge, title: "Invio troppo grande",
                    message: "Il modulo inviato ha più di \(BodyBudget.maxFields) campi: nulla è stato salvato.", user: context.user)
            case .malformed:
                throw WebFailure.badRequest(
                    "Il modulo inviato non è leggibile (multipart/form-data non valido): nulla è stato salvato.", user: context.user)
            case .tooSlow:
                throw WebFailure(
                    status: .requestTimeout, title: "Invio troppo lento",
                    message: "Il modulo non è arrivato per intero entro \(bodyTimeout) secondi: nulla è stato salvato. "
                        + "Controllare la connessione e ripetere l'invio.", user: context.user)
            }
        }
        context.form = form
        let expected = context.user?.csrfToken ?? request.cookies[loginCookieName]?.value
        guard let sent = form[Self.fieldName], let expected, !expected.isEmpty, SecretToken.equal(sent, expected) else {
            throw WebFailure.forbidden(
                "Richiesta rifiutata: il modulo non contiene il codice di sicurezza (CSRF) valido. Ricaricare la pagina e riprovare.",
                user: context.user)
        }
        return try await next(request, context)
    }
}
