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
        let flavor = flavor
        return try await withConnection { db in
            try await Self.begin(begin, flavor: flavor, on: db)
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

    /// Starts the transaction. On SQLite another connection to the file may hold the write lock:
    /// wait for it (nothing has been done yet, so trying again is safe).
    private static func begin(_ statement: String, flavor: SQLFlavor, on db: any SQLDatabase) async throws {
        if flavor == .sqlite {
            try await whileBusy { try await db.raw(SQLQueryString(statement)).run() }
        } else {
            try await db.raw(SQLQueryString(statement)).run()
        }
    }
}

/// Runs `body` again while SQLite answers "database is locked" or "busy", sleeping between tries
/// (so no thread is held), for up to about thirty seconds.
func whileBusy(_ body: () async throws -> Void) async throws {
    var attempt = 0
    while true {
        do {
            try await body()
            return
        } catch {
            let text = String(describing: error).lowercased()
            attempt += 1
            guard attempt < 600, text.contains("locked") || text.contains("busy") else { throw error }
            try await Task.sleep(for: .milliseconds(min(5 * attempt, 50)))
        }
    }
}
