extension Migrations {
    /// 23: on PostgreSQL, the number of changes of each Ente-year (`change_counters`), kept by a trigger on the
    /// registro: every statement that adds rows to `audit_log` adds their count in the same transaction. The
    /// change marker then reads one row per year instead of counting the year's whole registro on every page
    /// request. The counter's row is locked until the writing transaction ends, so two writers of the same
    /// Ente-year count in the order of their commits (see `ChangeMarker`). SQLite needs no counter (one writer:
    /// the last change's number is enough) and gets nothing. The table is derived data: backups leave it out
    /// (`SchemaCatalog.derivedTables`) and the trigger fills it again as the registro is restored.
    static let changeCounters = Migration(version: 23, name: "Contatori delle modifiche di ogni Ente-anno (PostgreSQL)") { flavor in
        guard flavor == .postgres else { return [] }
        return [
            """
            CREATE TABLE change_counters (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              changes BIGINT NOT NULL,
              PRIMARY KEY (entity_code, year)
            )
            """,
            """
            INSERT INTO change_counters (entity_code, year, changes)
            SELECT entity_code, year, COUNT(*) FROM audit_log
            WHERE entity_code IS NOT NULL AND year IS NOT NULL GROUP BY entity_code, year
            """,
            """
            CREATE FUNCTION traguardo_count_changes() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO change_counters AS k (entity_code, year, changes)
              SELECT entity_code, year, COUNT(*) FROM added
              WHERE entity_code IS NOT NULL AND year IS NOT NULL
              GROUP BY entity_code, year ORDER BY entity_code, year
              ON CONFLICT (entity_code, year) DO UPDATE SET changes = k.changes + EXCLUDED.changes;
              RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER audit_log_counts_changes AFTER INSERT ON audit_log
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION traguardo_count_changes()
            """,
        ]
    }
}
