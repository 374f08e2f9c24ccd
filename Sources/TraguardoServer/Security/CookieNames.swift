/// The names of Traguardo's cookies, in one place. Behind https (`--secure-cookies`) they carry the `__Host-`
/// prefix: the browser then takes them only with `Secure`, `Path=/` and no `Domain` (as `ServerState.cookie`
/// sets them), so a sibling subdomain cannot plant one (cookie tossing) to defeat the login form's double submit.
struct CookieNames: Sendable {
    /// The session (`traguardo_sessione`).
    let session: String
    /// The login form's CSRF token (`traguardo_csrf_accesso`), read by `CSRFMiddleware`.
    let loginCSRF: String
    /// The last Ente-year opened (`traguardo_ambito`, `ente/anno`), kept by the pages that have none in their path.
    let place: String

    init(secure: Bool) {
        let prefix = secure ? "__Host-" : ""
        session = prefix + "traguardo_sessione"
        loginCSRF = prefix + "traguardo_csrf_accesso"
        place = prefix + "traguardo_ambito"
    }
}
