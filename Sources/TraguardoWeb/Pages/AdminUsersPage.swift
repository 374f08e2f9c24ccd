/// Amministrazione › Utenti: the users with their role and office, and the form to add one (role chosen
/// from `WebRole`, office from the Ente's units).
public struct AdminUsersPage: WebPage {
    public static let templateName = "amministrazione-utenti"
    public var title: String
    public var adminNav: [NavLink]
    public var users: [UserRow]
    public var hasUsers: Bool
    public var action: String
    public var username: AdminField
    public var displayName: AdminField
    public var password: AdminField
    public var roleName: String
    public var roles: [Option]
    public var unitName: String
    public var units: [Option]
    /// The error of the unit select (a responsabile d'ufficio needs an office, a dirigente an area).
    public var unitError: String?
    public var hasErrors: Bool

    /// A user as the server stores it.
    public struct User: Sendable {
        public var username: String
        public var displayName: String
        public var role: WebRole
        public var unitName: String?

        public init(username: String, displayName: String, role: WebRole, unitName: String? = nil) {
            self.username = username
            self.displayName = displayName
            self.role = role
            self.unitName = unitName
        }
    }

    public struct UserRow: Sendable {
        public var username: String
        public var displayName: String
        public var role: String
        public var unit: String
    }

    /// - Parameters:
    ///   - units: the offices a user may be attached to: id and name (`Ufficio Programmazione e controllo`).
    ///   - typed: what the add form held after a failed attempt (field name → text; never the password).
    ///   - errors: field name (`FormFields.Utente`) → Italian message.
    public static func make(
        users: [User], units: [(id: String, name: String)], role: WebRole, scope: WebScope? = nil,
        typed: [String: String] = [:], errors: [String: String] = [:]
    ) -> AdminUsersPage {
        typealias F = FormFields.Utente
        let rows = users.sorted { $0.username < $1.username }.map {
            UserRow(username: $0.username, displayName: $0.displayName, role: $0.role.label, unit: $0.unitName ?? "–")
        }
        let chosenRole = typed[F.role] ?? WebRole.reader.rawValue
        let chosenUnit = typed[F.unit] ?? ""
        return AdminUsersPage(
            title: "Utenti", adminNav: AdminNavigation.links(role: role, current: .utenti, scope: scope), users: rows,
            hasUsers: !rows.isEmpty, action: WebRoutes.utentiNuovo,
            username: AdminField.make(F.username, "Nome utente", typed[F.username] ?? "", errors: errors, autocomplete: "off"),
            displayName: AdminField.make(F.displayName, "Nome e cognome", typed[F.displayName] ?? "", errors: errors, autocomplete: "name"),
            password: AdminField.make(F.password, "Password iniziale", "", errors: errors, autocomplete: "new-password",
                                      help: "Almeno 10 caratteri."),
            roleName: F.role,
            roles: WebRole.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == chosenRole) },
            unitName: F.unit,
            units: [Option(value: "", label: "Nessuno", selected: chosenUnit.isEmpty)]
                + units.map { Option(value: $0.id, label: $0.name, selected: $0.id == chosenUnit) },
            unitError: errors[F.unit], hasErrors: !errors.isEmpty)
    }
}

/// An option of a `<select>`.
public struct Option: Sendable, Hashable {
    public var value: String
    public var label: String
    public var selected: Bool

    public init(value: String, label: String, selected: Bool = false) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}

/// A text field of an administration form, with its error beside it.
public struct AdminField: Sendable {
    public var id: String
    public var name: String
    public var label: String
    public var value: String
    public var autocomplete: String
    public var help: String?
    public var helpID: String
    public var error: String?
    public var errorID: String
    public var describedBy: String?
    public var invalid: Bool

    static func make(
        _ name: String, _ label: String, _ value: String, errors: [String: String], autocomplete: String = "off",
        help: String? = nil, prefix: String = "campo"
    ) -> AdminField {
        let id = "\(prefix)-\(name)"
        let error = errors[name]
        let described = [help.map { _ in "\(id)-aiuto" }, error.map { _ in "\(id)-errore" }].compactMap { $0 }
        return AdminField(id: id, name: name, label: label, value: value, autocomplete: autocomplete, help: help,
                          helpID: "\(id)-aiuto", error: error, errorID: "\(id)-errore",
                          describedBy: described.isEmpty ? nil : described.joined(separator: " "), invalid: error != nil)
    }
}
