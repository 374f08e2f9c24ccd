import TraguardoCore

/// Amministrazione › Posta (amministratore): the SMTP settings (server, port, security, user, where the password
/// is read from — an environment variable or a file of the server, never the database —, sender) and the test
/// message button; after a refused save, the errors beside the fields.
public struct AdminMailPage: WebPage {
    public static let templateName = "amministrazione-posta"
    public var title: String
    public var adminNav: [NavLink]
    public var action: String
    public var testAction: String
    public var fields: [AdminField]
    public var securitySelect: AdminSelect
    public var hasErrors: Bool
    public var configured: Bool
    public var testRecipient: AdminField

    public static func make(values: [String: String], errors: [String: String], configured: Bool, role: UserRole, entityLimit: String? = nil, scope: WebScope?) -> AdminMailPage {
        typealias F = FormFields.Posta
        func field(_ name: String, _ label: String, help: String? = nil) -> AdminField {
            AdminField.make(name, label, values[name] ?? "", errors: errors, help: help, prefix: "posta")
        }
        let security = values[F.security] ?? "starttls"
        return AdminMailPage(
            title: "Posta: impostazioni per i promemoria",
            adminNav: AdminNavigation.links(role: role, entityLimit: entityLimit, current: .posta, scope: scope),
            action: WebRoutes.posta, testAction: WebRoutes.postaProva,
            fields: [
                field(F.host, "Server SMTP", help: "Il nome del server di posta, per esempio smtp.ente.it."),
                field(F.port, "Porta", help: "587 con STARTTLS, 465 con TLS implicito."),
                field(F.username, "Nome utente", help: "Vuoto se il server non chiede l'accesso."),
                field(F.passwordVariable, "Variabile d'ambiente della password",
                      help: "Il nome di una variabile d'ambiente del server che contiene la password (per esempio TRAGUARDO_SMTP_PASSWORD). La password non è mai salvata nel database."),
                field(F.passwordFile, "Oppure: file della password",
                      help: "Il percorso di un file del server, leggibile solo da Traguardo, che contiene la password."),
                field(F.senderAddress, "Indirizzo del mittente"),
                field(F.senderName, "Nome del mittente", help: "Per esempio «Controllo di gestione»."),
                field(F.certificates, "Certificati aggiuntivi (file PEM)",
                      help: "Solo se il server usa un certificato di un'autorità interna dell'Ente."),
                field(F.siteAddress, "Indirizzo di Traguardo", help: "Il link nei promemoria, per esempio https://performance.ente.it."),
            ],
            securitySelect: AdminSelect.make(
                F.security, "Sicurezza della connessione",
                [("starttls", "STARTTLS (di solito porta 587)"), ("tls", "TLS implicito (di solito porta 465)"),
                 ("nessuna", "Nessuna (solo per un server di posta sulla stessa macchina o rete)")]
                    .map { Option(value: $0.0, label: $0.1, selected: $0.0 == security) },
                errors: errors, prefix: "posta"),
            hasErrors: !errors.isEmpty, configured: configured,
            testRecipient: AdminField.make(F.testRecipient, "Destinatario del messaggio di prova", values[F.testRecipient] ?? "", errors: errors, prefix: "prova"))
    }
}
