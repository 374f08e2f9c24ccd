/// One step of the schema. Steps are never edited once released: a change is a new step.
struct Migration: Sendable {
    var version: Int
    /// What the step does, in Italian (shown by `traguardo migrate`).
    var name: String
    var statements: @Sendable (SQLFlavor) -> [String]
}

/// The DDL pieces the steps share. They are part of the released steps, so they change only by adding.
enum DDL {
    /// A table of records of an Ente-year: cycle, id, one column per reference, the position of the
    /// record in its list (the plan's order), the record as JSON.
    /// Every reference is a foreign key checked at commit, so a plan can be written in any order.
    static func recordTable(_ name: String, references: [(column: String, table: String)] = []) -> String {
        var lines = [
            "entity_code TEXT NOT NULL",
            "year INTEGER NOT NULL",
            "id TEXT NOT NULL",
        ]
        lines += references.map { "\($0.column) TEXT" }
        lines.append("position INTEGER NOT NULL")
        lines.append("data TEXT NOT NULL")
        lines.append("PRIMARY KEY (entity_code, year, id)")
        lines.append("FOREIGN KEY (entity_code, year) REFERENCES cycles (entity_code, year) DEFERRABLE INITIALLY DEFERRED")
        for reference in references {
            lines.append(
                "FOREIGN KEY (entity_code, year, \(reference.column)) REFERENCES \(reference.table) (entity_code, year, id) "
                    + "DEFERRABLE INITIALLY DEFERRED")
        }
        return "CREATE TABLE \(name) (\n  " + lines.joined(separator: ",\n  ") + "\n)"
    }

    /// An index on each reference column, so that looking up children and checking deletes is fast.
    static func referenceIndexes(_ name: String, references: [(column: String, table: String)]) -> [String] {
        references.map {
            "CREATE INDEX \(name)_\($0.column)_idx ON \(name) (entity_code, year, \($0.column))"
        }
    }

    static func autoIncrementKey(_ flavor: SQLFlavor) -> String {
        switch flavor {
        case .sqlite: "id INTEGER PRIMARY KEY AUTOINCREMENT"
        case .postgres: "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        }
    }

    /// A column of bytes: `BLOB` on SQLite, `BYTEA` on PostgreSQL.
    static func binaryType(_ flavor: SQLFlavor) -> String {
        switch flavor {
        case .sqlite: "BLOB"
        case .postgres: "BYTEA"
        }
    }
}
