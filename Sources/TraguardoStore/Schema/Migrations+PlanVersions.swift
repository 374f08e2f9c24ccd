extension Migrations {
    /// 18: the versions of each Ente-year's plan: who saved it, when, what kind of change (bozza, approvazione,
    /// variazione, aggiornamento), the act, and the plan as it was (JSON, without measurements and results), so that
    /// two versions can be compared and each element has its history.
    static let planVersions = Migration(version: 18, name: "Versioni del piano: approvazione e variazioni con il loro atto") { _ in
        [
            """
            CREATE TABLE plan_versions (
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              version INTEGER NOT NULL,
              at TEXT NOT NULL,
              actor TEXT NOT NULL,
              kind TEXT NOT NULL,
              act_label TEXT,
              data TEXT NOT NULL,
              PRIMARY KEY (entity_code, year, version),
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
        ]
    }
}
