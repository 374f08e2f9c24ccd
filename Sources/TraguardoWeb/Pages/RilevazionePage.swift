import Foundation
import TraguardoCore

/// The data entry of one office for one period: only the items the office measures, each with its
/// target, its current result and the fields value, N.C. with reason, justified deviation, narrative and
/// evidence file. Errors from `RilevazioneForm` appear beside their field (`aria-describedby`,
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

    public struct ItemForm: Sendable {
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
        entries: [String: RilevazioneEntry] = [:], errors: [RilevazioneError] = [], evidence: [EvidenceFile] = []
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

        var summary: [ErrorLink] = []
        let forms = items.enumerated().map { index, item -> ItemForm in
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
            return ItemForm(
                path: paths[item.id] ?? item.code, itemID: item.id, description: item.description,
                indicatorName: indicator?.name ?? "", target: target, unit: item.unit ?? indicator?.unit,
                nodeHref: WebRoutes.nodo(ente: plan.entity.code, anno: plan.cycle.year, percorso: owner),
                score: scores.items[item.id].map { ScoreBadge($0.score) } ?? .missing,
                presentName: F.present(item.id),
                value: field(.value, name: F.value(item.id), label: "Valore rilevato", value: entry.value,
                             help: "Per esempio 95, 99,22%, 4,2 gg, 43/47, 31/12/\(plan.cycle.year), sì, no, a vista."),
                notComputable: CheckField(id: "\(key)-nc", name: F.notComputable(item.id), label: "Non computabile (N.C.)",
                                          checked: entry.notComputable),
                notComputableReason: field(.notComputableReason, name: F.notComputableReason(item.id),
                                           label: "Motivo della non computabilità", value: entry.notComputableReason),
                justifiedDeviation: CheckField(id: "\(key)-scostamento", name: F.justifiedDeviation(item.id),
                                               label: "Scostamento giustificato", checked: entry.justifiedDeviation),
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
        return RilevazionePage(
            title: title, entityName: plan.entity.name, year: plan.cycle.year,
            periodLabel: p.map { "\($0.name) (\($0.code))" } ?? period, officeName: officeName,
            action: WebRoutes.rilevazione(ente: plan.entity.code, anno: plan.cycle.year, periodo: p?.code ?? period, ufficio: office),
            isOpen: p?.status != .closed, items: forms, hasItems: !forms.isEmpty, errors: summary,
            hasErrors: !summary.isEmpty, errorCount: summary.count)
    }

    /// A stored measurement as the form shows it: the canonical value (`MeasurementEntry(showing:)`), which the
    /// form's reader accepts back unchanged, never the text as printed («28-mag»).
    static func entry(_ m: TraguardoCore.Measurement) -> RilevazioneEntry {
        RilevazioneEntry(showing: m)
    }
}
