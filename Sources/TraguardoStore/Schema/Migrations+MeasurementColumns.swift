extension Migrations {
    /// 19: measurements in typed columns (`MeasurementColumns`) instead of one JSON record each: an import writes
    /// and `score` reads plain values, and the table is a fraction of its size. Every stored record moves into
    /// the columns exactly: numbers as the text the JSON held (never through a floating-point value), texts
    /// unescaped, the lists (evidence, series) as JSON. The unique key on (Ente, anno, item, periodo) of step 12
    /// is kept; the item's own index is its prefix.
    static let measurementColumns = Migration(version: 19, name: "Rilevazioni in colonne tipizzate") { flavor in
        let realType = flavor == .sqlite ? "REAL" : "DOUBLE PRECISION"
        /// The JSON text of a field (numbers exactly as written), or NULL.
        func raw(_ key: String) -> String {
            switch flavor {
            case .sqlite: "NULLIF(data -> '$.\(key)', 'null')"
            case .postgres: "NULLIF((data::json -> '\(key)')::text, 'null')"
            }
        }
        /// A string field, unescaped.
        func text(_ key: String) -> String {
            switch flavor {
            case .sqlite: "(data ->> '$.\(key)')"
            case .postgres: "(data::json ->> '\(key)')"
            }
        }
        func nested(_ key: String, _ inner: String) -> String {
            switch flavor {
            case .sqlite: "(data ->> '$.\(key).\(inner)')"
            case .postgres: "(data::json -> '\(key)' ->> '\(inner)')"
            }
        }
        func nestedRaw(_ key: String, _ inner: String) -> String {
            switch flavor {
            case .sqlite: "NULLIF(data -> '$.\(key).\(inner)', 'null')"
            case .postgres: "NULLIF((data::json -> '\(key)' -> '\(inner)')::text, 'null')"
            }
        }
        /// true and false as 1 and 0 (SQLite's `->>` gives them as 1 and 0 already).
        func flag(_ key: String) -> String {
            switch flavor {
            case .sqlite: "CASE \(text(key)) WHEN 1 THEN 1 WHEN 0 THEN 0 END"
            case .postgres: "CASE \(text(key)) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END"
            }
        }
        let evidence = flavor == .sqlite
            ? "CASE WHEN json_array_length(data, '$.evidence') > 0 THEN data -> '$.evidence' END"
            : """
              CASE WHEN json_typeof(data::json -> 'evidence') = 'array' THEN
                CASE WHEN json_array_length(data::json -> 'evidence') > 0 THEN (data::json -> 'evidence')::text END END
              """
        let recordedAt = flavor == .sqlite ? "(data ->> '$.recordedAt')" : "(data::json ->> 'recordedAt')::double precision"
        return [
            """
            CREATE TABLE measurements_v19 (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              id TEXT NOT NULL,
              item_id TEXT NOT NULL,
              period_id TEXT NOT NULL,
              position INTEGER NOT NULL,
              value TEXT,
              date TEXT,
              done INTEGER,
              numerator TEXT,
              denominator TEXT,
              text TEXT,
              not_computable_reason TEXT,
              justified_deviation INTEGER NOT NULL,
              justification_note TEXT,
              override_score TEXT,
              override_reason TEXT,
              override_approved_by TEXT,
              narrative TEXT,
              evidence TEXT,
              author TEXT,
              recorded_at \(realType),
              provenance_source TEXT,
              provenance_lines TEXT,
              series TEXT,
              PRIMARY KEY (entity_code, year, id),
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED,
              FOREIGN KEY (entity_code, year, item_id) REFERENCES measured_items (entity_code, year, id) DEFERRABLE INITIALLY DEFERRED,
              FOREIGN KEY (entity_code, year, period_id) REFERENCES periods (entity_code, year, id) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            """
            INSERT INTO measurements_v19 (\(MeasurementColumns.names.joined(separator: ", ")))
            SELECT entity_code, year, id, item_id, period_id, position,
              \(raw("value")), \(text("date")), \(flag("done")), \(raw("numerator")), \(raw("denominator")), \(text("text")),
              \(text("notComputableReason")), COALESCE(\(flag("justifiedDeviation")), 0), \(text("justificationNote")),
              \(nestedRaw("override", "score")), \(nested("override", "reason")), \(nested("override", "approvedBy")),
              \(text("narrative")), \(evidence), \(text("author")), \(recordedAt),
              \(nested("provenance", "source")), \(nested("provenance", "lines")), \(raw("series"))
            FROM measurements
            """,
        ] + (flavor == .postgres ? [
            // The copied rows' foreign keys checked now: PostgreSQL renames and indexes no table with checks pending.
            "SET CONSTRAINTS ALL IMMEDIATE",
        ] : []) + [
            "DROP TABLE measurements",
            "ALTER TABLE measurements_v19 RENAME TO measurements",
        ] + (flavor == .postgres ? ["ALTER INDEX measurements_v19_pkey RENAME TO measurements_pkey"] : []) + [
            "CREATE UNIQUE INDEX measurements_item_period_key ON measurements (entity_code, year, item_id, period_id)",
            "CREATE INDEX measurements_period_id_idx ON measurements (entity_code, year, period_id)",
        ] + (flavor == .postgres ? ["SET CONSTRAINTS ALL DEFERRED"] : [])
    }
}
