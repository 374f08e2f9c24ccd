import Foundation
import TraguardoCore

/// The documents Traguardo produces, each with the formats it is written in. `traguardo report` and the
/// web application's «Documenti» page list these.
public enum DocumentKind: String, CaseIterable, Sendable {
    case relazione

    /// `Relazione sulla performance`.
    public var title: String {
        switch self {
        case .relazione: "Relazione sulla performance"
        }
    }

    /// The formats, the default first.
    public var formats: [DocumentFormat] {
        switch self {
        case .relazione: [.html, .xlsx, .pdf]
        }
    }

    /// The document of the Ente-year, every figure from `scores`.
    public func build(plan: CyclePlan, scores: PlanScores, source: String?) -> Document {
        switch self {
        case .relazione: RelazioneBuilder.build(plan: plan, scores: scores, source: source)
        }
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
