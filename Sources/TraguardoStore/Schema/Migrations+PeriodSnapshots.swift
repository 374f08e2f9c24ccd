extension Migrations {
    /// 17: the snapshot frozen when a period closes (the whole Ente-year as it stood and its scores, gzip-compressed
    /// JSON, one version per close), and the OIV's sample drawn from a snapshot with its notes.
    static let periodSnapshots = Migration(version: 17, name: "Istantanee dei periodi chiusi e campioni dell'OIV") { flavor in
        [
            """
            CREATE TABLE period_snapshots (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              period_code TEXT NOT NULL,
              version INTEGER NOT NULL,
              frozen_at TEXT NOT NULL,
              frozen_by TEXT NOT NULL,
              plan_fingerprint TEXT NOT NULL,
              data_fingerprint TEXT NOT NULL,
              methodology_name TEXT NOT NULL,
              methodology_version INTEGER,
              size_bytes INTEGER NOT NULL,
              content \(DDL.binaryType(flavor)) NOT NULL,
              PRIMARY KEY (entity_code, year, period_code, version),
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            """
            CREATE TABLE oiv_samples (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              period_code TEXT NOT NULL,
              snapshot_version INTEGER NOT NULL,
              data TEXT NOT NULL,
              PRIMARY KEY (entity_code, year, period_code, snapshot_version),
              FOREIGN KEY (entity_code, year, period_code, snapshot_version)
                REFERENCES period_snapshots (entity_code, year, period_code, version) DEFERRABLE INITIALLY DEFERRED
            )
            """,
        ]
    }
}
