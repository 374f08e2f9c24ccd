import SQLKit

/// The SQL dialect a backend speaks, where the schema has to say things differently.
public enum SQLFlavor: String, Sendable {
    case sqlite
    case postgres
}

/// One open database: SQLite file or PostgreSQL pool. The store runs every statement through it.
protocol DatabaseBackend: Sendable {
    var flavor: SQLFlavor { get }
    var location: DatabaseLocation { get }
    /// Runs `body` on one connection (one session), so that a transaction stays on it.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func close() async
}

extension DatabaseBackend {
    /// Runs `body` in a transaction: everything it writes is committed together, or nothing is.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let begin = flavor == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        return try await withConnection { db in
            try await db.raw(SQLQueryString(begin)).run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
