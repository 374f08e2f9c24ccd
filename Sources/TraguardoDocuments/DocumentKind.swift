import Foundation
import TraguardoCore

/// The documents Traguardo produces, each with the formats it is written in. `traguardo report` and the
/// web application's «Documenti» page list these.
public enum DocumentKind: String, CaseIterable, Sendable {
    case rpp, piano, relazione, valutazione
    /// The interim report to the Giunta for a period, with the year-end forecast (`MonitoringReportBuilder`).
    case monitoraggio

    /// `Relazione sulla performance`.
    public var title: String {
        switch self {
        case .rpp: "Relazione Previsionale e Programmatica"
        case .piano: "Piano della performance (albero e schede)"
        case .relazione: "Relazione sulla performance"
        case .valutazione: "Schede di valutazione dei dirigenti"
        case .monitoraggio: "Relazione di monitoraggio"
        }
    }

    /// The formats, the default first.
    public var formats: [DocumentFormat] { [.html, .docx, .xlsx, .pdf] }

    /// The Enti whose plans of the same year the document also needs: for the RPP of a merged Ente, the
    /// Enti it was made from (each part in its own layout).
    public func componentEntityCodes(of plan: CyclePlan) -> [String] {
        guard self == .rpp else { return [] }
        return plan.cycle.componentEntityCodes.isEmpty ? plan.entity.mergedFrom : plan.cycle.componentEntityCodes
    }

    /// The document of the Ente-year, every figure from `scores` (and from the plans of `components`).
    public func build(plan: CyclePlan, scores: PlanScores, components: [CyclePlan] = [], source: String?) throws -> Document {
        switch self {
        case .rpp: try RPPBuilder.build(plan: plan, among: components, source: source)
        case .piano: PianoBuilder.build(plan: plan, scores: scores, source: source)
        case .relazione: RelazioneBuilder.build(plan: plan, scores: scores, source: source)
        case .valutazione: ValutazioneBuilder.build(plan: plan, scores: scores, source: source)
        case .monitoraggio: MonitoringReportBuilder.build(plan: plan, scores: scores, source: source)
        }
    }

    /// The document scored for `period` (the last of the year when nil), with the snapshot line that says
    /// what it was computed from: the period's state, the registro's last change, the data fingerprint.
    /// `closedWithoutSnapshot`: the period is closed in a database that holds no snapshot of it (imported already
    /// closed), so the line says that the data may still change.
    public func document(
        plan: CyclePlan, components: [CyclePlan], period: String?, lastChange: (number: Int64, at: Date)?, source: String?,
        closedWithoutSnapshot: Bool = false
    ) throws -> Document {
        var document = try build(plan: plan, scores: PlanScorer.score(plan, period: period), components: components, source: source)
        document.snapshot = DocumentSnapshot(plan: plan, period: period, lastChange: lastChange, closedWithoutSnapshot: closedWithoutSnapshot)
        return document
    }
}

/// A file format of a document.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case html, docx, xlsx, pdf, csv, json

    /// What a browser is told the file is.
    public var mediaType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pdf: "application/pdf"
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json"
        }
    }

    /// `HTML`, `Word (DOCX)` …: how the «Documenti» page names it.
    public var label: String {
        switch self {
        case .html: "HTML"
        case .docx: "Word (DOCX)"
        case .xlsx: "Excel (XLSX)"
        case .pdf: "PDF"
        case .csv: "CSV"
        case .json: "JSON"
        }
    }
}
