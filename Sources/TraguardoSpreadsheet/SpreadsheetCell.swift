import Foundation
import TraguardoCore

/// One cell's value as a spreadsheet stores it, without any meaning attached.
public enum SpreadsheetCell: Sendable, Equatable {
    case empty
    case text(String)
    case number(Decimal)
    /// A numeric cell whose style is a date format, converted from the serial day number.
    case date(CivilDate)
    case boolean(Bool)
    /// An error value as found in the file: `#DIV/0!`, `#REF!`, `#RIF!`, `#N/A`, …
    case error(String)

    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }
}
