import TraguardoCore

/// The documents of an Ente-year, as links to download them in each format the server writes.
public struct DocumentiPage: WebPage {
    public static let templateName = "documenti"
    public var title: String
    public var entityName: String
    public var documents: [DocumentRow]

    public struct DocumentRow: Sendable {
        public var name: String
        public var description: String
        public var links: [DownloadLink]
    }

    public struct DownloadLink: Sendable {
        public var href: String
        public var label: String
        /// `Relazione sulla performance 2013, PDF`: what a screen reader hears.
        public var accessibleLabel: String
    }

    /// - Parameter available: the documents the server offers for this Ente-year (all by default).
    public static func make(plan: CyclePlan, available: [WebDocumentKind] = WebDocumentKind.allCases) -> DocumentiPage {
        let ente = plan.entity.code, year = plan.cycle.year
        let rows = available.map { kind in
            DocumentRow(
                name: kind.label(year: year), description: kind.description,
                links: kind.formats.map { format in
                    DownloadLink(href: WebRoutes.documento(ente: ente, anno: year, documento: kind.rawValue, formato: format.rawValue),
                                 label: format.label, accessibleLabel: "\(kind.label(year: year)), \(format.label)")
                })
        }
        return DocumentiPage(title: "Documenti \(plan.entity.shortName ?? plan.entity.name) \(year)",
                             entityName: plan.entity.name, documents: rows)
    }
}

/// A document the server produces for an Ente-year (the `documento` of `WebRoutes.documento`).
public enum WebDocumentKind: String, Sendable, CaseIterable {
    case relazione
    case rpp
    case piano
    case valutazione
    case opendata

    public func label(year: Int) -> String {
        switch self {
        case .relazione: "Relazione sulla performance \(year)"
        case .rpp: "Relazione previsionale e programmatica \(year)"
        case .piano: "Piano della performance \(year)"
        case .valutazione: "Schede di valutazione dei dirigenti \(year)"
        case .opendata: "Dati aperti \(year)"
        }
    }

    public var description: String {
        switch self {
        case .relazione: "I risultati dell'anno: obiettivi, indicatori, procedimenti, Carta dei servizi, risorse."
        case .rpp: "Le linee programmatiche, le aree strategiche e le risorse previste."
        case .piano: "L'albero della performance con indicatori e target."
        case .valutazione: "Per ogni dirigente: obiettivi, percentuali di raggiungimento e punteggi."
        case .opendata: "Tutti i punteggi con la formula che li dà, per «Amministrazione trasparente»."
        }
    }

    public var formats: [WebDocumentFormat] {
        switch self {
        case .opendata: [.csv, .json]
        case .relazione, .rpp, .piano, .valutazione: [.html, .docx, .xlsx, .pdf]
        }
    }
}

/// A format a document is written in (the `formato` of `WebRoutes.documento`).
public enum WebDocumentFormat: String, Sendable, CaseIterable {
    case html, docx, xlsx, pdf, csv, json

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

    /// The `Content-Type` the server sends.
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
}
