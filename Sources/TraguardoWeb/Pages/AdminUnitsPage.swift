import TraguardoCore

/// Amministrazione › Unità organizzative: the units of an Ente as a tree, and the form to add one.
public struct AdminUnitsPage: WebPage {
    public static let templateName = "amministrazione-unita"
    public var title: String
    public var adminNav: [NavLink]
    public var entityCode: String
    public var entityField: String
    public var units: [UnitRow]
    public var hasUnits: Bool
    /// The add form is shown only where the server takes its POST.
    public var hasAddForm: Bool
    public var action: String
    public var code: AdminField
    public var name: AdminField
    public var kindSelect: AdminSelect
    public var parentSelect: AdminSelect
    public var hasErrors: Bool

    public struct UnitRow: Sendable {
        public var code: String
        public var name: String
        public var kind: String
        /// `Segreteria Generale › Ufficio Programmazione e controllo`.
        public var path: String
        /// How many items of the plan the unit enters (owns).
        public var items: Int
    }

    public static func make(
        plan: CyclePlan, role: UserRole, entityLimit: String? = nil, scope: WebScope? = nil, typed: [String: String] = [:], errors: [String: String] = [:],
        addForm: Bool = true
    ) -> AdminUnitsPage {
        typealias F = FormFields.Unita
        let byID = Dictionary(plan.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func path(_ unit: OrganisationalUnit) -> String {
            var names = [unit.name]
            var current = unit.parentID
            var seen: Set<String> = [unit.id]
            while let id = current, let parent = byID[id], seen.insert(id).inserted {
                names.insert(parent.name, at: 0)
                current = parent.parentID
            }
            return names.joined(separator: " › ")
        }
        let owned = Dictionary(grouping: plan.responsibleUnits().values, by: { $0 }).mapValues(\.count)
        let rows = plan.units.map {
            UnitRow(code: $0.code ?? "–", name: $0.name, kind: Self.label($0.kind), path: path($0), items: owned[$0.id] ?? 0)
        }
            .sorted { $0.path < $1.path }
        let kind = typed[F.kind] ?? UnitKind.ufficio.rawValue
        let parent = typed[F.parent] ?? ""
        return AdminUnitsPage(
            title: "Unità organizzative \(plan.entity.shortName ?? plan.entity.name)",
            adminNav: AdminNavigation.links(role: role, entityLimit: entityLimit, current: .unita, scope: scope), entityCode: plan.entity.code,
            entityField: F.entity, units: rows, hasUnits: !rows.isEmpty, hasAddForm: addForm,
            action: WebRoutes.unitaEnte(ente: plan.entity.code, anno: plan.cycle.year),
            code: AdminField.make(F.code, "Codice (facoltativo)", typed[F.code] ?? "", errors: errors, help: "Per esempio PROG."),
            name: AdminField.make(F.name, "Nome", typed[F.name] ?? "", errors: errors),
            kindSelect: AdminSelect.make(
                F.kind, "Tipo",
                UnitKind.allCases.map { Option(value: $0.rawValue, label: label($0), selected: $0.rawValue == kind) }
                    + (UnitKind(rawValue: kind) == nil ? [Option(value: kind, label: kind, selected: true)] : []),
                errors: errors),
            parentSelect: AdminSelect.make(
                F.parent, "Dentro l'unità",
                [Option(value: "", label: "Nessuna (unità di primo livello)", selected: parent.isEmpty)]
                    + plan.units.map { Option(value: $0.id, label: path($0), selected: $0.id == parent) }.sorted { $0.label < $1.label }
                    + (!parent.isEmpty && !plan.units.contains { $0.id == parent } ? [Option(value: parent, label: parent, selected: true)] : []),
                errors: errors),
            hasErrors: !errors.isEmpty)
    }

    static func label(_ kind: UnitKind) -> String {
        switch kind {
        case .segreteriaGenerale: "Segreteria generale"
        case .areaDirigenziale: "Area dirigenziale"
        case .servizio: "Servizio"
        case .ufficio: "Ufficio"
        case .gruppo: "Gruppo"
        case .posizioneOrganizzativa: "Posizione organizzativa"
        case .centroDiCosto: "Centro di costo"
        case .staff: "Staff"
        }
    }
}
