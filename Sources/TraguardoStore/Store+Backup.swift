import Foundation
import SQLKit

/// The two kinds of backup `traguardo backup` writes.
public enum BackupFormat: String, Sendable, CaseIterable {
    /// A copy of the SQLite file (`VACUUM INTO`): opened as it is with `--database`; only from SQLite.
    case sqlite
    /// Traguardo's own JSON lines (``PortableBackup``): from and to either database.
    case portable = "portabile"
}

public struct BackupSummary: Sendable {
    public var format: BackupFormat
    public var schemaVersion: Int
    /// Rows written (portable backups; a SQLite copy is the file).
    public var rows: Int?
    public var bytes: Int64
}

public struct RestoreSummary: Sendable {
    public var schemaVersion: Int
    public var rows: Int
    /// The tables that held data and were emptied first (`--replace`).
    public var replaced: [String]
}

extension Store {
    /// Writes a consistent copy of the whole database, as it was at one moment, to `url`: the file is replaced
    /// whole, or left as it was. Only reads: writers go on meanwhile (what they commit later is not in it).
    public func backup(to url: URL, format: BackupFormat? = nil, now: Date = Date()) async throws(StoreError) -> BackupSummary {
        let format = format ?? (flavor == .sqlite ? .sqlite : .portable)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let version: Int
        var rows: Int?
        switch format {
        case .sqlite:
            guard flavor == .sqlite else {
                throw .cannotWriteFile(path: url.path, reason: "la copia in formato SQLite si fa da un database SQLite; da PostgreSQL usare il formato portabile")
            }
            version = try await schemaVersion()
            // An online, consistent copy, made from the reading connection: it never waits for a writer.
            // (That connection refuses writes; VACUUM INTO writes only the new file, but needs the refusal lifted.)
            try await translating {
                try await backend.withReader { db in
                    try await db.raw("PRAGMA query_only = OFF").run()
                    do {
                        try await db.raw("VACUUM INTO \(bind: temporary.path)").run()
                    } catch {
                        try await db.raw("PRAGMA query_only = ON").run()
                        throw error
                    }
                    try await db.raw("PRAGMA query_only = ON").run()
                }
            }
        case .portable:
            (version, rows) = try await writePortable(to: temporary, now: now)
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw .cannotWriteFile(path: url.path, reason: String(cString: strerror(errno)))
        }
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value ?? 0
        return BackupSummary(format: format, schemaVersion: version, rows: rows, bytes: bytes)
    }

    /// Every table but the schema's own, read in one snapshot (one read transaction).
    private func writePortable(to url: URL, now: Date) async throws(StoreError) -> (Int, Int) {
        let flavor = flavor
        let source = flavor.rawValue
        let created = Timestamp.format(now)
        return try await translating {
            try await backend.withReader { db in
                try await db.raw(flavor == .sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
                do {
                    let version = try await Migrator.readVersionIfAny(db, flavor: flavor)
                    let writer: PortableBackupWriter
                    do {
                        writer = try PortableBackupWriter(
                            creating: url, header: .init(format: PortableBackup.format, schema: version, source: source, created: created))
                    } catch {
                        throw StoreError.cannotWriteFile(path: url.path, reason: error.localizedDescription)
                    }
                    do {
                        for table in try await SchemaCatalog.tables(db, flavor: flavor) where table.name != Migrator.versionTable {
                            try writer.startTable(table)
                            try await Self.forEachPage(of: table, on: db, flavor: flavor) { rows in
                                for row in rows { try writer.row(row) }
                            }
                        }
                        try writer.finish()
                    } catch {
                        writer.abandon()
                        throw error
                    }
                    try await db.raw("COMMIT").run()
                    return (version, writer.rows)
                } catch {
                    try? await db.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }

    /// The rows of `table` in pages (keyset on SQLite's rowid or PostgreSQL's ctid: never the whole table at once).
    static func forEachPage(
        of table: CatalogTable, on db: any SQLDatabase, flavor: SQLFlavor, size: Int = 1000,
        _ body: ([[BackupValue]]) async throws -> Void
    ) async throws {
        let columns = table.columns.map(SchemaCatalog.quoted).joined(separator: ", ")
        let name = SchemaCatalog.quoted(table.name)
        var lastRowID = Int64.min
        var lastTID = "(0,0)"
        while true {
            let query: SQLQueryString = flavor == .sqlite
                ? "SELECT rowid AS traguardo_key, \(unsafeRaw: columns) FROM \(unsafeRaw: name) WHERE rowid > \(bind: lastRowID) ORDER BY rowid LIMIT \(unsafeRaw: String(size))"
                : "SELECT ctid::text AS traguardo_key, \(unsafeRaw: columns) FROM \(unsafeRaw: name) WHERE ctid > \(bind: lastTID)::tid ORDER BY ctid LIMIT \(unsafeRaw: String(size))"
            let rows = try await db.raw(query).all()
            guard let last = rows.last else { return }
            try await body(try rows.map { row in
                try zip(table.columns, table.kinds).map { try BackupValue(row, column: $0.0, kind: $0.1) }
            })
            if flavor == .sqlite {
                lastRowID = try last.decode(column: "traguardo_key", as: Int64.self)
            } else {
                lastTID = try last.decode(column: "traguardo_key", as: String.self)
            }
            if rows.count < size { return }
        }
    }

    /// Puts the content of a backup (a SQLite copy or a portable backup, of either database) into this database,
    /// all of it or nothing. The database must be empty, unless `replace`, which first empties it in the same
    /// transaction. The backup's schema must be this database's (an empty database is brought to it first);
    /// afterwards the caller migrates as usual.
    public func restore(from url: URL, replace: Bool) async throws(StoreError) -> RestoreSummary {
        let source = try await BackupSource.open(url)
        do {
            let summary = try await restore(from: source, path: url.path, replace: replace)
            await source.close()
            return summary
        } catch {
            await source.close()
            throw error
        }
    }

    private func restore(from source: BackupSource, path: String, replace: Bool) async throws(StoreError) -> RestoreSummary {
        let url = URL(fileURLWithPath: path)
        let version = source.schemaVersion
        guard version > 0 else { throw .invalidBackup(path: url.path, line: nil, reason: "non contiene uno schema di Traguardo") }
        guard version <= Store.latestSchemaVersion else {
            throw .invalidBackup(
                path: url.path, line: nil,
                reason: "ha lo schema versione \(version), di un Traguardo più recente (questo conosce fino alla \(Store.latestSchemaVersion)): aggiornare Traguardo")
        }
        var target = try await schemaVersion()
        let filled = try await nonEmptyTables()
        if target < version, filled.isEmpty {
            try await migrate(upTo: version)
            target = version
        }
        guard target == version else {
            throw .backupSchemaMismatch(location: location.description, backup: version, target: target)
        }
        if !filled.isEmpty, !replace { throw .restoreTargetNotEmpty(location: location.description, tables: filled) }
        let flavor = flavor
        let rows = try await translating {
            try await backend.transaction { db in
                try await db.raw(flavor == .sqlite ? "PRAGMA defer_foreign_keys = ON" : "SET CONSTRAINTS ALL DEFERRED").run()
                let tables = try await SchemaCatalog.tables(db, flavor: flavor).filter { $0.name != Migrator.versionTable }
                let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
                let now = try await Self.nonEmptyTables(tables, on: db)
                if !now.isEmpty {
                    guard replace else { throw StoreError.restoreTargetNotEmpty(location: path, tables: now) }
                    for table in tables.reversed() { try await db.raw("DELETE FROM \(unsafeRaw: SchemaCatalog.quoted(table.name))").run() }
                }
                let rows = try await source.read { name, columns, batch in
                    guard let table = byName[name] else {
                        throw StoreError.invalidBackup(path: path, line: nil, reason: "la tabella «\(name)» non esiste nello schema versione \(version)")
                    }
                    if let unknown = columns.first(where: { !table.columns.contains($0) }) {
                        throw StoreError.invalidBackup(path: path, line: nil, reason: "la tabella «\(name)» non ha la colonna «\(unknown)»")
                    }
                    try await Self.insert(batch, columns: columns, into: table, on: db, flavor: flavor)
                }
                if flavor == .postgres {
                    for table in tables {
                        for column in table.identityColumns {
                            let name = SchemaCatalog.quoted(table.name), quotedColumn = SchemaCatalog.quoted(column)
                            try await db.raw("""
                                SELECT setval(pg_get_serial_sequence(\(bind: table.name), \(bind: column)), \
                                COALESCE((SELECT MAX(\(unsafeRaw: quotedColumn)) FROM \(unsafeRaw: name)), 0) + 1, false)
                                """).run()
                        }
                    }
                }
                return rows
            }
        }
        return RestoreSummary(schemaVersion: version, rows: rows, replaced: replace ? filled : [])
    }

    /// The tables (but the schema's own) that hold at least one row.
    func nonEmptyTables() async throws(StoreError) -> [String] {
        let flavor = flavor
        return try await read { db in
            try await Self.nonEmptyTables(
                try await SchemaCatalog.tables(db, flavor: flavor).filter { $0.name != Migrator.versionTable }, on: db)
        }
    }

    private static func nonEmptyTables(_ tables: [CatalogTable], on db: any SQLDatabase) async throws -> [String] {
        var filled: [String] = []
        for table in tables where try await db.raw("SELECT 1 AS one FROM \(unsafeRaw: SchemaCatalog.quoted(table.name)) LIMIT 1").first() != nil {
            filled.append(table.name)
        }
        return filled
    }

    /// Multi-row INSERTs of at most about 900 parameters each.
    static func insert(
        _ rows: [[BackupValue]], columns: [String], into table: CatalogTable, on db: any SQLDatabase, flavor: SQLFlavor
    ) async throws {
        guard !rows.isEmpty else { return }
        let overriding = flavor == .postgres && columns.contains(where: table.identityColumns.contains) ? " OVERRIDING SYSTEM VALUE" : ""
        let head = SQLRaw(
            "INSERT INTO \(SchemaCatalog.quoted(table.name)) (\(columns.map(SchemaCatalog.quoted).joined(separator: ", ")))\(overriding) VALUES ")
        let perStatement = max(1, 900 / columns.count)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            let values = SQLList(chunk.map { SQLGroupExpression(SQLList($0.map(\.sql))) })
            try await db.execute(sql: SQLList([head, values], separator: SQLRaw(""))) { _ in }
        }
    }
}

/// Where `restore` reads from: a portable backup, or a Traguardo SQLite file (a copy `backup` made).
enum BackupSource: Sendable {
    case portable(PortableBackupReader, version: Int)
    case database(Store, version: Int)

    static func open(_ url: URL) async throws(StoreError) -> BackupSource {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw .invalidBackup(path: url.path, line: nil, reason: "il file non esiste o non è leggibile")
        }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if head == Data("SQLite format 3\0".utf8) {
            let store = try await Store.open(.sqlite(path: url.path), migrate: false)
            do {
                return .database(store, version: try await store.schemaVersion())
            } catch {
                await store.close()
                throw error
            }
        }
        if PortableBackup.looksPortable(head) {
            let reader = PortableBackupReader(url: url)
            return .portable(reader, version: try reader.header().schema)
        }
        throw .invalidBackup(path: url.path, line: nil, reason: "non è né una copia SQLite né un backup portabile (.jsonl) di Traguardo")
    }

    var schemaVersion: Int {
        switch self {
        case .portable(_, let version), .database(_, let version): version
        }
    }

    /// Calls `insert` with each table's name, columns and rows in batches; returns the rows read.
    func read(_ insert: @escaping @Sendable (String, [String], [[BackupValue]]) async throws -> Void) async throws -> Int {
        switch self {
        case .portable(let reader, _):
            var rows = 0
            try await reader.read { table, batch in
                try await insert(table.table, table.columns, batch)
                rows += batch.count
            }
            return rows
        case .database(let store, _):
            return try await store.backend.withReader { db in
                var rows = 0
                for table in try await SchemaCatalog.tables(db, flavor: .sqlite) where table.name != Migrator.versionTable {
                    try await Store.forEachPage(of: table, on: db, flavor: .sqlite) { batch in
                        try await insert(table.name, table.columns, batch)
                        rows += batch.count
                    }
                }
                return rows
            }
        }
    }

    func close() async {
        if case .database(let store, _) = self { await store.close() }
    }
}
