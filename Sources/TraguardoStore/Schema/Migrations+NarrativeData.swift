import SQLKit

extension Migrations {
    /// 22: the tables and sub-indicators written inside the narratives of results, kept as data with their own values
    /// (`NarrativeTable`, `SubIndicator`), one record per table or sub-indicator and year.
    static let narrativeData = Migration(version: 22, name: "Tabelle e sotto-indicatori delle narrative") { _ in
        [
            DDL.recordTable("narrative_tables"),
            DDL.recordTable("sub_indicators"),
        ]
    }
}

extension Store {
    /// Whether the schema has the narrative tables (a database opened without migrating, as the migration tests do,
    /// reads and writes its plans without them).
    static func hasNarrativeData(on db: any SQLDatabase) async throws -> Bool {
        let row = try await db.raw("SELECT MAX(version) AS version FROM traguardo_schema").first()
        guard let row, try row.decodeNil(column: "version") == false else { return false }
        return try row.decode(column: "version", as: Int.self) >= Migrations.narrativeData.version
    }
}
