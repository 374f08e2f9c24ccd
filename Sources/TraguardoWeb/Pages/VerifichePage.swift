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
        /// The check's sentence, without the hint for the command line («(`traguardo explain …`)»).
        public var message: String
        /// `righe 736-742 del documento di origine`: where in the source the element is, never the file's name.
        public var source: String
        public var hasSource: Bool
        /// The page that shows the element (a node or objective, an indicator's or item's section in it).
        public var elementHref: String
        public var hasElementHref: Bool
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
        let links = FindingLinks(plan: plan)
        func row(_ f: Finding, _ index: Int, _ ack: Acknowledgement?) -> FindingRow {
            let href = links.href(kind: f.elementKind, code: f.elementCode) ?? ""
            let source = f.provenance?.lines.map { "righe \($0) del documento di origine" } ?? ""
            return FindingRow(
                code: f.code, severity: f.severity.rawValue, elementKind: f.elementKind, elementCode: f.elementCode,
                message: Self.withoutCommandHint(f.message), source: source, hasSource: !source.isEmpty,
                elementHref: href, hasElementHref: !href.isEmpty, key: f.key,
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

extension VerifichePage {
    /// The message without the parenthesis that tells a command-line user what to type (`(\`traguardo explain
    /// SG-4/1\`)`): on the page the element is a link.
    public static func withoutCommandHint(_ message: String) -> String {
        message.replacing(#/\s?\(`traguardo [^`]*`\)/#, with: "")
    }
}

/// Where the page of an element a finding names is: a node or objective (`C10101`, `ENTE-6`) on its page, an
/// indicator or item (`SG-4/1`, `C30101/1/1a`) in its indicator's section of that page.
struct FindingLinks {
    let ente: String, year: Int
    let owners: [String: String]
    /// `SG-4/1` → the indicator's id.
    let indicators: [String: String]

    init(plan: CyclePlan) {
        ente = plan.entity.code
        year = plan.cycle.year
        var owners: [String: String] = [:]
        for node in plan.nodes { owners[node.code] = owners[node.code] ?? node.id }
        for objective in plan.objectives { owners[objective.code] = owners[objective.code] ?? objective.id }
        self.owners = owners
        let codeOf = Dictionary(plan.nodes.map { ($0.id, $0.code) } + plan.objectives.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        var indicators: [String: String] = [:]
        for i in plan.indicators {
            guard let owner = (i.nodeID ?? i.objectiveID).flatMap({ codeOf[$0] }) else { continue }
            indicators["\(owner)/\(i.code)"] = indicators["\(owner)/\(i.code)"] ?? i.id
        }
        self.indicators = indicators
    }

    func href(kind: String, code: String) -> String? {
        let parts = code.split(separator: "/").map(String.init)
        guard let owner = parts.first, owners[owner] != nil else { return nil }
        let page = WebRoutes.nodo(ente: ente, anno: year, percorso: owner)
        guard parts.count >= 2, let indicator = indicators["\(owner)/\(parts[1])"] else { return page }
        return page + "#indicatore-\(WebRoutes.segment(indicator))"
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
