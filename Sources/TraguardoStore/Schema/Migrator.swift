import Foundation
import SQLKit

/// Brings a database to the schema this build knows, one step at a time, each step with its row in
/// `traguardo_schema`. On PostgreSQL an advisory lock makes concurrent server starts take turns.
struct Migrator: Sendable {
    static let versionTable = "traguardo_schema"
    /// Any number, the same in every instance: the key of PostgreSQL's advisory lock.
    private static let advisoryLockKey = 74_726_175_617

    let backend: any DatabaseBackend
    var migrations: [Migration] = Migrations.all

    /// The version the database is at (0 for a new one). Only reads: it never waits for a writer.
    func currentVersion() async throws -> Int {
        let flavor = backend.flavor
        return try await backend.withReader { db in try await Self.readVersionIfAny(db, flavor: flavor) }
    }

    /// Applies every missing step up to `target` (default: all), in one transaction, and returns them.
    /// The version is read first without any lock: a database already up to date (every start but the first
    /// after an upgrade) takes no write lock, so opening it never waits for a long import. Otherwise the
    /// transaction takes the lock and reads the version again (another process may have migrated meanwhile).
    @discardableResult
    func migrate(upTo target: Int? = nil, now: Date = Date()) async throws -> [Migration] {
        let known = migrations.map(\.version).max() ?? 0
        let goal = target ?? known
        let steps = migrations
        let flavor = backend.flavor
        let location = backend.location.description
        let seen = try await currentVersion()
        if seen > known {
            throw StoreError.newerSchema(location: location, found: seen, known: known)
        }
        if !steps.contains(where: { $0.version > seen && $0.version <= goal }) {
            return []
        }
        return try await backend.transaction { db in
            if flavor == .postgres {
                try await db.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(Self.advisoryLockKey)))").run()
            }
            try await Self.ensureVersionTable(db)
            let current = try await Self.readVersion(db)
            if current > known {
                throw StoreError.newerSchema(location: location, found: current, known: known)
            }
            let pending = steps.filter { $0.version > current && $0.version <= goal }.sorted { $0.version < $1.version }
            for step in pending {
                for statement in step.statements(flavor) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.insert(into: Self.versionTable)
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(step.version), SQLBind(step.name), SQLBind(Timestamp.format(now)))
                    .run()
            }
            return pending
        }
    }

    /// The version, or 0 when the version table is not there yet; reads only.
    static func readVersionIfAny(_ db: any SQLDatabase, flavor: SQLFlavor) async throws -> Int {
        let exists = flavor == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '\(versionTable)'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '\(versionTable)'"
        guard try await db.raw(SQLQueryString(exists)).first() != nil else { return 0 }
        return try await readVersion(db)
    }

    private static func ensureVersionTable(_ db: any SQLDatabase) async throws {
        try await db.raw("""
            CREATE TABLE IF NOT EXISTS traguardo_schema (
              version INTEGER NOT NULL PRIMARY KEY,
              name TEXT NOT NULL,
              applied_at TEXT NOT NULL
            )
            """).run()
    }

    private static func readVersion(_ db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw("SELECT MAX(version) AS version FROM traguardo_schema").first()
        return try row?.decodeNil(column: "version") == false ? try row!.decode(column: "version", as: Int.self) : 0
    }
}

/// Times as text in UTC, ISO 8601 with milliseconds: identical on both databases and sortable.
enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func format(_ date: Date) -> String { date.formatted(style) }

    static func parse(_ text: String) -> Date? { try? style.parse(text) }
}
