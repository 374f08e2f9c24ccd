import Foundation
import TraguardoCore

/// Amministrazione › Promemoria of an Ente-year (amministratore, controllo di gestione): the schedule of the
/// reminders (days before the deadline, on the day, escalation to the dirigente and to the controller) and the
/// sent-mail log of the Ente-year: to whom, when, what, which period and rule, with what outcome.
public struct AdminRemindersPage: WebPage {
    public static let templateName = "amministrazione-promemoria"
    public var title: String
    public var adminNav: [NavLink]
    public var action: String
    public var enabledName: String
    public var enabled: Bool
    public var onDeadlineName: String
    public var onDeadline: Bool
    public var fields: [AdminField]
    public var hasErrors: Bool
    public var rows: [Row]
    public var hasRows: Bool
    public var summary: String

    public struct Row: Sendable {
        public var at: String
        public var recipient: String
        public var subject: String
        public var period: String
        public var rule: String
        public var status: String
        public var error: String?
        public var body: String
    }

    /// A row of the log as the server reads it.
    public struct Entry: Sendable {
        public var at: Date
        public var recipient: String
        public var subject: String
        public var body: String
        public var periodCode: String?
        public var ruleKey: String
        public var status: String
        public var error: String?

        public init(at: Date, recipient: String, subject: String, body: String, periodCode: String?, ruleKey: String, status: String, error: String?) {
            self.at = at
            self.recipient = recipient
            self.subject = subject
            self.body = body
            self.periodCode = periodCode
            self.ruleKey = ruleKey
            self.status = status
            self.error = error
        }
    }

    public static func make(
        entityName: String, entityCode: String, year: Int, values: [String: String], enabled: Bool, onDeadline: Bool,
        errors: [String: String], log: [Entry], limit: Int, role: UserRole, entityLimit: String? = nil, scope: WebScope?
    ) -> AdminRemindersPage {
        typealias F = FormFields.Promemoria
        func field(_ name: String, _ label: String, help: String) -> AdminField {
            AdminField.make(name, label, values[name] ?? "", errors: errors, help: help, prefix: "promemoria")
        }
        let rows = log.map { entry in
            Row(at: RegistroPage.timestamp(entry.at), recipient: entry.recipient, subject: entry.subject, period: entry.periodCode ?? "–",
                rule: ReminderRule(key: entry.ruleKey)?.label ?? entry.ruleKey, status: entry.status, error: entry.error.flatMap { $0.isEmpty ? nil : $0 }, body: entry.body)
        }
        return AdminRemindersPage(
            title: "Promemoria via e-mail \(entityName) \(year)",
            adminNav: AdminNavigation.links(role: role, entityLimit: entityLimit, current: .promemoria, scope: scope),
            action: WebRoutes.promemoria(ente: entityCode, anno: year),
            enabledName: F.enabled, enabled: enabled, onDeadlineName: F.onDeadline, onDeadline: onDeadline,
            fields: [
                field(F.daysBefore, "Giorni prima della scadenza", help: "Uno o più numeri separati da virgole, per esempio 7, 2: il responsabile dell'ufficio riceve un promemoria tanti giorni prima."),
                field(F.managerAfter, "Al dirigente, giorni dopo la scadenza", help: "Vuoto: mai. Ciò che manca ancora va al dirigente dell'ufficio."),
                field(F.controllerAfter, "Al controllo di gestione, giorni dopo la scadenza", help: "Vuoto: mai."),
                field(F.controllerAddresses, "Indirizzi del controllo di gestione", help: "Separati da virgole."),
            ],
            hasErrors: !errors.isEmpty, rows: rows, hasRows: !rows.isEmpty,
            summary: rows.isEmpty ? "Nessun messaggio inviato per questo Ente-anno."
                : rows.count >= limit ? "Gli ultimi \(rows.count) messaggi, dal più recente." : "\(rows.count) messaggi, dal più recente.")
    }
}
