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
                  next: next.flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil }, fields: Fields())
    }
}
