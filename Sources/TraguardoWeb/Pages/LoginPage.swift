import Foundation

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

    /// `next` when it is a path of this site (`/enti/lucca/2018/cruscotto?periodo=T2`), never another site nor
    /// the login page itself; nil otherwise (the caller goes to the home page).
    ///
    /// A browser drops TAB, CR and LF from a URL and reads `\` as `/`, so `/<TAB>/altro.it` and `/\altro.it` mean
    /// `//altro.it`, another site. Hence: no control or invisible formatting character, no whitespace and no backslash anywhere; exactly
    /// one leading `/`; and what remains must parse as a URL with no scheme and no host.
    public static func localPath(_ next: String?) -> String? {
        guard let next, next.utf8.count <= maximumNextLength, next.hasPrefix("/"), !next.hasPrefix("//"),
              !next.unicodeScalars.contains(where: { [.control, .format].contains($0.properties.generalCategory) || $0.properties.isWhitespace || $0 == "\\" }),
              let parsed = URLComponents(string: next), parsed.scheme == nil, parsed.host == nil,
              parsed.percentEncodedPath.hasPrefix("/"), !parsed.percentEncodedPath.hasPrefix("//"),
              !next.hasPrefix(WebRoutes.login) else { return nil }
        return next
    }

    /// A longer `next` is not a page of this site.
    static let maximumNextLength = 2048
}
