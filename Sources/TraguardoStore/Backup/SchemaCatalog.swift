import SQLKit

/// What a column holds, as far as a copy of the database needs to know.
enum ColumnKind: String, Sendable, Codable {
    case integer, real, text, bytes, boolean

    /// From the declared type (SQLite) or the data type (PostgreSQL).
    init(declared: String) {
        let type = declared.uppercased()
        if type.contains("BOOL") {
            self = .boolean
        } else if type.contains("INT") {
            self = .integer
        } else if type.contains("BLOB") || type.contains("BYTEA") {
            self = .bytes
        } else if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") {
            self = .real
        } else {
            self = .text
        }
    }
}

/// One table of the schema: its columns in order, and which of them the database numbers itself.
struct CatalogTable: Sendable {
    var name: String
    var columns: [String]
    var kinds: [ColumnKind]
    /// PostgreSQL `GENERATED ALWAYS AS IDENTITY` columns (inserted with `OVERRIDING SYSTEM VALUE`).
    var identityColumns: [String]
}

/// The tables of a Traguardo database, read from the database's own catalog (so that the tables other
/// steps of the schema add are copied too), in an order where every table comes after those it refers to.
enum SchemaCatalog {
    /// Tables computed from others by the database itself (`Migrations.changeCounters`): never copied, they
    /// fill again as the tables they come from are restored.
    static let derivedTables: Set<String> = ["change_counters"]

    static func tables(_ db: any SQLDatabase, flavor: SQLFlavor) async throws -> [CatalogTable] {
        let names: [String]
        var references: [String: Set<String>] = [:]
        switch flavor {
        case .sqlite:
            names = try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                .all().map { try $0.decode(column: "name", as: String.self) }
            for name in names {
                let rows = try await db.raw("SELECT \"table\" AS parent FROM pragma_foreign_key_list(\(bind: name))").all()
                references[name] = Set(try rows.map { try $0.decode(column: "parent", as: String.self) })
            }
        case .postgres:
            names = try await db.raw("""
                SELECT table_name AS name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
                """).all().map { try $0.decode(column: "name", as: String.self) }
            let rows = try await db.raw("""
                SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint c
                JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
                JOIN pg_namespace n ON n.oid = child.relnamespace
                WHERE c.contype = 'f' AND n.nspname = current_schema()
                """).all()
            for row in rows {
                references[try row.decode(column: "child", as: String.self), default: []]
                    .insert(try row.decode(column: "parent", as: String.self))
            }
        }
        var tables: [CatalogTable] = []
        for name in dependencyOrder(names, references: references) where !derivedTables.contains(name) {
            tables.append(try await table(name, db, flavor: flavor))
        }
        return tables
    }

    private static func table(_ name: String, _ db: any SQLDatabase, flavor: SQLFlavor) async throws -> CatalogTable {
        switch flavor {
        case .sqlite:
            let rows = try await db.raw("SELECT name, type FROM pragma_table_info(\(bind: name)) ORDER BY cid").all()
            return CatalogTable(
                name: name, columns: try rows.map { try $0.decode(column: "name", as: String.self) },
                kinds: try rows.map { ColumnKind(declared: try $0.decode(column: "type", as: String.self)) }, identityColumns: [])
        case .postgres:
            let rows = try await db.raw("""
                SELECT column_name AS name, data_type AS type, is_identity AS identity FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: name) ORDER BY ordinal_position
                """).all()
            let columns = try rows.map { try $0.decode(column: "name", as: String.self) }
            return CatalogTable(
                name: name, columns: columns,
                kinds: try rows.map { ColumnKind(declared: try $0.decode(column: "type", as: String.self)) },
                identityColumns: try rows.filter { try $0.decode(column: "identity", as: String.self) == "YES" }
                    .map { try $0.decode(column: "name", as: String.self) })
        }
    }

    /// Parents before children (a table's references to itself do not count); alphabetical among equals.
    static func dependencyOrder(_ names: [String], references: [String: Set<String>]) -> [String] {
        var done: [String] = []
        var remaining = names.sorted()
        while !remaining.isEmpty {
            let ready = remaining.filter { name in
                references[name, default: []].subtracting([name]).allSatisfy { done.contains($0) || !names.contains($0) }
            }
            // A cycle (none in this schema) is broken by taking the first: the foreign keys are checked at commit.
            let next = ready.isEmpty ? [remaining[0]] : ready
            done += next
            remaining.removeAll { next.contains($0) }
        }
        return done
    }

    /// Double quotes around a name read from the catalog.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
