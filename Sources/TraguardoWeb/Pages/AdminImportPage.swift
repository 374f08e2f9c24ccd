import TraguardoCore

/// Amministrazione › Importazione: two upload forms (`multipart/form-data`), one for plan files (YAML or
/// JSON, several at once), one for filled-in *schede di rilevazione* of an Ente-year; and the report of
/// the last import.
public struct AdminImportPage: WebPage {
    public static let templateName = "amministrazione-importazione"
    public var title: String
    public var adminNav: [NavLink]
    public var planAction: String
    public var sheetsAction: String
    public var filesName: String
    public var dryRunName: String
    public var scopeName: String
    public var scopes: [Option]
    public var report: [String]
    public var hasReport: Bool
    public var errors: [String]
    public var hasErrors: Bool

    /// - Parameters:
    ///   - scopes: the Ente-years the schede may belong to; the option value is `ente/anno`.
    ///   - report: what the last import did (`Importati 332 item, 1.208 rilevazioni.`).
    ///   - errors: what the last import refused, each with file, row and field.
    public static func make(
        role: UserRole, entityLimit: String? = nil, scopes: [WebScope], current: WebScope? = nil, report: [String] = [], errors: [String] = []
    ) -> AdminImportPage {
        AdminImportPage(
            title: "Importazione", adminNav: AdminNavigation.links(role: role, entityLimit: entityLimit, current: .importazione, scope: current),
            planAction: WebRoutes.importazionePiano, sheetsAction: WebRoutes.importazioneSchede,
            filesName: FormFields.Importazione.files, dryRunName: FormFields.Importazione.dryRun,
            scopeName: FormFields.Importazione.scope,
            scopes: scopes.map { Option(value: "\($0.entityCode)/\($0.year)", label: $0.label, selected: $0 == current) },
            report: report, hasReport: !report.isEmpty, errors: errors, hasErrors: !errors.isEmpty)
    }
}
