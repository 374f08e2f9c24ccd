import SQLKit

/// PostgreSQL checks the deferred foreign keys at COMMIT, one query per written row, planned with the statistics
/// the referenced tables have at that moment. A table that the transaction filled from (nearly) empty has none that
/// describe it: the planner sees every index of `(entity_code, year, …)` as equally good and may look each row up
/// by the wrong one, reading the whole Ente-year for every row (a plan of 25.000 indicators spent 446 s in its
/// COMMIT; the import of 100.000 measurements after it 7 s in COMMIT when autovacuum had analyzed the plan in the
/// meantime, more than 400 s when it had not). So, just before COMMIT, the tables this transaction changed by a large part of their size
/// are analyzed in the transaction itself (ANALYZE counts the transaction's own rows, and the checks are planned
/// afterwards with the new statistics).
enum FreshStatistics {
    /// A table is analyzed when the transaction inserted, updated or deleted at least this many of its rows…
    static let minimumChanges = 1000
    /// …and more than this share of the rows it had at its last analysis (any, if it was never analyzed).
    static let changedShare = 0.2

    /// The tables this transaction changed enough, by name, each with the columns its indexes use (nil when an
    /// index has an expression, whose statistics only a whole-table ANALYZE gathers).
    static func stale(on db: any SQLDatabase) async throws -> [(table: String, columns: [String]?)] {
        try await db.raw("""
            SELECT s.relname AS name,
              (SELECT CASE WHEN bool_or(0 = ANY(i.indkey::int2[])) THEN NULL
                 ELSE string_agg(DISTINCT a.attname, ',') END
               FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey::int2[])
               WHERE i.indrelid = s.relid) AS indexed
            FROM pg_stat_xact_user_tables s JOIN pg_class c ON c.oid = s.relid
            WHERE s.n_tup_ins + s.n_tup_upd + s.n_tup_del >= \(literal: minimumChanges)
              AND s.n_tup_ins + s.n_tup_upd + s.n_tup_del > \(literal: changedShare) * GREATEST(c.reltuples, 0)
            ORDER BY s.relname
            """).all().map { row in
                (try row.decode(column: "name", as: String.self),
                 try row.decode(column: "indexed", as: String?.self).map { $0.split(separator: ",").map(String.init) })
            }
    }

    /// Analyzes the tables `stale(on:)` names, in the open transaction: only the columns their indexes use, which
    /// are what the checks at COMMIT and the lookups by key are planned on (a measurement's 20 value columns took
    /// half of the ANALYZE of an import).
    static func refresh(on db: any SQLDatabase) async throws {
        let tables = try await stale(on: db)
        if tables.isEmpty { return }
        let targets = tables.map { table, columns in
            columns.map { "\(SchemaCatalog.quoted(table)) (\($0.map { SchemaCatalog.quoted($0) }.joined(separator: ", ")))" }
                ?? SchemaCatalog.quoted(table)
        }
        try await db.raw("ANALYZE \(unsafeRaw: targets.joined(separator: ", "))").run()
    }
}
