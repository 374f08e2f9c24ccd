import Foundation

/// A document Traguardo publishes (the Relazione sulla performance, …), as a value: what it is about and
/// what it was made from, then its blocks in reading order. Writers (`HTMLWriter`) turn it into a file's text;
/// the numbers in it are already the Italian text the scoring engine showed.
public struct Document: Hashable, Sendable {
    /// `Relazione sulla performance 2013`.
    public var title: String
    /// A line under the title (`Risultati 2013`), when there is one.
    public var subtitle: String?
    /// The Ente's name as printed (`Camera di Commercio di Lucca`) and its code (`lucca`).
    public var entityName: String
    public var entityCode: String
    public var year: Int
    /// The monitoring period the figures are for (`ANNO`); nil when the plan has no periods.
    public var period: String?
    public var methodologyName: String
    /// nil when the Ente-year has no methodology version and the engine's default rules applied.
    public var methodologyVersion: Int?
    /// What the document was made from, in Italian (`Dati: piano e rilevazioni di lucca 2013, periodo ANNO; …`).
    public var generatedFrom: String
    /// The same line as printed (PDF, DOCX): without the database or folder the data were read from, which a
    /// reader of the published document has nothing to do with; nil: `generatedFrom` as it is.
    public var printedFrom: String?
    /// What the printed document says it was made from.
    public var publishedFrom: String { printedFrom ?? generatedFrom }
    /// The state of the data (period open or closed, last change, fingerprint); set by whoever loaded the data.
    public var snapshot: DocumentSnapshot?
    public var blocks: [DocumentBlock]

    public init(
        title: String, subtitle: String? = nil, entityName: String, entityCode: String, year: Int,
        period: String? = nil, methodologyName: String, methodologyVersion: Int? = nil, generatedFrom: String,
        blocks: [DocumentBlock] = [], snapshot: DocumentSnapshot? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.entityName = entityName
        self.entityCode = entityCode
        self.year = year
        self.period = period
        self.methodologyName = methodologyName
        self.methodologyVersion = methodologyVersion
        self.generatedFrom = generatedFrom
        self.blocks = blocks
        self.snapshot = snapshot
    }

    /// `metodologia «Lucca 2013» v1`, or `(predefinita)` when there is no version.
    public var methodologyLabel: String {
        "metodologia «\(methodologyName)» " + (methodologyVersion.map { "v\($0)" } ?? "(predefinita)")
    }

    /// Every heading, in order: what a table of contents lists and tests look for.
    public var headings: [(level: Int, text: String)] {
        blocks.compactMap { block -> (level: Int, text: String)? in
            if case let .heading(level, text) = block { return (level, text) }
            return nil
        }
    }

    /// Every table, in order.
    public var tables: [DocumentTable] {
        blocks.compactMap { block -> DocumentTable? in
            if case let .table(table) = block { return table }
            return nil
        }
    }

    /// Every table and the data of every chart (captioned as the chart), in reading order: what a format
    /// that cannot draw (DOCX, XLSX) shows.
    public var tablesWithChartData: [DocumentTable] {
        blocks.compactMap { block -> DocumentTable? in
            switch block {
            case .table(let table): table
            case .figure(let figure): DocumentTable(caption: figure.caption, header: figure.data.header, rows: figure.data.rows)
            default: nil
            }
        }
    }
}
