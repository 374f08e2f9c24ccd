import TraguardoCore

/// What the navigation shows a role: drawn from the same table the server authorises with (`UserRole.allows`),
/// so the menu shows exactly the sections and admin pages whose action the role may perform.
extension UserRole {
    /// The sections of the navigation this role sees, in menu order: those whose action it may perform;
    /// Amministrazione when it may use one of its pages.
    public var sections: [WebSection] {
        WebSection.allCases.filter { section in
            section.action.map { allows($0) } ?? !adminPages.isEmpty
        }
    }

    /// The pages under Amministrazione this role may use, in menu order.
    public var adminPages: [AdminPage] { AdminPage.allCases.filter { allows($0.action) } }

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

    /// The action the section's pages need (the server's routes name the same); nil for Amministrazione,
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

    /// The action the page needs to be opened (the server's route for its GET names the same).
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
