import TraguardoCore

/// What the navigation shows a role: drawn from the same rule the server authorises with
/// (`UserRole.allows(_:limitedTo:)`), so the menu shows exactly the sections and admin pages whose action the
/// account may perform: its role, and the Ente it is limited to.
extension UserRole {
    /// The sections of the navigation this role sees, in menu order, for an account not limited to one Ente.
    public var sections: [WebSection] { sections(limitedTo: nil) }

    /// The sections of the navigation of an account with this role limited to `entityLimit` (nil: not limited), in
    /// menu order: those whose action it may perform; Amministrazione when it may use one of its pages.
    public func sections(limitedTo entityLimit: String?) -> [WebSection] {
        WebSection.allCases.filter { section in
            section.action.map { allows($0, limitedTo: entityLimit) } ?? !adminPages(limitedTo: entityLimit).isEmpty
        }
    }

    /// The pages under Amministrazione an account with this role limited to `entityLimit` may use, in menu order.
    public func adminPages(limitedTo entityLimit: String?) -> [AdminPage] {
        AdminPage.allCases.filter { allows($0.action, limitedTo: entityLimit) }
    }

    public func may(see section: WebSection) -> Bool { sections.contains(section) }
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

    /// The action the section's pages need (the server's route of the page the menu opens declares the same,
    /// `PageRouter`, checked by `DeclaredRoutesTests`); nil for Amministrazione,
    /// whose pages each need their own (`AdminPage.action`).
    public var action: Action? {
        switch self {
        case .cruscotto, .albero, .documenti, .verifiche: .viewPlan
        case .rilevazione: .enterMeasurement
        case .registro: .viewAudit
        case .amministrazione: nil
        }
    }
}

/// A page under Amministrazione.
public enum AdminPage: String, Sendable, Codable, CaseIterable {
    case utenti
    case unita
    case periodi
    case importazione
    case piano
    case enti
    case posta
    case promemoria

    public var label: String {
        switch self {
        case .utenti: "Utenti"
        case .unita: "Unità organizzative"
        case .periodi: "Periodi di monitoraggio"
        case .importazione: "Importazione"
        case .piano: "Editor del piano"
        case .enti: "Enti e anni"
        case .posta: "Posta"
        case .promemoria: "Promemoria"
        }
    }

    /// The action the page needs to be opened (the server's route for its GET declares it, `PageRouter`).
    public var action: Action {
        switch self {
        case .utenti: .manageUsers
        case .unita: .viewUnits
        case .periodi: .managePeriods
        case .importazione: .importData
        case .piano, .enti: .editPlan
        case .posta: .manageMail
        case .promemoria: .manageReminders
        }
    }
}
