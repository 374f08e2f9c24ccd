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

    /// The tables this transaction changed enough, by name.
    static func stale(on db: any SQLDatabase) async throws -> [String] {
        try await db.raw("""
            SELECT s.relname AS name FROM pg_stat_xact_user_tables s JOIN pg_class c ON c.oid = s.relid
            WHERE s.n_tup_ins + s.n_tup_upd + s.n_tup_del >= \(literal: minimumChanges)
              AND s.n_tup_ins + s.n_tup_upd + s.n_tup_del > \(literal: changedShare) * GREATEST(c.reltuples, 0)
            ORDER BY s.relname
            """).all(decodingColumn: "name", as: String.self)
    }

    /// Analyzes the tables `stale(on:)` names, in the open transaction.
    static func refresh(on db: any SQLDatabase) async throws {
        let tables = try await stale(on: db)
        if tables.isEmpty { return }
        try await db.raw("ANALYZE \(idents: tables, joinedBy: ", ")").run()
    }
}
