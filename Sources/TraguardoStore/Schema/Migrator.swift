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

    /// The version the database is at (0 for a new one).
    func currentVersion() async throws -> Int {
        try await backend.withConnection { db in
            try await Self.ensureVersionTable(db)
            return try await Self.readVersion(db)
        }
    }

    /// Applies every missing step up to `target` (default: all), in one transaction.
    /// Returns the steps applied.
    @discardableResult
    func migrate(upTo target: Int? = nil, now: Date = Date()) async throws -> [Migration] {
        let known = migrations.map(\.version).max() ?? 0
        let goal = target ?? known
        let steps = migrations
        let flavor = backend.flavor
        let location = backend.location.description
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
