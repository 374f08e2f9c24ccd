import Foundation
import TraguardoCore

/// The data entry of one office for one period, as a table: one row per item the office measures, with its
/// target, the previous period's value, the value field, its state (da inserire, inserito) and a «Salva» of
/// its own; the other fields (N.C. with reason, justified deviation, narrative, evidence file) open under
/// the row, and the reason or justification shows only when N.C. or the deviation is ticked. Above: the
/// progress («12 di 98 inseriti»), the «solo mancanti» filter and a search (GET, so they work without
/// JavaScript). Errors from `RilevazioneForm` appear beside their field (`aria-describedby`,
/// `aria-invalid`) and, as links, at the top. After saving, the page built from the new scores shows the
/// new results.
public struct RilevazionePage: WebPage {
    public static let templateName = "rilevazione"
    public var title: String
    public var entityName: String
    public var year: Int
    public var periodLabel: String
    public var officeName: String
    public var action: String
    public var isOpen: Bool
    public var items: [ItemForm]
    public var hasItems: Bool
    public var errors: [ErrorLink]
    public var hasErrors: Bool
    public var errorCount: Int
    /// «12 di 98 inseriti».
    public var progress: String
    public var enteredCount: Int
    public var itemCount: Int
    /// The filter of the list (`?mancanti=1`, `?cerca=…`), and the form's own address with it.
    public var onlyMissing: Bool
    public var search: String
    public var filterAction: String
    public var isFiltered: Bool
    /// How many rows the filter leaves, said when it hides some.
    public var shownNote: String?
    public var previousPeriodLabel: String?
    public var scriptHref: String

    /// The list's filter, read from the query (`?mancanti=1&cerca=…`), bounded.
    public struct Filter: Sendable, Equatable {
        public var onlyMissing: Bool
        public var search: String

        public init(onlyMissing: Bool = false, search: String = "") {
            self.onlyMissing = onlyMissing
            self.search = String(search.trimmingCharacters(in: .whitespacesAndNewlines).prefix(Self.maxSearch))
        }

        public static let maxSearch = 100
        public var query: String {
            var parts: [String] = []
            if onlyMissing { parts.append("\(FormFields.Rilevazione.onlyMissing)=1") }
            if !search.isEmpty { parts.append("\(FormFields.Rilevazione.search)=" + WebRoutes.segment(search)) }
            return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
        }

        func matches(_ texts: [String]) -> Bool {
            search.isEmpty || texts.contains { $0.range(of: search, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        }
    }

    public struct ItemForm: Sendable {
        /// `r12`: the row's id, stable whatever the filter.
        public var key: String
        /// `da-inserire`, `inserito`, `errore`; and the label.
        public var stateClass: String
        public var stateLabel: String
        /// The previous period's value, as the form would show it; nil when there is none.
        public var previousValue: String?
        /// The extra fields open under the row (N.C., deviation, an error, a note or file already there).
        public var detailsOpen: Bool
        public var hasError: Bool
        /// `C30101/1/1a`.
        public var path: String
        public var itemID: String
        public var description: String
        public var indicatorName: String
        public var target: String?
        public var unit: String?
        public var nodeHref: String
        /// The result for the period, as the engine scores it now.
        public var score: ScoreBadge
        public var presentName: String
        public var value: TextField
        public var notComputable: CheckField
        public var notComputableReason: TextField
        public var justifiedDeviation: CheckField
        public var justification: TextField
        public var narrative: TextField
        public var evidence: TextField
        /// The files stored for the item in the period, as download links.
        public var evidenceFiles: [EvidenceLink]
        public var hasEvidenceFiles: Bool
        /// Evidence the measurement cites that is not a stored file (a name from a plan file or a scheda).
        public var currentEvidence: [String]
        public var hasCurrentEvidence: Bool
        public var author: String?
    }

    /// A text, textarea or file field with its label, help and error.
    public struct TextField: Sendable {
        public var id: String
        public var name: String
        public var label: String
        public var value: String
        public var help: String?
        public var helpID: String
        public var error: String?
        public var errorID: String
        /// `aria-describedby`: the help and the error, when there are.
        public var describedBy: String?
        public var invalid: Bool
    }

    public struct CheckField: Sendable {
        /// The field that shows only when this box is ticked (its id).
        public var controls: String? = nil
        public var id: String
        public var name: String
        public var label: String
        public var checked: Bool
    }

    /// An error in the summary at the top, linking to its field.
    public struct ErrorLink: Sendable {
        public var href: String
        public var text: String
    }

    /// - Parameters:
    ///   - period: the period code (`ANNO`, `T2`).
    ///   - office: the unit id; only the items whose measurements it enters are listed.
    ///   - entries: what was typed (after a failed save), by item id; otherwise the stored measurement fills the form.
    ///   - errors: from `RilevazioneForm.read`.
    ///   - evidence: the stored evidence files of the Ente-year (those of the office's items in the period are listed).
    public static func make(
        plan: CyclePlan, scores: PlanScores, period: String, office: String,
        entries: [String: RilevazioneEntry] = [:], errors: [RilevazioneError] = [], evidence: [EvidenceFile] = [],
        filter: Filter = Filter()
    ) -> RilevazionePage {
        typealias F = FormFields.Rilevazione
        let p = plan.period(code: period)
        let officeName = plan.unit(named: office)?.name ?? office
        let offices = plan.responsibleUnits()
        let paths = plan.itemPaths()
        let indicators = Dictionary(plan.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let targets = Dictionary(grouping: plan.targets.filter { $0.year == plan.cycle.year }, by: \.indicatorID)
        let stored = Dictionary(
            plan.measurements(inPeriodNamed: period).map { ($0.itemID, $0) }, uniquingKeysWith: { a, _ in a })
        let errorsByItem = Dictionary(grouping: errors, by: \.itemID)
        let filesByItem = Dictionary(grouping: evidence.filter { $0.periodCode == (p?.code ?? period) }, by: \.itemID)
        let items = plan.items.filter { offices[$0.id] == office }
            .sorted { (paths[$0.id] ?? "") .localizedStandardCompare(paths[$1.id] ?? "") == .orderedAscending }
        let previousPeriod = p.flatMap { current in
            plan.periods.filter { $0.sequence < current.sequence }.max { $0.sequence < $1.sequence }
        }
        let previous = previousPeriod.map { pp in
            Dictionary(plan.measurements(in: pp).map { ($0.itemID, $0) }, uniquingKeysWith: { a, _ in a })
        } ?? [:]
        let enteredCount = items.filter { stored[$0.id] != nil }.count

        var summary: [ErrorLink] = []
        let shown = items.enumerated().filter { _, item in
            (!filter.onlyMissing || stored[item.id] == nil || errorsByItem[item.id] != nil)
                && filter.matches([paths[item.id] ?? item.code, item.description, indicators[item.indicatorID]?.name ?? ""])
        }
        let forms = shown.map { index, item -> ItemForm in
            let key = "r\(index + 1)"
            let indicator = indicators[item.indicatorID]
            let measurement = stored[item.id]
            let entry = entries[item.id] ?? measurement.map(Self.entry) ?? RilevazioneEntry()
            let itemErrors = errorsByItem[item.id] ?? []
            func field(_ f: RilevazioneField, name: String, label: String, value: String, help: String? = nil) -> TextField {
                let id = "\(key)-\(f.rawValue)"
                let error = itemErrors.first { $0.field == f }?.message
                let described = [help.map { _ in "\(id)-aiuto" }, error.map { _ in "\(id)-errore" }].compactMap { $0 }
                if let error { summary.append(ErrorLink(href: "#\(id)", text: "\(paths[item.id] ?? item.code): \(error)")) }
                return TextField(id: id, name: name, label: label, value: value, help: help, helpID: "\(id)-aiuto",
                                 error: error, errorID: "\(id)-errore",
                                 describedBy: described.isEmpty ? nil : described.joined(separator: " "), invalid: error != nil)
            }
            let target = item.targetText ?? targets[item.indicatorID]?.first { $0.periodCode == nil || $0.periodCode == p?.code }?.text
            let owner = indicator.map { plan.ownerCode(of: $0) } ?? ""
            let (links, others) = EvidenceLink.split(
                filesByItem[item.id] ?? [], cited: measurement?.evidence ?? [], ente: plan.entity.code, anno: plan.cycle.year)
            let hasError = !itemErrors.isEmpty
            let (stateClass, stateLabel) = hasError ? ("errore", "da correggere") : measurement == nil ? ("da-inserire", "da inserire") : ("inserito", "inserito")
            let detailsOpen = hasError || entry.notComputable || entry.justifiedDeviation
            return ItemForm(
                key: key, stateClass: stateClass, stateLabel: stateLabel,
                previousValue: previous[item.id].map(\.enteredText).flatMap { $0.isEmpty ? nil : $0 },
                detailsOpen: detailsOpen, hasError: hasError,
                path: paths[item.id] ?? item.code, itemID: item.id, description: item.description,
                indicatorName: indicator?.name ?? "", target: target, unit: item.unit ?? indicator?.unit,
                nodeHref: WebRoutes.nodo(ente: plan.entity.code, anno: plan.cycle.year, percorso: owner),
                score: scores.items[item.id].map { ScoreBadge($0.score) } ?? .missing,
                presentName: F.present(item.id),
                value: field(.value, name: F.value(item.id), label: "Valore rilevato", value: entry.value,
                             help: "Per esempio 95, 99,22%, 4,2 gg, 43/47, 31/12/\(plan.cycle.year), sì, no, a vista."),
                notComputable: CheckField(controls: "\(key)-\(RilevazioneField.notComputableReason.rawValue)", id: "\(key)-nc",
                                          name: F.notComputable(item.id), label: "Non computabile (N.C.)", checked: entry.notComputable),
                notComputableReason: field(.notComputableReason, name: F.notComputableReason(item.id),
                                           label: "Motivo della non computabilità", value: entry.notComputableReason),
                justifiedDeviation: CheckField(controls: "\(key)-\(RilevazioneField.justification.rawValue)", id: "\(key)-scostamento",
                                               name: F.justifiedDeviation(item.id), label: "Scostamento giustificato",
                                               checked: entry.justifiedDeviation),
                justification: field(.justification, name: F.justification(item.id), label: "Giustificazione dello scostamento",
                                     value: entry.justification),
                narrative: field(.narrative, name: F.narrative(item.id), label: "Nota descrittiva", value: entry.narrative,
                                 help: "Che cosa è stato fatto, in breve."),
                evidence: field(.evidence, name: F.evidence(item.id), label: "Documento a supporto", value: "",
                                help: "Facoltativo; al massimo \(ItalianFormatting.fileSize(RilevazioneForm.maxEvidenceBytes)) per file."),
                evidenceFiles: links, hasEvidenceFiles: !links.isEmpty,
                currentEvidence: others, hasCurrentEvidence: !others.isEmpty,
                author: measurement?.author)
        }
        let title = "Rilevazione \(p?.name ?? period) – \(officeName)"
        let action = WebRoutes.rilevazione(ente: plan.entity.code, anno: plan.cycle.year, periodo: p?.code ?? period, ufficio: office)
        let isFiltered = filter != Filter()
        return RilevazionePage(
            title: title, entityName: plan.entity.name, year: plan.cycle.year,
            periodLabel: p.map { "\($0.name) (\($0.code))" } ?? period, officeName: officeName,
            action: action + filter.query,
            isOpen: p?.status.acceptsEntries ?? true, items: forms, hasItems: !forms.isEmpty, errors: summary,
            hasErrors: !summary.isEmpty, errorCount: summary.count,
            progress: "\(enteredCount) di \(items.count) inseriti", enteredCount: enteredCount, itemCount: items.count,
            onlyMissing: filter.onlyMissing, search: filter.search, filterAction: action, isFiltered: isFiltered,
            shownNote: isFiltered ? "Mostrati \(forms.count) item su \(items.count)." : nil,
            previousPeriodLabel: previousPeriod.map { "\($0.name)" }, scriptHref: WebRoutes.rilevazioneScript)
    }

    /// A stored measurement as the form shows it: the canonical value (`MeasurementEntry(showing:)`), which the
    /// form's reader accepts back unchanged, never the text as printed («28-mag»).
    static func entry(_ m: TraguardoCore.Measurement) -> RilevazioneEntry {
        RilevazioneEntry(showing: m)
    }
}
