extension Migrations {
    /// 15: the year's workflow. Validations become a history bound to what they judged (a fingerprint and the
    /// score), the earlier ones copied over without a fingerprint; the submission of each office's values per
    /// period (`bozza → inviato → verificato → validato`, `rinviato`) and the history of its transitions.
    static let workflow = Migration(version: 15, name: "Calendario dell'anno: invii, verifiche e validazioni con la loro storia") { flavor in
        [
            """
            CREATE TABLE result_validations (
              \(DDL.autoIncrementKey(flavor)),
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              period_code TEXT NOT NULL,
              element_id TEXT NOT NULL,
              validated_by TEXT NOT NULL,
              at TEXT NOT NULL,
              note TEXT,
              fingerprint TEXT,
              score TEXT,
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            """
            INSERT INTO result_validations (entity_code, year, period_code, element_id, validated_by, at, note)
            SELECT entity_code, year, period_code, element_id, validated_by, at, note FROM validations
            ORDER BY at, period_code, element_id
            """,
            "DROP TABLE validations",
            "CREATE INDEX result_validations_cycle_idx ON result_validations (entity_code, year, element_id)",
            """
            CREATE TABLE office_submissions (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              unit_id TEXT NOT NULL,
              period_code TEXT NOT NULL,
              state TEXT NOT NULL,
              fingerprint TEXT,
              submitted_by TEXT,
              verified_by TEXT,
              reason TEXT,
              updated_at TEXT NOT NULL,
              PRIMARY KEY (entity_code, year, unit_id, period_code),
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            """
            CREATE TABLE submission_events (
              \(DDL.autoIncrementKey(flavor)),
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              unit_id TEXT NOT NULL,
              period_code TEXT NOT NULL,
              at TEXT NOT NULL,
              actor TEXT NOT NULL,
              from_state TEXT NOT NULL,
              to_state TEXT NOT NULL,
              reason TEXT,
              fingerprint TEXT,
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            "CREATE INDEX submission_events_idx ON submission_events (entity_code, year, unit_id, period_code, id)",
        ]
    }
}
