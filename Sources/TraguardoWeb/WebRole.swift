/// Who a user of the web is, and so what they may see. The server authorises with the same enum:
/// a page is allowed when its section is in `sections` (and, under Amministrazione, its page in `adminPages`).
public enum WebRole: String, Sendable, Codable, CaseIterable {
    case administrator = "amministratore"
    case controller = "controllo-di-gestione"
    case manager = "dirigente"
    case officeHead = "responsabile-ufficio"
    case evaluator = "oiv"
    case reader = "lettore"

    /// The Italian label a person reads.
    public var label: String {
        switch self {
        case .administrator: "Amministratore"
        case .controller: "Controllo di gestione"
        case .manager: "Dirigente"
        case .officeHead: "Responsabile d'ufficio"
        case .evaluator: "OIV"
        case .reader: "Lettore"
        }
    }

    /// The sections of the navigation this role sees, in menu order.
    public var sections: [WebSection] {
        switch self {
        case .administrator, .controller: WebSection.allCases
        case .manager: [.cruscotto, .albero, .rilevazione, .documenti, .verifiche]
        case .officeHead: [.cruscotto, .albero, .rilevazione]
        case .evaluator: [.cruscotto, .albero, .documenti, .verifiche, .registro]
        case .reader: [.cruscotto, .albero, .documenti]
        }
    }

    /// The pages under Amministrazione this role may use: users only for the administrator; the controller
    /// manages units and periods and imports plans and schede.
    public var adminPages: [AdminPage] {
        switch self {
        case .administrator: AdminPage.allCases
        case .controller: [.unita, .periodi, .importazione]
        case .manager, .officeHead, .evaluator, .reader: []
        }
    }

    public func may(see section: WebSection) -> Bool { sections.contains(section) }

    /// Whether an account of this role belongs to a unit of an Ente: the office of a responsabile d'ufficio,
    /// the area of a dirigente. Such an account needs both the Ente and the unit.
    public var hasOwnUnit: Bool { self == .officeHead || self == .manager }

    /// Whether the role enters measurements for any office (else only for its own unit).
    public var entersForAnyOffice: Bool { self == .administrator || self == .controller }
}

/// A section of the site: one item of the navigation.
public enum WebSection: String, Sendable, Codable, CaseIterable {
    case cruscotto
    case albero
    case rilevazione
    case documenti
    case verifiche
    case registro
    case amministrazione

    public var label: String {
        switch self {
        case .cruscotto: "Cruscotto"
        case .albero: "Albero della performance"
        case .rilevazione: "Rilevazione"
        case .documenti: "Documenti"
        case .verifiche: "Verifiche"
        case .registro: "Registro modifiche"
        case .amministrazione: "Amministrazione"
        }
    }
}

/// A page under Amministrazione.
public enum AdminPage: String, Sendable, Codable, CaseIterable {
    case utenti
    case unita
    case periodi
    case importazione

    public var label: String {
        switch self {
        case .utenti: "Utenti"
        case .unita: "Unità organizzative"
        case .periodi: "Periodi di monitoraggio"
        case .importazione: "Importazione"
        }
    }
}
