import TraguardoCore

/// Amministrazione › Enti e anni: the Ente-years in the database, each opening its plan editor, and the form that
/// makes a new one (a new Ente with its first year, or a new year of an Ente), from an empty database too.
public struct AdminEntiPage: WebPage {
    public static let templateName = "amministrazione-enti"
    public var title: String
    public var adminNav: [NavLink]
    public var cycles: [NavLink]
    public var hasCycles: Bool
    public var errorLinks: [PlanEditorPage.ErrorLink]
    public var hasErrors: Bool
    public var forms: [PlanEditorPage.EditorForm]

    /// The form's id, and so the prefix of its fields' ids.
    public static let formID = "nuovo-ciclo"

    public static func make(
        cycles: [(entityCode: String, name: String, year: Int)], role: UserRole, entityLimit: String? = nil, scope: WebScope?, typed: [String: String] = [:],
        errors: [String: String] = [:]
    ) -> AdminEntiPage {
        let values = typed.isEmpty ? ["periodi": PeriodScheme.yearEndOnly.rawValue] : typed
        let controls: [PlanEditorPage.Control] = [
            .init(field: AdminField.make("codice", "Codice dell'Ente", values["codice"] ?? "", errors: errors,
                                         help: "Lettere, cifre e trattini, per esempio lucca; di un Ente già presente per aggiungerne un anno.", prefix: formID)),
            .init(field: AdminField.make("nome", "Nome dell'Ente", values["nome"] ?? "", errors: errors,
                                         help: "Per esempio Camera di Commercio di Lucca (per un Ente già presente resta il suo).", prefix: formID)),
            .init(field: AdminField.make("anno", "Anno", values["anno"] ?? "", errors: errors, help: "Per esempio 2019.", prefix: formID)),
            .init(select: AdminSelect.make(
                "periodi", "Periodi di monitoraggio",
                PeriodScheme.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == values["periodi"]) },
                errors: errors, prefix: formID)),
        ]
        return AdminEntiPage(
            title: "Enti e anni", adminNav: AdminNavigation.links(role: role, entityLimit: entityLimit, current: .enti, scope: scope),
            cycles: cycles.sorted { ($0.entityCode, $0.year) < ($1.entityCode, $1.year) }.map {
                NavLink(label: "\($0.name) \($0.year)", href: WebRoutes.pianoEditor(ente: $0.entityCode, anno: $0.year))
            },
            hasCycles: !cycles.isEmpty,
            errorLinks: errors.sorted { $0.key < $1.key }.map { PlanEditorPage.ErrorLink(href: "#\(formID)-\($0.key)", text: $0.value) },
            hasErrors: !errors.isEmpty,
            forms: [PlanEditorPage.EditorForm(
                id: formID, heading: "Nuovo Ente o nuovo anno", action: WebRoutes.enti, hidden: [], notes: [], controls: controls,
                button: "Crea l'Ente-anno", danger: false, failed: !errors.isEmpty, open: true)])
    }
}
