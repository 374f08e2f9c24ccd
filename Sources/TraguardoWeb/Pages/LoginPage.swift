/// The login form: username, password, the error of a failed attempt, where to go next.
public struct LoginPage: WebPage {
    public static let templateName = "login"
    public var title: String
    public var action: String
    public var username: String
    public var error: String?
    /// A path of this site to go back to after logging in; nil for the home page.
    public var next: String?
    public var fields: Fields

    public struct Fields: Sendable {
        public var username = FormFields.Login.username
        public var password = FormFields.Login.password
        public var next = FormFields.Login.next
    }

    /// - Parameters:
    ///   - username: what was typed before, to fill the field again (never the password).
    ///   - error: `Nome utente o password non corretti.`
    public static func make(username: String = "", error: String? = nil, next: String? = nil) -> LoginPage {
        LoginPage(title: "Accesso", action: WebRoutes.login, username: username, error: error,
                  next: localPath(next), fields: Fields())
    }

    /// `next` when it is a path of this site (`/enti/lucca/2018/cruscotto?periodo=T2`), never another site
    /// (`//altro.it`, `/\altro.it`, `https://…`) nor the login page itself; nil otherwise.
    public static func localPath(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
              !next.contains(where: { $0.isNewline || $0 == "\\" }), !next.hasPrefix(WebRoutes.login) else { return nil }
        return next
    }
}
