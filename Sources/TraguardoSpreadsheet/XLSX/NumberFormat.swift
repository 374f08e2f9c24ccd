/// How a number cell is shown: an Excel format code, which Excel and LibreOffice show with the reader's own
/// separators (`#,##0.00` is `1.418.965,00` in Italy). The cell keeps the exact number whatever its format.
public struct NumberFormat: Hashable, Sendable {
    public let code: String

    /// Thousands grouped, `fractionDigits` decimals, `suffix` written after the number as literal text:
    /// `#,##0`, `#,##0.00`, `#,##0.00"%"` (a number of per cent: 12,50% for 12.5, not multiplied by 100),
    /// `#,##0.00" €"`.
    public static func grouped(fractionDigits: Int, suffix: String = "") -> NumberFormat {
        var code = "#,##0"
        if fractionDigits > 0 { code += "." + String(repeating: "0", count: fractionDigits) }
        if !suffix.isEmpty { code += "\"" + suffix.replacingOccurrences(of: "\"", with: "") + "\"" }
        return NumberFormat(code: code)
    }
}

/// A cell of a sheet by 0-based row and column, as `WorksheetContent.rows` indexes it.
public struct SheetPosition: Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
