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
    /// Runs `body` on one connection (one session) that may write; on SQLite the one writing connection,
    /// one caller at a time.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body`, which only reads, on a connection that never waits for a writer (SQLite: a connection of
    /// its own, which sees the last committed state while another connection or process writes).
    func withReader<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` in a transaction: everything it writes is committed together, or nothing is.
    /// On SQLite the transaction holds the file's write lock; it waits in line for it (``WriterWait``).
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func close() async
}
