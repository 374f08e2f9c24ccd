import TraguardoDocuments

/// A chart as a page shows it: the caption, the SVG (inserted raw, `{{{svg}}}`: it comes from our chart
/// code, which escapes its labels) and the same figures as a table for who does not see the drawing.
public struct WebFigure: Sendable {
    public var caption: String
    public var svg: String
    public var header: [String]
    public var rows: [[WebCell]]

    public init(_ figure: DocumentFigure) {
        caption = figure.caption
        svg = figure.svg
        header = figure.data.header.last?.map(\.text) ?? []
        rows = figure.data.rows.map { row in row.map { WebCell(text: $0.text, numeric: $0.alignment == .trailing) } }
    }
}

/// One cell of a table on a page.
public struct WebCell: Sendable, Hashable {
    public var text: String
    public var numeric: Bool
}
