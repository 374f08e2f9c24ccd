import Foundation
import TraguardoCore

/// Amministrazione › Utenti: the users with their role and office, their API tokens (to revoke), and the form
/// to add one (role chosen from `UserRole`, office from the units of each Ente). An amministratore limited to an
/// Ente is offered only that Ente and no amministratore role.
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
    public var roleSelect: AdminSelect
    /// The Ente the new account is limited to (none: every Ente).
    public var entitySelect: AdminSelect
    /// A responsabile d'ufficio needs an office, a dirigente an area.
    public var unitSelect: AdminSelect
    public var hasErrors: Bool

    /// A user as the server stores it.
    public struct User: Sendable {
        public var username: String
        public var displayName: String
        /// nil when the stored role is not one this build knows (`roleCode` is then shown as it is).
        public var role: UserRole?
        /// The role as stored.
        public var roleCode: String
        public var unitName: String?
        /// The unit code the account is attached to (what the change form preselects).
        public var unitCode: String?
        /// The Ente the account is limited to; nil: every Ente.
        public var entityCode: String?
        public var active: Bool
        public var tokens: [Token]

        public init(
            username: String, displayName: String, role: UserRole?, roleCode: String? = nil, unitName: String? = nil,
            unitCode: String? = nil, entityCode: String? = nil, active: Bool = true, tokens: [Token] = []
        ) {
            self.username = username
            self.displayName = displayName
            self.role = role
            self.roleCode = roleCode ?? role?.rawValue ?? ""
            self.unitName = unitName
            self.unitCode = unitCode
            self.entityCode = entityCode
            self.active = active
            self.tokens = tokens
        }
    }

    /// An API token of a user, as the store keeps it (never the secret).
    public struct Token: Sendable {
        public var code: String
        public var label: String
        /// `sola lettura`, `lettura e scrittura`.
        public var scope: String
        public var createdAt: Date
        public var expiresAt: Date
        public var expired: Bool
        public var lastUsedAt: Date?

        public init(code: String, label: String, scope: String, createdAt: Date, expiresAt: Date, expired: Bool, lastUsedAt: Date?) {
            self.code = code
            self.label = label
            self.scope = scope
            self.createdAt = createdAt
            self.expiresAt = expiresAt
            self.expired = expired
            self.lastUsedAt = lastUsedAt
        }
    }

    /// A token's line in its user's change form, with the button that revokes it.
    public struct TokenRow: Sendable {
        public var code: String
        public var label: String
        public var scope: String
        public var created: String
        /// `06/03/2027 10:15`, or `scaduto il 06/03/2027 10:15`.
        public var expires: String
        public var lastUsed: String
        public var revokeAction: String
    }

    /// A refused change of one user: what was typed in its form and the errors beside its fields.
    public struct Edit: Sendable {
        public enum Form: Sendable { case details, password }
        public var username: String
        public var form: Form
        public var typed: [String: String]
        public var errors: [String: String]

        public init(username: String, form: Form, typed: [String: String] = [:], errors: [String: String] = [:]) {
            self.username = username
            self.form = form
            self.typed = typed
            self.errors = errors
        }
    }

    public struct UserRow: Sendable {
        public var username: String
        public var displayName: String
        public var role: String
        public var unit: String
        public var entity: String
        /// An office or area without an Ente: it gives no write rights until an Ente is chosen.
        public var warning: String?
        public var status: String
        public var inactive: Bool
        /// The change forms of this user, open when one of them was refused.
        public var open: Bool
        public var editAction: String
        public var passwordAction: String
        public var name: AdminField
        public var roleSelect: AdminSelect
        public var entitySelect: AdminSelect
        public var unitSelect: AdminSelect
        public var activeID: String
        public var activeName: String
        public var active: Bool
        public var activeError: String?
        public var hasEditErrors: Bool
        public var password: AdminField
        public var hasPasswordErrors: Bool
        public var tokens: [TokenRow]
        public var hasTokens: Bool
    }

    /// - Parameters:
    ///   - units: the offices and areas a user may belong to, of each Ente.
    ///   - entities: the Enti an account may be limited to: code and name.
    ///   - limit: the Ente the amministratore is limited to: only it is offered (never «Tutti gli Enti»), and
    ///     no amministratore role (but on its own row).
    ///   - typed: what the add form held after a failed attempt (field name → text; never the password).
    ///   - errors: field name (`FormFields.Utente`) → Italian message.
    ///   - edit: a refused change of one user, shown open beside that user with its errors.
    public static func make(
        users: [User], units: [UnitChoice], entities: [(code: String, name: String)] = [], role: UserRole, entityLimit: String? = nil,
        scope: WebScope? = nil, typed: [String: String] = [:], errors: [String: String] = [:], edit: Edit? = nil, limit: String? = nil
    ) -> AdminUsersPage {
        typealias F = FormFields.Utente
        let entityNames = Dictionary(entities.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let unlimited = limit == nil ? [Option(value: "", label: "Tutti gli Enti")] : []
        /// The units, each labelled with its Ente; the one chosen selected (by `ENTE/CODICE`, or by code in the Ente chosen).
        func unitOptions(chosen: String, entity: String) -> [Option] {
            var options = [Option(value: "", label: "Nessuno", selected: chosen.isEmpty)]
                + units.map {
                    Option(
                        value: $0.value, label: "\($0.name) (\($0.code)) – \(entityNames[$0.entityCode] ?? $0.entityCode)",
                        selected: $0.value == chosen || ($0.code == chosen && $0.entityCode == entity))
                }
            if !chosen.isEmpty, !options.contains(where: \.selected) { options.append(Option(value: chosen, label: chosen, selected: true)) }
            return options
        }
        func roleOptions(chosen: String, own: UserRole?) -> [Option] {
            UserRole.allCases.filter { $0 != .administrator || limit == nil || own == .administrator }
                .map { Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == chosen) }
        }
        let rows = users.sorted { $0.username < $1.username }.map { user -> UserRow in
            let refused = edit?.username == user.username ? edit : nil
            let details = refused?.form == .details ? refused : nil
            let password = refused?.form == .password ? refused : nil
            let typed = details?.typed ?? [:]
            let fieldErrors = details?.errors ?? [:]
            let prefix = "utente-\(user.username)"
            let chosenRole = typed[F.role] ?? user.roleCode
            let chosenEntity = typed[F.entity] ?? user.entityCode ?? ""
            let chosenUnit = typed[F.unit] ?? user.unitCode ?? ""
            let active = details.map { $0.typed[F.active] == "1" } ?? user.active
            var entityOptions = unlimited.map { Option(value: $0.value, label: $0.label, selected: chosenEntity.isEmpty) }
                + entities.map { Option(value: $0.code, label: $0.name, selected: $0.code == chosenEntity) }
            if !chosenEntity.isEmpty, entityNames[chosenEntity] == nil {
                entityOptions.append(Option(value: chosenEntity, label: chosenEntity, selected: true))
            }
            let roleChoices = roleOptions(chosen: chosenRole, own: user.role)
            let warning = user.role?.hasOwnUnit == true && user.entityCode == nil
                ? "Senza Ente: \(user.role == .officeHead ? "l'ufficio" : "l'area") \(user.unitCode.map { "«\($0)» " } ?? "")non dà il diritto di inserire "
                    + "rilevazioni finché non si sceglie l'Ente."
                : nil
            return UserRow(
                username: user.username, displayName: user.displayName, role: user.role?.label ?? "Ruolo sconosciuto «\(user.roleCode)»", unit: user.unitName ?? "–",
                entity: user.entityCode.map { entityNames[$0] ?? $0 } ?? "Tutti", warning: warning,
                status: user.active ? "attivo" : "disattivato",
                inactive: !user.active, open: refused != nil,
                editAction: WebRoutes.utente(user.username), passwordAction: WebRoutes.utentePassword(user.username),
                name: AdminField.make(F.displayName, "Nome e cognome", typed[F.displayName] ?? user.displayName, errors: fieldErrors,
                                      autocomplete: "off", prefix: prefix),
                roleSelect: AdminSelect.make(
                    F.role, "Ruolo",
                    roleChoices + (roleChoices.contains(where: \.selected) ? [] : [Option(value: chosenRole, label: chosenRole, selected: true)]),
                    errors: fieldErrors, prefix: prefix),
                entitySelect: AdminSelect.make(F.entity, "Limitato all'Ente", entityOptions, errors: fieldErrors, prefix: prefix),
                unitSelect: AdminSelect.make(
                    F.unit, "Ufficio (per dirigenti e responsabili d'ufficio)", unitOptions(chosen: chosenUnit, entity: chosenEntity),
                    errors: fieldErrors, prefix: prefix),
                activeID: "\(prefix)-\(F.active)", activeName: F.active, active: active, activeError: fieldErrors[F.active],
                hasEditErrors: !fieldErrors.isEmpty,
                password: AdminField.make(F.password, "Nuova password", "", errors: password?.errors ?? [:], autocomplete: "new-password",
                                          help: UserRules.passwordHelp, prefix: prefix, secret: true),
                hasPasswordErrors: !(password?.errors.isEmpty ?? true),
                tokens: user.tokens.map { token in
                    TokenRow(
                        code: token.code, label: token.label, scope: token.scope, created: ItalianFormatting.dateTime(token.createdAt),
                        expires: (token.expired ? "scaduto il " : "") + ItalianFormatting.dateTime(token.expiresAt),
                        lastUsed: token.lastUsedAt.map(ItalianFormatting.dateTime) ?? "mai",
                        revokeAction: WebRoutes.utenteTokenRevoca(user.username, code: token.code))
                },
                hasTokens: !user.tokens.isEmpty)
        }
        let chosenRole = typed[F.role] ?? UserRole.reader.rawValue
        let chosenUnit = typed[F.unit] ?? ""
        let chosenEntity = typed[F.entity] ?? ""
        return AdminUsersPage(
            title: "Utenti", adminNav: AdminNavigation.links(role: role, entityLimit: entityLimit, current: .utenti, scope: scope), users: rows,
            hasUsers: !rows.isEmpty, action: WebRoutes.utentiNuovo,
            username: AdminField.make(F.username, "Nome utente", typed[F.username] ?? "", errors: errors, autocomplete: "off"),
            displayName: AdminField.make(F.displayName, "Nome e cognome", typed[F.displayName] ?? "", errors: errors, autocomplete: "name"),
            password: AdminField.make(F.password, "Password iniziale", "", errors: errors, autocomplete: "new-password",
                                      help: UserRules.passwordHelp, secret: true),
            roleSelect: AdminSelect.make(F.role, "Ruolo", roleOptions(chosen: chosenRole, own: nil), errors: errors),
            entitySelect: AdminSelect.make(
                F.entity, "Limitato all'Ente",
                unlimited.map { Option(value: $0.value, label: $0.label, selected: chosenEntity.isEmpty) }
                    + entities.map { Option(value: $0.code, label: $0.name, selected: $0.code == chosenEntity) }
                    + (chosenEntity.isEmpty || entityNames[chosenEntity] != nil ? [] : [Option(value: chosenEntity, label: chosenEntity, selected: true)]),
                errors: errors),
            unitSelect: AdminSelect.make(
                F.unit, "Ufficio (per dirigenti e responsabili d'ufficio)", unitOptions(chosen: chosenUnit, entity: chosenEntity), errors: errors),
            hasErrors: !errors.isEmpty)
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

/// A `<select>` of an administration form, with its error beside it (the partial `scelta-amministrazione`).
public struct AdminSelect: Sendable {
    public var id: String
    public var name: String
    public var label: String
    public var options: [Option]
    public var error: String?
    public var errorID: String

    static func make(_ name: String, _ label: String, _ options: [Option], errors: [String: String], prefix: String = "campo") -> AdminSelect {
        let id = "\(prefix)-\(name)"
        return AdminSelect(id: id, name: name, label: label, options: options, error: errors[name], errorID: "\(id)-errore")
    }
}

/// A text field of an administration form, with its error beside it.
public struct AdminField: Sendable {
    /// `text`, or `password` for a password (never filled in again, always required).
    public var type: String
    public var required: Bool
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
    /// A text of several lines (a list, one entry per line): a `<textarea>`.
    public var multiline = false

    static func make(
        _ name: String, _ label: String, _ value: String, errors: [String: String], autocomplete: String = "off",
        help: String? = nil, prefix: String = "campo", secret: Bool = false
    ) -> AdminField {
        let id = "\(prefix)-\(name)"
        let error = errors[name]
        let described = [help.map { _ in "\(id)-aiuto" }, error.map { _ in "\(id)-errore" }].compactMap { $0 }
        return AdminField(type: secret ? "password" : "text", required: secret, id: id, name: name, label: label, value: secret ? "" : value, autocomplete: autocomplete, help: help,
                          helpID: "\(id)-aiuto", error: error, errorID: "\(id)-errore",
                          describedBy: described.isEmpty ? nil : described.joined(separator: " "), invalid: error != nil)
    }
}
