import TraguardoCore

/// A page that only says something: not found, not allowed, an error of the server; with a way back.
public struct MessagePage: WebPage {
    public static let templateName = "messaggio"
    public var title: String
    public var message: String
    public var link: NavLink?

    public init(title: String, message: String, link: NavLink? = NavLink(label: "Torna alla pagina iniziale", href: WebRoutes.home)) {
        self.title = title
        self.message = message
        self.link = link
    }

    /// 404.
    public static func notFound(_ what: String) -> MessagePage {
        MessagePage(title: "Pagina non trovata", message: "Non trovo \(what). Controlla l'indirizzo o torna alla pagina iniziale.")
    }

    /// 403.
    public static func forbidden(role: UserRole) -> MessagePage {
        MessagePage(title: "Accesso non consentito",
                    message: "Con il ruolo «\(role.label)» questa pagina non è disponibile. Se ti serve, chiedi all'amministratore.")
    }
}
