import Foundation
import TraguardoCore

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

/// One cell of a table: its text, how it is aligned and whether it stands out, and, for a figure, the number
/// its text shows (`figure`), which the writers that keep numbers (XLSX) write as a number.
public struct TableCell: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    /// The number the text shows; nil for text, even text that looks like a number (a code `2018`).
    public private(set) var figure: TableFigure?
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

    /// A figure: its Italian text (`1.418.965,00`, `68,49`, `12,50%`), aligned right as numbers are in Italian
    /// tables, and the number itself.
    public static func figure(_ figure: TableFigure, emphasis: CellEmphasis = .none, columnSpan: Int = 1) -> TableCell {
        var cell = TableCell(figure.text, alignment: .trailing, emphasis: emphasis, columnSpan: columnSpan)
        cell.figure = figure
        return cell
    }

    /// A number with `fractionDigits` decimals (nil: its own); `missing` (aligned right, not a number) when nil.
    public static func number(
        _ value: Decimal?, fractionDigits: Int? = nil, unit: TableFigure.Unit = .none, emphasis: CellEmphasis = .none,
        missing: String = "", columnSpan: Int = 1
    ) -> TableCell {
        guard let value else { return TableCell(missing, alignment: .trailing, emphasis: emphasis, columnSpan: columnSpan) }
        let figure = TableFigure(value, fractionDigits: fractionDigits ?? value.fractionDigitCount, unit: unit)
        return .figure(figure, emphasis: emphasis, columnSpan: columnSpan)
    }

    /// An amount in euro with cents, as the plan's accounts are written: `1.418.965,00`.
    public static func amount(
        _ value: Decimal?, emphasis: CellEmphasis = .none, missing: String = "", columnSpan: Int = 1
    ) -> TableCell {
        number(value, fractionDigits: 2, emphasis: emphasis, missing: missing, columnSpan: columnSpan)
    }

    /// A number of per cent: `12,50%` (the number is 12.5).
    public static func percent(
        _ value: Decimal?, fractionDigits: Int? = nil, emphasis: CellEmphasis = .none, missing: String = ""
    ) -> TableCell {
        number(value, fractionDigits: fractionDigits, unit: .percent, emphasis: emphasis, missing: missing)
    }

    /// A score as the engine shows it (`68,49`, `100`), or `N.C.` as text.
    public static func score(_ score: Score, emphasis: CellEmphasis = .none) -> TableCell {
        guard let value = score.shownValue else { return trailing(score.shown, emphasis: emphasis) }
        return .figure(TableFigure(value, fractionDigits: score.shownFractionDigits), emphasis: emphasis)
    }

    /// Text aligned with the figures of its column (`—`, `N.C.: motivo`, `≥ 95`), not a number.
    public static func trailing(_ text: String, emphasis: CellEmphasis = .none) -> TableCell {
        TableCell(text, alignment: .trailing, emphasis: emphasis)
    }

    /// The same cell with another emphasis (a figure of a total row).
    public func emphasised(_ emphasis: CellEmphasis) -> TableCell {
        var cell = self
        cell.emphasis = emphasis
        return cell
    }
}

/// A number in a table: the value the text shows (rounded as it is shown), how many decimals the text has,
/// and the unit written after it.
public struct TableFigure: Hashable, Sendable {
    public enum Unit: String, Hashable, Sendable {
        /// `68,49`
        case none
        /// `12,50%`: a number of per cent (the value is 12.5, not 0.125).
        case percent
        /// `1.418.965,00 €`
        case euro
    }

    public let value: Decimal
    public let fractionDigits: Int
    public let unit: Unit

    public init(_ value: Decimal, fractionDigits: Int, unit: Unit = .none) {
        self.fractionDigits = max(0, fractionDigits)
        self.value = value.rounded(.halfUp, digits: self.fractionDigits)
        self.unit = unit
    }

    /// `1.418.965,00`, `12,50%`, `1.418.965,00 €`.
    public var text: String {
        let digits = ItalianFormatting.number(value, fractionDigits: fractionDigits)
        switch unit {
        case .none: return digits
        case .percent: return digits + "%"
        case .euro: return digits + " €"
        }
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
