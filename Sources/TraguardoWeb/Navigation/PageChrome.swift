import TraguardoCore

/// What every page shows around its content: the title, who is logged in, the Ente-year being looked at
/// (with the others to choose from), the navigation limited to what the user's role may see, the flash
/// messages of the last action, and the CSRF token the forms carry.
public struct PageChrome: Sendable, Hashable {
    /// The `<title>` and nothing else: each page has its own `<h1>`.
    public var pageTitle: String
    public var user: ChromeUser?
    public var csrf: String
    public var nav: [NavLink]
    public var hasNav: Bool
    public var scope: ScopeChooser?
    public var flash: [FlashMessage]
    public var logoutHref: String
    public var homeHref: String

    public init(
        pageTitle: String = "", user: ChromeUser? = nil, csrf: String, nav: [NavLink] = [], scope: ScopeChooser? = nil,
        flash: [FlashMessage] = []
    ) {
        self.pageTitle = pageTitle
        self.user = user
        self.csrf = csrf
        self.nav = nav
        self.hasNav = !nav.isEmpty
        self.scope = scope
        self.flash = flash
        logoutHref = WebRoutes.logout
        homeHref = WebRoutes.home
    }

    /// The chrome of a logged-in user's page: the navigation is the role's sections, the Ente-year ones
    /// pointing into `scope` (left out when there is none), `current` marked with `aria-current="page"`.
    ///
    /// - Parameters:
    ///   - scope: the Ente and year shown, and the period whose rilevazione the menu opens.
    ///   - choices: every Ente-year the user may choose (the header's selector).
    ///   - entityLimit: the Ente the account is limited to (nil: not limited).
    public static func make(
        userName: String, role: UserRole, entityLimit: String? = nil, csrf: String, current: WebSection?, scope: WebScope?,
        choices: [WebScope] = [], flash: [FlashMessage] = []
    ) -> PageChrome {
        var links: [NavLink] = []
        for section in role.sections(limitedTo: entityLimit) {
            let href: String?
            switch section {
            case .cruscotto: href = scope.map { WebRoutes.cruscotto(ente: $0.entityCode, anno: $0.year) }
            case .albero: href = scope.map { WebRoutes.albero(ente: $0.entityCode, anno: $0.year) }
            case .rilevazione:
                href = scope.flatMap { s in s.openPeriodCode.map { WebRoutes.rilevazioneElenco(ente: s.entityCode, anno: s.year, periodo: $0) } }
            case .documenti: href = scope.map { WebRoutes.documenti(ente: $0.entityCode, anno: $0.year) }
            case .verifiche: href = scope.map { WebRoutes.verifiche(ente: $0.entityCode, anno: $0.year) }
            case .registro: href = WebRoutes.registro
            case .amministrazione: href = role.adminPages(limitedTo: entityLimit).lazy.compactMap { AdminNavigation.href($0, scope: scope) }.first
            }
            if let href { links.append(NavLink(label: section.label, href: href, current: section == current)) }
        }
        var chooser: ScopeChooser?
        if let scope {
            let same = { (a: WebScope, b: WebScope) in a.entityCode == b.entityCode && a.year == b.year }
            let options = (choices.contains { same($0, scope) } ? choices : [scope] + choices).map { choice in
                NavLink(label: choice.label, href: chooserHref(choice, section: current), current: same(choice, scope))
            }
            chooser = ScopeChooser(label: scope.label, choices: options, hasChoices: options.count > 1)
        }
        return PageChrome(user: ChromeUser(name: userName, roleLabel: role.label), csrf: csrf, nav: links,
                          scope: chooser, flash: flash)
    }
}

extension PageChrome {
    /// Where the header's chooser takes the user: the same section in the other Ente-year when it has one,
    /// else its cruscotto.
    static func chooserHref(_ s: WebScope, section: WebSection?) -> String {
        switch section {
        case .albero: WebRoutes.albero(ente: s.entityCode, anno: s.year)
        case .documenti: WebRoutes.documenti(ente: s.entityCode, anno: s.year)
        case .verifiche: WebRoutes.verifiche(ente: s.entityCode, anno: s.year)
        case .amministrazione: WebRoutes.unitaEnte(ente: s.entityCode, anno: s.year)
        default: WebRoutes.cruscotto(ente: s.entityCode, anno: s.year)
        }
    }
}

/// The logged-in user as the header shows them.
public struct ChromeUser: Sendable, Hashable {
    public var name: String
    public var roleLabel: String

    public init(name: String, roleLabel: String) {
        self.name = name
        self.roleLabel = roleLabel
    }
}

/// A link of a menu; `current` marks the page being shown.
public struct NavLink: Sendable, Hashable {
    public var label: String
    public var href: String
    public var current: Bool

    public init(label: String, href: String, current: Bool = false) {
        self.label = label
        self.href = href
        self.current = current
    }
}

/// The Ente and year a page is about, and the period open for data entry.
public struct WebScope: Sendable, Hashable {
    public var entityCode: String
    /// The short name (`CCIAA Lucca`), or the code.
    public var entityName: String
    public var year: Int
    public var openPeriodCode: String?

    public init(entityCode: String, entityName: String, year: Int, openPeriodCode: String? = nil) {
        self.entityCode = entityCode
        self.entityName = entityName
        self.year = year
        self.openPeriodCode = openPeriodCode
    }

    /// `CCIAA Lucca – 2013`.
    public var label: String { "\(entityName) – \(year)" }
}

/// The header's Ente-year selector: links, so that it works without JavaScript.
public struct ScopeChooser: Sendable, Hashable {
    public var label: String
    public var choices: [NavLink]
    public var hasChoices: Bool
}

/// A message about the last action (`Rilevazioni salvate.`), shown at the top of the content.
public struct FlashMessage: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case success = "successo"
        case error = "errore"
        case info = "informazione"
    }

    public var kind: String
    public var text: String
    /// `alert` for errors (read at once by screen readers), `status` otherwise.
    public var role: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind.rawValue
        self.text = text
        role = kind == .error ? "alert" : "status"
    }
}
