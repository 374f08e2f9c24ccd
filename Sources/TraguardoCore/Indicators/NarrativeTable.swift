import Foundation

/// A table printed inside the narrative of a result (the MuSA events of Lucca 2018, 2E/T3: visits, events and their
/// participants, with a TOTALE row), kept as data with its own values: the checks add up its columns against the
/// printed totals (`NarrativeDataCheck`) and the documents print it under its indicator or procedure.
public struct NarrativeTable: Hashable, Sendable, Codable, Identifiable {
    public struct Row: Hashable, Sendable, Codable {
        public var label: String
        /// One value per column; nil where the cell is empty.
        public var values: [Decimal?]

        public init(label: String, values: [Decimal?]) {
            self.label = label
            self.values = values
        }
    }

    /// `CODICE@ANNO`.
    public var id: String
    public var code: String
    /// The indicator whose narrative holds the table (its id, `2E/T3`), or the procedure (its id).
    public var indicatorID: String?
    public var procedureID: String?
    public var year: Int
    public var title: String
    public var columns: [String]
    public var rows: [Row]
    /// The TOTALE row as printed, one per column (nil: the column has no printed total).
    public var declaredTotals: [Decimal?]
    public var provenance: Provenance?

    public init(
        code: String, indicatorID: String? = nil, procedureID: String? = nil, year: Int, title: String, columns: [String],
        rows: [Row], declaredTotals: [Decimal?] = [], provenance: Provenance? = nil
    ) {
        self.id = "\(code)@\(year)"
        self.code = code
        self.indicatorID = indicatorID
        self.procedureID = procedureID
        self.year = year
        self.title = title
        self.columns = columns
        self.rows = rows
        self.declaredTotals = declaredTotals
        self.provenance = provenance
    }

    /// The sum of each column's values (nil for a column without values).
    public var totals: [Decimal?] {
        columns.indices.map { column in
            let values = rows.compactMap { $0.values.indices.contains(column) ? $0.values[column] : nil }
            return values.isEmpty ? nil : values.reduce(0, +)
        }
    }
}
