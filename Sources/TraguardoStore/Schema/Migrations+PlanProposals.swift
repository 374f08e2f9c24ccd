extension Migrations {
    /// 20: the changes dirigenti propose to their own area of the plan (`PlanProposal`): the edit with who, when,
    /// the plan's fingerprint it was made on and a note (JSON in `data`), its state and the controller's decision.
    static let planProposals = Migration(version: 20, name: "Proposte di modifica del piano dei dirigenti") { flavor in
        [
            """
            CREATE TABLE plan_proposals (
              \(DDL.autoIncrementKey(flavor)),
              entity_code TEXT NOT NULL,
              year INTEGER NOT NULL,
              status TEXT NOT NULL,
              proposed_by TEXT NOT NULL,
              proposed_at TEXT NOT NULL,
              data TEXT NOT NULL,
              FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            "CREATE INDEX plan_proposals_cycle_idx ON plan_proposals (entity_code, year, status, id)",
        ]
    }
}
