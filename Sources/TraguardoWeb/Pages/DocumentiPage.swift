import TraguardoCore
import TraguardoDocuments

/// The documents of an Ente-year, as links to download them in each format the server writes.
public struct DocumentiPage: WebPage {
    public static let templateName = "documenti"
    public var title: String
    public var entityName: String
    public var documents: [DocumentRow]
    /// `Calcolati per Consuntivo annuale 2018 (ANNO).`
    public var periodNote: String?
    /// The periods of the year, as links to this page computing the documents for that period.
    public var periods: [NavLink]
    public var hasPeriods: Bool
    /// The scores under another methodology (`MetodologiePage`), for the same period.
    public var methodologyLink: NavLink
    /// The Carta dei servizi page (typed results or computed from the cases), when the plan has a Carta.
    public var cartaLink: NavLink?
    /// The OIV's sample of the chosen period, when it is closed and the user may see it.
    public var sampleLink: NavLink?

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

    /// - Parameters:
    ///   - available: the documents the server offers for this Ente-year (all by default).
    ///   - period: the period the documents are computed for (a code of the plan); nil for the last of the year.
    ///   - showsSample: the user may see the OIV's sample (`Action.viewSample`): linked when the period is closed.
    public static func make(
        plan: CyclePlan, available: [WebDocumentKind] = WebDocumentKind.allCases, period: String? = nil, showsSample: Bool = false
    ) -> DocumentiPage {
        let ente = plan.entity.code, year = plan.cycle.year
        let ordered = plan.periods.sorted { $0.sequence < $1.sequence }
        let chosen = period.flatMap { code in ordered.first { $0.code == code } } ?? ordered.last
        let query = period.flatMap { code in ordered.contains { $0.code == code } ? "?periodo=" + WebRoutes.segment(code) : nil } ?? ""
        let rows = available.map { kind in
            DocumentRow(
                name: kind.label(year: year), description: kind.description,
                links: kind.formats.map { format in
                    DownloadLink(href: WebRoutes.documento(ente: ente, anno: year, documento: kind.rawValue, formato: format.rawValue) + query,
                                 label: kind.formatLabel(format), accessibleLabel: "\(kind.label(year: year)), \(kind.formatLabel(format))")
                })
        }
        let periods = ordered.count < 2 ? [] : ordered.map { p in
            NavLink(label: "\(p.name) (\(p.code))", href: WebRoutes.documenti(ente: ente, anno: year) + "?periodo=" + WebRoutes.segment(p.code),
                    current: p.code == chosen?.code)
        }
        return DocumentiPage(title: "Documenti \(plan.entity.shortName ?? plan.entity.name) \(year)",
                             entityName: plan.entity.name, documents: rows,
                             periodNote: chosen.map { "Calcolati per \($0.name) (\($0.code)), \($0.status.acceptsEntries ? "periodo \($0.status.label): i numeri possono ancora cambiare" : "periodo \($0.status.label)")." },
                             periods: periods, hasPeriods: !periods.isEmpty,
                             methodologyLink: NavLink(
                                 label: "Confronto di metodologie: i punteggi con un'altra metodologia (un preset o una versione registrata)",
                                 href: WebRoutes.metodologie(ente: ente, anno: year) + query),
                             cartaLink: plan.serviceStandards.isEmpty ? nil : NavLink(
                                 label: "Carta dei servizi: i risultati digitati o calcolati dai casi registrati",
                                 href: WebRoutes.carta(ente: ente, anno: year)),
                             sampleLink: chosen.flatMap { p in
                                 showsSample && p.status == .closed
                                     ? NavLink(label: "Campione dell'OIV e documento di validazione (\(p.code))",
                                               href: WebRoutes.campione(ente: ente, anno: year, periodo: p.code), current: false)
                                     : nil
                             })
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
    case monitoraggio
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
        case .monitoraggio: "Alla Giunta, per il periodo: avanzamento, cosa manca, azioni correttive, previsione a fine anno con gli indicatori «a rischio»."
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
