/// One row read from a sheet or a CSV file.
public struct SpreadsheetRow: Sendable, Equatable {
    /// 1-based row number: the `r` attribute of an XLSX row, the record number of a CSV file.
    public var number: Int
    /// Index 0 is column A; columns missing in the file are filled with `.empty`.
    public var cells: [SpreadsheetCell]

    public init(number: Int, cells: [SpreadsheetCell]) {
        self.number = number
        self.cells = cells
    }

    /// The cell at a 0-based column index, `.empty` beyond the last one.
    public subscript(column: Int) -> SpreadsheetCell {
        column >= 0 && column < cells.count ? cells[column] : .empty
    }
}
