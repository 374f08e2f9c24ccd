import TraguardoCore
import TraguardoDocuments

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
                                 label: kind.formatLabel(format), accessibleLabel: "\(kind.label(year: year)), \(kind.formatLabel(format))")
                })
        }
        return DocumentiPage(title: "Documenti \(plan.entity.shortName ?? plan.entity.name) \(year)",
                             entityName: plan.entity.name, documents: rows)
    }
}

/// A document the «Documenti» page links to (the `documento` of `WebRoutes.documento`): the documents of
/// `DocumentKind` (TraguardoDocuments' catalogue, with its formats), and the open data (every score with its
/// formula, `ScoreListing`) in CSV and JSON.
public enum WebDocumentKind: String, Sendable, CaseIterable {
    case relazione
    case rpp
    case piano
    case valutazione
    case opendata

    /// The document of the catalogue; nil for the open data.
    public var document: DocumentKind? { DocumentKind(rawValue: rawValue) }

    public func label(year: Int) -> String {
        document.map { "\($0.title) \(year)" } ?? "Dati aperti \(year)"
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

    /// How the page names a format: the open data in CSV come as one ZIP of every table with `datapackage.json`.
    public func formatLabel(_ format: DocumentFormat) -> String {
        self == .opendata && format == .csv ? "CSV (archivio ZIP con datapackage.json)" : format.label
    }

    /// The catalogue's formats for a document (the default first); CSV and JSON for the open data.
    public var formats: [DocumentFormat] { document?.formats ?? [.csv, .json] }
}
