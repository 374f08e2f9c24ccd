import Foundation

/// Where a piece of data comes from: a seed document and its lines, an import file and row,
/// or a person's entry. Shown by `traguardo explain` beside every number.
public struct Provenance: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The source document or file, e.g. `seeds/001_085c85124fd8c90e.txt` or `scheda-ragioneria.xlsx`.
    public var source: String
    /// The line or lines in the source, e.g. `750-756`; for spreadsheets the row.
    public var lines: String?

    public init(source: String, lines: String? = nil) {
        self.source = source
        self.lines = lines
    }

    public var description: String {
        if let lines { return "\(source), righe \(lines)" }
        return source
    }
}
