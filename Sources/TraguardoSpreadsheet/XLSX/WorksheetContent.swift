/// What the writer puts in one sheet.
public struct WorksheetContent: Sendable {
    /// At most 31 characters, none of `[ ] : * ? / \`.
    public var name: String
    public var rows: [[SpreadsheetCell]]
    /// Column widths in characters, index 0 = column A; columns beyond the list keep the default width.
    public var columnWidths: [Double]
    /// The first rows are bold and stay visible (frozen pane) while scrolling.
    public var headerRows: Int
    /// 0-based columns whose cells are stored as text with the `@` format (codes such as `007`):
    /// numbers written there become text, and the whole column keeps the text format for new entries.
    public var textColumns: Set<Int>
    /// How the number cells at these positions are shown (`#,##0.00`); other numbers have the General format.
    public var numberFormats: [SheetPosition: NumberFormat]
    /// Drop-down lists: the cells of these columns below the header take one of a list's values.
    public var listValidations: [ListValidation]

    public init(name: String, rows: [[SpreadsheetCell]], columnWidths: [Double] = [], headerRows: Int = 0,
                textColumns: Set<Int> = [], numberFormats: [SheetPosition: NumberFormat] = [:],
                listValidations: [ListValidation] = []) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.headerRows = headerRows
        self.textColumns = textColumns
        self.numberFormats = numberFormats
        self.listValidations = listValidations
    }
}
