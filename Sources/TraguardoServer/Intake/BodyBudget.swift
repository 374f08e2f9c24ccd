import TraguardoCore
import TraguardoWeb

/// How much of a POST the server will read, decided from who sends it and to which route before a single
/// byte of the body is read: an anonymous visitor may send only the login form (a few kB); a signed-in user
/// a form; files only to the routes that take them (measurements with evidence, imports), which the route's
/// declared access (`AccessMiddleware`, run before) lets only the roles that may use them reach. Whatever the
/// budget, a form has at most ``maxFields`` fields and each part's headers at most ``maxPartHeaderBytes``: beyond a limit the request is refused as soon as the excess is seen.
struct BodyBudget: Sendable, Hashable {
    /// The largest body read, in bytes.
    var maxBytes: Int
    /// Whether the route takes files (then the too-large answer speaks of files).
    var takesFiles: Bool

    /// The login form: username, password, CSRF token, the page to go back to.
    static let loginBytes = 8 * 1024
    /// Any other form of a signed-in user (comments, users, periods, scores, registro filters).
    static let formBytes = 256 * 1024
    /// A form with files: evidence of a rilevazione, plan files, schede and Carta cases to import.
    static let uploadBytes = 4 * 1024 * 1024
    /// Fields and files of one form, together (the rilevazione form of the largest office has a few hundred).
    static let maxFields = 2_000
    /// The headers of one multipart part (`Content-Disposition`, `Content-Type`).
    static let maxPartHeaderBytes = 4 * 1024
    /// Header lines of one multipart part.
    static let maxPartHeaders = 8

    /// The routes (as the router names them) whose forms carry files. Who may send to them is what the route
    /// declares it needs (`PageRouter`), checked by `AccessMiddleware` before this budget is decided.
    static let uploadRoutes: Set<String> = [
        "/enti/{ente}/{anno}/rilevazione/{periodo}/{ufficio}",
        "/amministrazione/importazione/piano",
        "/amministrazione/importazione/schede",
        "/amministrazione/importazione/casi",
    ]
    static let loginRoute = "/login"

    /// The budget of a POST to `route` (the router's path, `context.endpointPath`) by `user`, or the refusal
    /// to send before reading anything.
    static func decide(route: String?, user: SignedInUser?) -> Result<BodyBudget, WebFailure> {
        guard user != nil else {
            guard route == loginRoute else {
                return .failure(.forbidden(
                    "Richiesta rifiutata: occorre accedere prima di inviare un modulo (la sessione può essere scaduta). "
                        + "Accedere di nuovo e ripetere l'invio.", user: nil))
            }
            return .success(BodyBudget(maxBytes: loginBytes, takesFiles: false))
        }
        guard let route, uploadRoutes.contains(route) else { return .success(BodyBudget(maxBytes: formBytes, takesFiles: false)) }
        return .success(BodyBudget(maxBytes: uploadBytes, takesFiles: true))
    }

    /// Why a body was not read to the end.
    enum Refusal: Error, Equatable {
        case tooLarge
        case tooManyFields
        case malformed
        /// Not sent in full within the body deadline (``BodyDeadline``).
        case tooSlow
    }

    /// The answer to a body over ``maxBytes``.
    func tooLarge(user: SignedInUser?) -> WebFailure {
        WebFailure(
            status: .contentTooLarge, title: "Invio troppo grande",
            message: "Il modulo inviato supera \(ItalianFormatting.fileSize(maxBytes)) in tutto: nulla è stato salvato."
                + (takesFiles ? " Allegare file più piccoli, o meno file per volta." : ""),
            user: user)
    }
}
