/// A data validation of type list: the cells of one column, from `firstRow` (0-based) to the sheet's end, take
/// one of the values of `source`, a range of cells (`Elenchi!$A$2:$A$9`) that Excel shows as a drop-down list.
/// A value outside the list is refused with `message`.
public struct ListValidation: Sendable, Equatable {
    public var column: Int
    public var firstRow: Int
    /// A formula naming the cells that hold the values, without the leading `=`.
    public var source: String
    public var message: String?

    public init(column: Int, firstRow: Int, source: String, message: String? = nil) {
        self.column = column
        self.firstRow = firstRow
        self.source = source
        self.message = message
    }

    /// The range formula of `count` values in one column of a sheet, from `firstRow` (0-based).
    public static func range(sheet: String, column: Int, firstRow: Int, count: Int) -> String {
        let letters = CellReference.letters(ofColumn: column)
        let quoted = "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
        return "\(quoted)!$\(letters)$\(firstRow + 1):$\(letters)$\(firstRow + max(count, 1))"
    }
}
