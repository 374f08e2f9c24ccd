import Foundation
import SQLKit
@_spi(Testing) import TraguardoStore

/// The two databases every store test runs on.
public enum TestBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }
}

/// A fresh, empty database of one backend, deleted afterwards.
public struct TestDatabase: Sendable {
    public let backend: TestBackend
    /// What `--database` would be given: a file path or a `postgres://` URL.
    public let argument: String
    public let location: DatabaseLocation
    private let folder: URL?
    private let adminURL: String?
    private let databaseName: String?

    /// A new database. Without a PostgreSQL server the running test (or, parameterised, its PostgreSQL case)
    /// is skipped with the reason; under CI that is a failure.
    public static func make(_ backend: TestBackend) async throws -> TestDatabase {
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("traguardo-test-\(UUID().uuidString.prefix(12))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("traguardo.sqlite").path
            return TestDatabase(
                backend: backend, argument: path, location: .sqlite(path: path), folder: folder, adminURL: nil,
                databaseName: nil)
        case .postgres:
            switch TestPostgres.availability {
            case .unavailable(let reason):
                try TestEnvironment.missing("PostgreSQL", install: reason)
            case .running(let adminURL):
                let name = "traguardo_test_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
                try await Self.admin(adminURL, "CREATE DATABASE \(name)")
                var address = try PostgresAddress(url: adminURL)
                address.database = name
                let url = Self.url(address)
                return TestDatabase(
                    backend: backend, argument: url, location: .postgres(address), folder: nil, adminURL: adminURL,
                    databaseName: name)
            }
        }
    }

    /// The folder the SQLite file lives in (nil on PostgreSQL).
    public var sqliteFolder: URL? { folder }

    /// Opens the store on it (migrating, unless told otherwise).
    public func open(migrate: Bool = true, clock: @escaping @Sendable () -> Date = { Date() }) async throws -> Store {
        try await Store.open(location, migrate: migrate, clock: clock)
    }

    /// Removes the database.
    public func drop() async {
        if let folder { try? FileManager.default.removeItem(at: folder) }
        if let adminURL, let databaseName {
            try? await Self.admin(adminURL, "DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)")
        }
    }

    /// Runs one statement of SQL on the store's own connection, for tests that have to damage or inspect it.
    public static func raw(_ sql: String, on store: Store) async throws {
        try await store.withRawConnection { db in try await db.raw(SQLQueryString(sql)).run() }
    }

    /// Every row of every table, as sorted text: equal before and after means the database did not change.
    public static func dump(_ store: Store) async throws -> String {
        try await store.withRawConnection { db in
            let tablesSQL = store.flavor == .postgres
                ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            var out: [String] = []
            for table in try await db.raw(SQLQueryString(tablesSQL)).all().map({ try $0.decode(column: "name", as: String.self) }) {
                let rows = try await db.raw(SQLQueryString("SELECT * FROM \(table)")).all()
                let lines = rows.map { row in
                    row.allColumns.sorted().map { column -> String in
                        if (try? row.decodeNil(column: column)) == true { return "\(column)=NULL" }
                        if let text = try? row.decode(column: column, as: String.self) { return "\(column)=\(text)" }
                        if let number = try? row.decode(column: column, as: Int64.self) { return "\(column)=\(number)" }
                        return "\(column)=?"
                    }.joined(separator: "|")
                }
                out.append("## \(table) (\(rows.count))")
                out += lines.sorted()
            }
            return out.joined(separator: "\n")
        }
    }

    private static func admin(_ url: String, _ sql: String) async throws {
        let store = try await Store.open(.postgres(try PostgresAddress(url: url)), migrate: false)
        do {
            try await raw(sql, on: store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    private static func url(_ address: PostgresAddress) -> String {
        let password = address.password.map { ":\($0)" } ?? ""
        return "postgres://\(address.username)\(password)@\(address.host):\(address.port)/\(address.database ?? "")"
    }
}

/// Runs `body` on a fresh database of `backend` and removes it afterwards. Without a PostgreSQL server the
/// test is skipped outside CI, and fails under CI (`TestDatabase.make`).
public func withTestDatabase(
    _ backend: TestBackend, _ body: (TestDatabase) async throws -> Void
) async throws {
    let database = try await TestDatabase.make(backend)
    do {
        try await body(database)
    } catch {
        await database.drop()
        throw error
    }
    await database.drop()
}

/// Runs `body` on an open store over a fresh database of `backend`.
public func withTestStore(
    _ backend: TestBackend, clock: @escaping @Sendable () -> Date = { Date() }, _ body: (Store) async throws -> Void
) async throws {
    try await withTestDatabase(backend) { database in
        let store = try await database.open(clock: clock)
        do {
            try await body(store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
