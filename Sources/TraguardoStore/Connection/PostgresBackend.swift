import Foundation
import Logging
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL through PostgresNIO's connection pool: the choice when a region or the national
/// system runs on one server, with several Traguardo instances sharing it.
final class PostgresBackend: DatabaseBackend {
    /// The environment variable that sets how long opening waits for the server, in seconds
    /// (`TRAGUARDO_ATTESA_CONNESSIONE=60`: a slow network, or a machine loaded by a whole test suite).
    static let connectTimeoutVariable = "TRAGUARDO_ATTESA_CONNESSIONE"

    /// How long opening waits for the server before it gives up: 10 seconds, or the environment's.
    static var connectTimeoutSeconds: Int {
        ProcessInfo.processInfo.environment[connectTimeoutVariable].flatMap(Int.init).flatMap { $0 >= 1 ? $0 : nil } ?? 10
    }

    let flavor = SQLFlavor.postgres
    let location: DatabaseLocation
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    private init(location: DatabaseLocation, client: PostgresClient, runner: Task<Void, Never>) {
        self.location = location
        self.client = client
        self.runner = runner
    }

    static func open(address: PostgresAddress, logger: Logger) async throws(StoreError) -> PostgresBackend {
        let tls: PostgresClient.Configuration.TLS
        switch address.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.username, password: address.password,
            database: address.database, tls: tls)
        configuration.options.connectTimeout = .seconds(Int64(Self.connectTimeoutSeconds))
        configuration.options.maximumConnections = 10
        // The pool retries refused connections for ever and logs each try; the store gives up after
        // `connectTimeout` instead, with one Italian error.
        var quiet = logger
        quiet.logLevel = .critical
        let client = PostgresClient(configuration: configuration, backgroundLogger: quiet)
        let runner = Task { await client.run() }
        let backend = PostgresBackend(location: .postgres(address), client: client, runner: runner)
        do {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await backend.withConnection { db in try await db.raw("SELECT 1").run() }
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(connectTimeoutSeconds))
                    return false
                }
                let reached = try await group.next() ?? false
                group.cancelAll()
                if !reached {
                    throw StoreError.cannotOpen(
                        location: address.redacted,
                        reason: "il server non risponde entro \(connectTimeoutSeconds) secondi (indirizzo, porta o server spento?)")
                }
            }
        } catch let error as StoreError {
            await backend.close()
            if case .database(let text) = error { throw .cannotOpen(location: address.redacted, reason: text) }
            throw error
        } catch {
            await backend.close()
            throw .cannotOpen(location: address.redacted, reason: describePostgres(error))
        }
        return backend
    }

    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in
                try await BulkCopy.$connection.withValue(connection) { try await body(connection.sql()) }
            }
        } catch let error as PSQLError {
            throw StoreError.database(describePostgres(error))
        }
    }

    /// PostgreSQL reads from a snapshot while others write: any connection of the pool reads.
    func withReader<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection(body)
    }

    /// PostgreSQL locks rows, not the database: writers of different rows do not wait for each other.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection { db in
            try await db.raw("BEGIN").run()
            do {
                let result = try await body(db)
                try await FreshStatistics.refresh(on: db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    func close() async {
        runner.cancel()
        _ = await runner.value
    }
}

/// PostgresNIO hides the server's message behind a generic text; this brings it back.
func describePostgres(_ error: any Error) -> String {
    guard let psql = error as? PSQLError else { return String(describing: error) }
    if let message = psql.serverInfo?[.message] {
        let detail = psql.serverInfo?[.detail].map { " (\($0))" } ?? ""
        return message + detail
    }
    switch psql.code {
    case .connectionError: return "connessione al server non riuscita (indirizzo, porta o server spento?)"
    case .serverClosedConnection: return "il server ha chiuso la connessione"
    default: return String(reflecting: psql)
    }
}
