import Foundation
import Logging
import SQLKit
import TraguardoCore

/// The data of every Ente and year, in an SQLite file or a PostgreSQL database.
///
/// Every write runs in a transaction and writes, in the same transaction, one audit row per
/// record it changes: who, when, what, the record before and after. Open it with
/// ``open(_:migrate:logger:)``; close it with ``close()``.
public final class Store: Sendable {
    let backend: any DatabaseBackend
    /// Every time the store takes (audit rows, creation and acknowledgement times, score runs): the tests set it.
    let clock: @Sendable () -> Date
    /// Whether the database is at a schema step before 19, where measurements are JSON records (only a store
    /// opened without migrating: the migration tests write at older steps).
    let measurementsInJSON = LockedFlag()

    public var location: DatabaseLocation { backend.location }
    public var flavor: SQLFlavor { backend.flavor }

    init(backend: any DatabaseBackend, clock: @escaping @Sendable () -> Date) {
        self.backend = backend
        self.clock = clock
    }

    /// Opens the database and, unless `migrate` is false, brings its schema up to date (taking the write lock
    /// only when there is a step to apply). `writerWait`: how long a write waits for another one on an SQLite file.
    /// `readers`: how many connections read an SQLite file side by side (`serverReaders` for `traguardo serve`).
    public static func open(
        _ location: DatabaseLocation, migrate: Bool = true, logger: Logger = Logger(label: "traguardo.store"),
        clock: @escaping @Sendable () -> Date = { Date() }, writerWait: WriterWait = .commandLine, readers: Int = 1
    ) async throws(StoreError) -> Store {
        let backend: any DatabaseBackend
        switch location {
        case .sqlite(let path): backend = try await SQLiteBackend.open(path: path, logger: logger, wait: writerWait, readers: readers)
        case .postgres(let address): backend = try await PostgresBackend.open(address: address, logger: logger)
        }
        let store = Store(backend: backend, clock: clock)
        if !migrate {
            do {
                try await store.noteMeasurementLayout()
            } catch {
                await backend.close()
                throw error
            }
        }
        if migrate {
            do {
                try await store.migrate()
            } catch {
                await backend.close()
                throw error
            }
        }
        return store
    }

    public func close() async {
        await backend.close()
    }

    // MARK: Schema

    /// A step of the schema, as `traguardo migrate` reports it.
    public struct SchemaStep: Hashable, Sendable {
        public var version: Int
        public var name: String
    }

    public static var latestSchemaVersion: Int { Migrations.latestVersion }

    /// The reading connections of a server on an SQLite file (``ReaderPool``); a command reads with one.
    public static var serverReaders: Int { ReaderPool.defaultSize }

    public func schemaVersion() async throws(StoreError) -> Int {
        try await translating { try await Migrator(backend: backend).currentVersion() }
    }

    /// Applies the missing schema steps (up to `version`, or all) and returns them.
    @discardableResult
    public func migrate(upTo version: Int? = nil) async throws(StoreError) -> [SchemaStep] {
        let now = clock()
        let steps = try await translating {
            try await Migrator(backend: backend).migrate(upTo: version, now: now).map {
                SchemaStep(version: $0.version, name: $0.name)
            }
        }
        try await noteMeasurementLayout()
        return steps
    }

    /// Reads whether measurements are still JSON records here (schema before step 19).
    private func noteMeasurementLayout() async throws(StoreError) {
        measurementsInJSON.value = try await schemaVersion() < Migrations.measurementColumns.version
    }

    // MARK: Transactions and errors

    /// Runs `body` in one transaction, then writes its audit rows in the same transaction.
    func write<T: Sendable>(
        actor: String, _ body: @escaping @Sendable (any SQLDatabase, AuditTrail) async throws -> T
    ) async throws(StoreError) -> T {
        let now = clock()
        let json = measurementsInJSON.value
        return try await translating {
            try await backend.transaction { db in
                let trail = AuditTrail(actor: actor, at: now)
                let result = try await MeasurementStorage.$asJSON.withValue(json) { try await body(db, trail) }
                try await AuditWriter.write(await trail.records, actor: actor, at: now, on: db)
                return result
            }
        }
    }

    /// Runs `body`, which only reads, without waiting for any writer (it sees the last committed state).
    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws(StoreError) -> T {
        let json = measurementsInJSON.value
        return try await translating {
            try await backend.withReader { db in try await MeasurementStorage.$asJSON.withValue(json) { try await body(db) } }
        }
    }

    /// Turns whatever the drivers throw into a `StoreError` with an Italian message.
    func translating<T>(_ body: () async throws -> T) async throws(StoreError) -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch {
            let text = backend.flavor == .postgres ? describePostgres(error) : describe(error)
            if text.localizedCaseInsensitiveContains("foreign key") {
                throw .integrity("un elemento fa riferimento a un elemento che non esiste (\(text))")
            }
            throw .database(text)
        }
    }

    // MARK: Audit log

    /// The audit log, newest first.
    public func auditLog(_ query: AuditQuery = AuditQuery()) async throws(StoreError) -> [AuditEntry] {
        try await read { db in try await AuditWriter.read(query, on: db) }
    }

    /// How many rows of the audit log pass the filter (its `limit` and `offset` aside).
    public func auditCount(_ query: AuditQuery) async throws(StoreError) -> Int {
        try await read { db in try await AuditWriter.count(query, on: db) }
    }
}

/// The changes of one transaction, collected as it runs.
actor AuditTrail {
    private(set) var records: [AuditRecord] = []
    let actor: String
    let at: Date

    init(actor: String, at: Date) {
        self.actor = actor
        self.at = at
    }

    /// Writes the rows collected so far (a long import writes them batch by batch, so they never pile up).
    func flush(on db: any SQLDatabase) async throws {
        let pending = records
        records = []
        try await AuditWriter.write(pending, actor: actor, at: at, on: db)
    }

    func add(_ record: AuditRecord) {
        records.append(record)
    }

    func add(contentsOf more: [AuditRecord]) {
        records.append(contentsOf: more)
    }
}

/// A flag read and set from any thread.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = false

    var value: Bool {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
