import Foundation
import Hummingbird
import NIOCore
import TraguardoCore

/// Every POST of the web pages must carry the CSRF token of its session in the field `csrf` (the login form,
/// before there is a session, the token of its own cookie). A POST without it, or with another one, is
/// refused with 403 before any route sees it. The form is parsed here once and handed on in the context.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = TraguardoRequestContext
    static let fieldName = "csrf"
    /// The cookie that carries the login form's token (double submit): `CookieNames.loginCSRF`.
    let loginCookieName: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .delete || request.method == .patch else {
            return try await next(request, context)
        }
        var request = request
        var context = context
        let contentType = request.headers[.contentType] ?? ""
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw WebFailure(
                status: .contentTooLarge, title: "Invio troppo grande",
                message: "Il modulo inviato supera \(ItalianFormatting.fileSize(context.maxUploadSize)) in tutto: nulla è stato salvato. "
                    + "Allegare file più piccoli, o meno file per volta.",
                user: context.user)
        }
        let form: FormBody
        if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            form = FormBody(encoded: String(buffer: buffer))
        } else if contentType.lowercased().hasPrefix("multipart/form-data"), let boundary = MultipartBody.boundary(of: contentType),
                  let multipart = MultipartBody(Data(buffer.readableBytesView), boundary: boundary) {
            form = FormBody(fields: multipart.fields)
            context.uploads = multipart.files
        } else {
            throw WebFailure.forbidden("Richiesta rifiutata: è accettato solo l'invio dei moduli delle pagine.", user: context.user)
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
