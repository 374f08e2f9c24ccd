extension Migrations {
    /// 21: each snapshot of a closed period names the plan version (`plan_versions`) in force when it was frozen.
    /// Snapshots frozen before keep none (they are not rewritten: a snapshot never changes).
    static let snapshotPlanVersion = Migration(version: 21, name: "Versione del piano nelle istantanee dei periodi chiusi") { _ in
        ["ALTER TABLE period_snapshots ADD COLUMN plan_version INTEGER"]
    }
}
