import TraguardoCore

/// The findings of the checks on an Ente-year: code, severity, element, message; those still open first,
/// each with a form to acknowledge it with a reason (for who may), then the acknowledged ones with reason
/// and author.
public struct VerifichePage: WebPage {
    public static let templateName = "verifiche"
    public var title: String
    public var entityName: String
    public var open: [FindingRow]
    public var hasOpen: Bool
    public var acknowledged: [FindingRow]
    public var hasAcknowledged: Bool
    public var summary: String
    public var canAcknowledge: Bool
    public var action: String
    /// The severities to show, as links: `Errori e avvisi (32)`, `Suggerimenti (670)`, `Tutte (702)`.
    public var filters: [NavLink]
    /// `Mostrate: errori e avvisi.` when some open findings are not listed.
    public var filterNote: String?

    public struct FindingRow: Sendable {
        public var code: String
        public var severity: String
        public var elementKind: String
        public var elementCode: String
        public var message: String
        public var source: String
        public var hasSource: Bool
        public var key: String
        /// `Riconosciuta da … : motivo`, for the acknowledged ones.
        public var acknowledgement: String
        /// Ids of the acknowledgement form's fields, unique on the page.
        public var reasonID: String
        public var keyName: String
        public var reasonName: String
        /// The reason typed, kept when the form comes back with an error.
        public var reasonValue: String
        /// Why the acknowledgement was refused, beside the reason field (`errorID`).
        public var error: String?
        public var errorID: String
    }

    /// - Parameters:
    ///   - findings: `CheckCatalogue.run(…)`.
    ///   - canAcknowledge: whether the user may acknowledge findings (the controller, the administrator).
    ///   - errors: by `Finding.key`, why an acknowledgement was refused (with the reason typed in `typed`).
    ///   - showing: which open findings are listed (`VerificheFilter`); the summary counts them all.
    public static func make(
        plan: CyclePlan, findings: [Finding], acknowledgements: [Acknowledgement], canAcknowledge: Bool,
        errors: [String: String] = [:], typed: [String: String] = [:], showing: VerificheFilter = .errorsAndWarnings
    ) -> VerifichePage {
        let split = AcknowledgedFindings(findings, acknowledgements: acknowledgements)
        let listed = split.open.filter { showing.severities.contains($0.severity) || errors[$0.key] != nil }
        func row(_ f: Finding, _ index: Int, _ ack: Acknowledgement?) -> FindingRow {
            FindingRow(
                code: f.code, severity: f.severity.rawValue, elementKind: f.elementKind, elementCode: f.elementCode,
                message: f.message, source: f.provenance?.description ?? "", hasSource: f.provenance != nil, key: f.key,
                acknowledgement: ack.map { "\($0.acknowledgedBy): \($0.reason)" } ?? "",
                reasonID: "motivo-\(index)", keyName: FormFields.Verifiche.key, reasonName: FormFields.Verifiche.reason,
                reasonValue: typed[f.key] ?? "", error: errors[f.key], errorID: "motivo-\(index)-errore")
        }
        let open = listed.enumerated().map { row($1, $0 + 1, nil) }
        let acknowledged = split.acknowledged.enumerated().map { row($1.finding, $0 + 1, $1.acknowledgement) }
        let counts = Severity.allCases.map { s in (s, split.open.filter { $0.severity == s }.count) }
            .filter { $0.1 > 0 }.map { "\($0.1) \($0.0 == .error ? "errori" : $0.0 == .warning ? "avvisi" : "suggerimenti")" }
        let summary = split.open.isEmpty ? "Nessuna segnalazione aperta." : "Da vedere: " + counts.joined(separator: ", ") + "."
        return VerifichePage(
            title: "Verifiche \(plan.entity.shortName ?? plan.entity.name) \(plan.cycle.year)", entityName: plan.entity.name,
            open: open, hasOpen: !open.isEmpty, acknowledged: acknowledged, hasAcknowledged: !acknowledged.isEmpty,
            summary: summary, canAcknowledge: canAcknowledge,
            action: WebRoutes.verificheRiconosci(ente: plan.entity.code, anno: plan.cycle.year),
            filters: VerificheFilter.allCases.map { filter in
                let count = split.open.filter { filter.severities.contains($0.severity) }.count
                return NavLink(label: "\(filter.label) (\(count))",
                               href: WebRoutes.verifiche(ente: plan.entity.code, anno: plan.cycle.year) + "?mostra=" + filter.rawValue,
                               current: filter == showing)
            },
            filterNote: listed.count < split.open.count ? "Mostrate: \(showing.label.lowercased()) (\(listed.count) di \(split.open.count))." : nil)
    }
}

/// Which open findings the «Verifiche» page lists (`?mostra=`): errors and warnings by default, since an
/// Ente-year can have hundreds of suggestions.
public enum VerificheFilter: String, Sendable, CaseIterable {
    case errorsAndWarnings = "errori-avvisi"
    case suggestions = "suggerimenti"
    case all = "tutte"

    public var label: String {
        switch self {
        case .errorsAndWarnings: "Errori e avvisi"
        case .suggestions: "Suggerimenti"
        case .all: "Tutte"
        }
    }

    public var severities: Set<Severity> {
        switch self {
        case .errorsAndWarnings: [.error, .warning]
        case .suggestions: [.suggestion]
        case .all: Set(Severity.allCases)
        }
    }
}
