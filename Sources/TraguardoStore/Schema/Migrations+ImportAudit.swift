extension Migrations {
    /// 24: a measurement inserted by an import names the import's «importazione» row of the registro (file, SHA-256,
    /// who, when) in `import_id` instead of having a registro row of its own: the registro shows it as an
    /// «inserimento» of that import (`AuditWriter`), its values rebuilt from the row and the changes written since.
    /// Every later change or deletion still writes its own row with the «before» (a deletion first turns the row's
    /// «inserimento» into a row of its own: `AuditWriter.keepInsertions`). The partial index serves the
    /// registro's newest-first reading (rows written by hand or by a plan file have no `import_id` and no entry).
    static let importAudit = Migration(version: 24, name: "Rilevazioni inserite da un import: una riga di registro per file") { _ in
        [
            "ALTER TABLE measurements ADD COLUMN import_id BIGINT",
            "CREATE INDEX measurements_import_idx ON measurements (import_id) WHERE import_id IS NOT NULL",
        ]
    }
}
