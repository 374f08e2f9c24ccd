import Foundation

/// A table: a caption, one or more header rows, then the body rows.
public struct DocumentTable: Hashable, Sendable {
    public var caption: String?
    public var header: [[TableCell]]
    public var rows: [[TableCell]]

    public init(caption: String? = nil, header: [[TableCell]] = [], rows: [[TableCell]] = []) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }

    /// A single header row of plain labels.
    public init(caption: String? = nil, columns: [String], rows: [[TableCell]] = []) {
        self.init(caption: caption, header: [columns.map { TableCell($0) }], rows: rows)
    }
}

/// One cell of a table: its text, how it is aligned and whether it stands out.
public struct TableCell: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var alignment: CellAlignment
    public var emphasis: CellEmphasis
    /// How many columns the cell covers.
    public var columnSpan: Int

    public init(_ text: String, alignment: CellAlignment = .leading, emphasis: CellEmphasis = .none, columnSpan: Int = 1) {
        self.text = text
        self.alignment = alignment
        self.emphasis = emphasis
        self.columnSpan = max(1, columnSpan)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// A figure: aligned right, as numbers are in Italian tables.
    public static func number(_ text: String, emphasis: CellEmphasis = .none) -> TableCell {
        TableCell(text, alignment: .trailing, emphasis: emphasis)
    }
}

public enum CellAlignment: String, Hashable, Sendable {
    case leading, center, trailing
}

public enum CellEmphasis: String, Hashable, Sendable {
    case none
    /// A total, a result that matters.
    case strong
    /// Something that counts for less (an N.C. reason, a code).
    case muted
    /// A result marked for the reader's attention (a justified deviation, an override).
    case flagged
}
