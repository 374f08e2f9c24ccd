import Foundation
import TraguardoCore

/// «Campione dell'OIV» (`WebRoutes.campione`): the snapshot of a closed period the OIV works on, the form to
/// draw the sample (size, seed), the sampled items with the value and score as frozen, their evidence files,
/// and per item the outcome and working note; the links to the documento di validazione.
public struct OIVSamplePage: WebPage {
    public static let templateName = "campione-oiv"
    public var title: String
    public var periodName: String
    /// `versione 1 del 06/12/2026 10:15, di controllo; impronta …`, or nil when the period has no snapshot.
    public var snapshotText: String?
    public var notFrozen: String?
    public var canDraw: Bool
    public var drawAction: String
    public var noteAction: String
    public var sizeName: String
    public var seedName: String
    public var itemName: String
    public var outcomeName: String
    public var noteName: String
    public var suggestedSize: String
    public var population: Int
    public var hasSample: Bool
    public var sampleText: String?
    public var rows: [Row]
    public var canNote: Bool
    public var documents: [Link]
    public var message: String?

    public struct Row: Sendable {
        public var itemID: String
        public var office: String
        public var path: String
        public var title: String
        public var value: String
        public var score: String
        public var evidence: [Link]
        public var hasEvidence: Bool
        public var outcome: String
        public var note: String
        public var noteID: String
        public var choices: [Choice]
        public var notedBy: String?
    }

    public struct Choice: Sendable {
        public var value: String
        public var label: String
        public var selected: Bool
    }

    public struct Link: Sendable {
        public var href: String
        public var label: String
    }

    /// - Parameters:
    ///   - snapshot: the latest snapshot of the period when it is closed (nil: not closed or never frozen).
    ///   - evidence: the evidence files of the sampled items for the period, by item id.
    public static func make(
        plan: CyclePlan, period: MonitoringPeriod, snapshot: SnapshotSummary?, population: Int, sample: OIVSample?,
        evidence: [String: [EvidenceFile]], role: UserRole, message: String? = nil
    ) -> OIVSamplePage {
        typealias F = FormFields.Campione
        let ente = plan.entity.code
        let anno = plan.cycle.year
        let mayDraw = role.allows(.drawSample)
        let rows = (sample?.entries ?? []).map { entry in
            Row(
                itemID: entry.itemID, office: entry.office, path: entry.path, title: entry.title,
                value: entry.value ?? "non rilevato", score: entry.score ?? "—",
                evidence: (evidence[entry.itemID] ?? []).filter { $0.periodCode == period.code }.map {
                    Link(href: WebRoutes.evidenza(ente: ente, anno: anno, id: $0.id), label: $0.evidenceLabel)
                },
                hasEvidence: !(evidence[entry.itemID] ?? []).filter { $0.periodCode == period.code }.isEmpty,
                outcome: entry.outcome?.rawValue ?? "non esaminato", note: entry.note ?? "",
                noteID: "nota-" + entry.itemID.replacingOccurrences(of: "/", with: "-"),
                choices: [Choice(value: "", label: "non esaminato", selected: entry.outcome == nil)]
                    + OIVSample.Outcome.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: entry.outcome == $0) },
                notedBy: entry.notedBy)
        }
        let sampleText = sample.map {
            "\($0.entries.count) item su \(population), estratti con il seme \($0.seed) da \($0.drawnBy) il "
                + "\(ItalianFormatting.dateTime($0.drawnAt)); esaminati \($0.examinedCount)."
        }
        return OIVSamplePage(
            title: "Campione dell'OIV: \(period.name) (\(period.code))",
            periodName: period.name,
            snapshotText: snapshot.map { "Istantanea \($0.text)." },
            notFrozen: snapshot == nil
                ? "Il periodo \(period.code) non è chiuso: il campione si estrae dall'istantanea congelata alla chiusura del periodo."
                : nil,
            canDraw: mayDraw && snapshot != nil && (sample?.examinedCount ?? 0) == 0,
            drawAction: WebRoutes.campione(ente: ente, anno: anno, periodo: period.code),
            noteAction: WebRoutes.campioneNota(ente: ente, anno: anno, periodo: period.code),
            sizeName: F.size, seedName: F.seed, itemName: F.item, outcomeName: F.outcome, noteName: F.note,
            suggestedSize: String(sample?.requestedSize ?? min(population, 10)), population: population,
            hasSample: sample != nil, sampleText: sampleText, rows: rows, canNote: mayDraw && sample != nil,
            documents: sample == nil ? [] : ["html", "docx", "pdf"].map {
                Link(href: WebRoutes.documentoDiValidazione(ente: ente, anno: anno, periodo: period.code, formato: $0),
                     label: "Documento di validazione (\($0.uppercased()))")
            },
            message: message)
    }
}
