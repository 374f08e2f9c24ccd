/// A spreadsheet, CSV or Office (DOCX) file that cannot be read or written: which file, which row when known, and why (in Italian).
public struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name (last path component), as a person recognises it.
    public var file: String
    public var row: Int?
    public var message: String

    public init(file: String, row: Int? = nil, message: String) {
        self.file = file
        self.row = row
        self.message = message
    }

    public var description: String {
        if let row { return "\(file) riga \(row): \(message)" }
        return "\(file): \(message)"
    }
}
