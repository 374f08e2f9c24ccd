import TraguardoCore

/// Amministrazione › Importazione: three upload forms (`multipart/form-data`): plan files (YAML or JSON,
/// several at once), filled-in *schede di rilevazione* of an Ente-year, the cases of the Carta dei servizi of
/// an Ente-year (register exports); and the report of the last import.
public struct AdminImportPage: WebPage {
    public static let templateName = "amministrazione-importazione"
    public var title: String
    public var adminNav: [NavLink]
    public var planAction: String
    public var sheetsAction: String
    public var casesAction: String
    public var serviceName: String
    public var filesName: String
    public var dryRunName: String
    public var scopeName: String
    public var scopes: [Option]
    public var report: [String]
    public var hasReport: Bool
    /// Where to see what the last import changed (the Carta computed from the cases just imported).
    public var link: NavLink?
    public var errors: [String]
    public var hasErrors: Bool

    /// - Parameters:
    ///   - scopes: the Ente-years the schede may belong to; the option value is `ente/anno`.
    ///   - report: what the last import did (`Importati 332 item, 1.208 rilevazioni.`).
    ///   - errors: what the last import refused, each with file, row and field.
    public static func make(
        role: UserRole, entityLimit: String? = nil, scopes: [WebScope], current: WebScope? = nil, report: [String] = [], errors: [String] = [],
        link: NavLink? = nil
    ) -> AdminImportPage {
        AdminImportPage(
            title: "Importazione", adminNav: AdminNavigation.links(role: role, entityLimit: entityLimit, current: .importazione, scope: current),
            planAction: WebRoutes.importazionePiano, sheetsAction: WebRoutes.importazioneSchede,
            casesAction: WebRoutes.importazioneCasi, serviceName: FormFields.Importazione.service,
            filesName: FormFields.Importazione.files, dryRunName: FormFields.Importazione.dryRun,
            scopeName: FormFields.Importazione.scope,
            scopes: scopes.map { Option(value: "\($0.entityCode)/\($0.year)", label: $0.label, selected: $0 == current) },
            report: report, hasReport: !report.isEmpty, link: link, errors: errors, hasErrors: !errors.isEmpty)
    }
}
