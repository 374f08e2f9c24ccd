import SQLKit

/// How much is stored, without loading it: what `traguardo status` and the cruscotto list.
extension Store {
    /// For every Ente-year, the number of records per table (only tables with records).
    public func recordCounts() async throws(StoreError) -> [CycleScope: [String: Int]] {
        try await read { db in
            var counts: [CycleScope: [String: Int]] = [:]
            for table in StoredRecords.tables {
                let rows = try await db.raw("""
                    SELECT entity_code, year, COUNT(*) AS n FROM \(ident: table.name) GROUP BY entity_code, year
                    """).all()
                for row in rows {
                    let scope = CycleScope(
                        entityCode: try row.decode(column: "entity_code", as: String.self),
                        year: try row.decode(column: "year", as: Int.self))
                    counts[scope, default: [:]][table.name] = try row.decode(column: "n", as: Int.self)
                }
            }
            return counts
        }
    }
}
