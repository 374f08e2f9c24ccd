extension Migrations {
    /// 25: on PostgreSQL a measurement no longer has its own foreign key to `cycles`. The one to `measured_items`
    /// (and the one to `periods`) names the same `(entity_code, year)`, and both those tables reference `cycles`, so
    /// the cycle is implied: a measurement of a missing Ente-year is still refused, because its item is missing. The
    /// key cost a third of the checks PostgreSQL runs at COMMIT, one query per row an import wrote. The index on
    /// `(entity_code, year, period_id)` goes too: it served only the check that a deleted period has no measurement,
    /// which PostgreSQL answers as well from the `(entity_code, year, …)` prefix of the item-and-period key (the
    /// Ente-year's rows), while every insert paid for it (a fifth of an import's COPY).
    ///
    /// SQLite keeps the key: dropping a foreign key there means rebuilding the whole table (every measurement copied,
    /// on a national database millions), and SQLite checks a key at each insert with one probe of the primary key of
    /// `cycles`, not with a query at COMMIT; and without the period's index SQLite would check a deleted period
    /// against every measurement of every Ente-year. The step only records its version there.
    static let measurementKeys = Migration(version: 25, name: "Rilevazioni: il ciclo controllato attraverso l'item, senza indice del periodo (PostgreSQL)") { flavor in
        guard flavor == .postgres else { return [] }
        return [
            // PostgreSQL changes no table with checks pending (rows written by an earlier step of this run).
            "SET CONSTRAINTS ALL IMMEDIATE",
            """
            DO $$
            DECLARE key text;
            BEGIN
              FOR key IN SELECT conname FROM pg_constraint
                WHERE conrelid = 'measurements'::regclass AND confrelid = 'cycles'::regclass AND contype = 'f'
              LOOP
                EXECUTE format('ALTER TABLE measurements DROP CONSTRAINT %I', key);
              END LOOP;
            END $$
            """,
            "DROP INDEX measurements_period_id_idx",
            "SET CONSTRAINTS ALL DEFERRED",
        ]
    }
}
