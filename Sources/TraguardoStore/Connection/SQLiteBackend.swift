import Foundation
import Logging
import SQLKit
import SQLiteKit

/// The embedded default: one SQLite file, WAL journal, foreign keys on. One connection writes, its
/// transactions one after the other and in line with other processes' (``WriterWait``); a small pool of
/// others (``ReaderPool``) only reads, side by side, each seeing the last committed state while someone writes.
final class SQLiteBackend: DatabaseBackend {
    let flavor = SQLFlavor.sqlite
    let location: DatabaseLocation
    private let path: String
    private let writer: SQLiteConnection
    private let readers: ReaderPool
    private let writerLock = AsyncLock()
    private let wait: WriterWait
    private let note: WriterNote

    private init(path: String, writer: SQLiteConnection, readers: [SQLiteConnection], wait: WriterWait) {
        self.location = .sqlite(path: path)
        self.path = path
        self.writer = writer
        self.readers = ReaderPool(readers)
        self.wait = wait
        self.note = WriterNote(databasePath: path)
    }

    /// Opens (or creates) the file. A file that is not an SQLite database, or is one of another
    /// program, is refused before anything is written to it.
    /// `readers`: how many reading connections (``ReaderPool``).
    static func open(
        path: String, logger: Logger, wait: WriterWait = .commandLine, readers readerCount: Int = 1
    ) async throws(StoreError) -> SQLiteBackend {
        try checkHeader(path: path)
        let writer = try await connect(path: path, logger: logger)
        do {
            let db = writer.sql()
            // A short busy timeout: SQLite waits on one of sqlite-nio's few pool threads, so long
            // waits there would stall every other connection; a writer waits for its turn asynchronously
            // (`beginImmediate`), without holding a thread.
            try await db.raw("PRAGMA busy_timeout = 20").run()
            // Reading the table list first also proves the file is readable, before any pragma writes to it.
            let tables = try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .all().map { try $0.decode(column: "name", as: String.self) }
            let ours = tables.contains(Migrator.versionTable)
            let foreign = tables.filter { !$0.hasPrefix("sqlite_") }
            if !ours && !foreign.isEmpty {
                await Self.close(writer)
                throw StoreError.foreignDatabase(path: path, tables: foreign)
            }
            // Already WAL (every Traguardo file is) is answered at once, even while another process writes;
            // a new file may be being switched by another process that opens it at the same moment.
            try await retryingWhileBusy { try await db.raw("PRAGMA journal_mode = WAL").run() }
            try await db.raw("PRAGMA foreign_keys = ON").run()
            try await db.raw("PRAGMA synchronous = NORMAL").run()
            // 32 MB of page cache for the writer instead of 2 MB: a large import inserts into a table and its four
            // indexes (and the registro's) at once, and with a small cache each insert rereads index pages.
            try await db.raw("PRAGMA cache_size = -32768").run()
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError where error.reason == .notADatabase || error.reason == .corrupt {
            await Self.close(writer)
            throw .notADatabase(path: path, found: "l'intestazione di SQLite, ma il contenuto è danneggiato")
        } catch {
            await Self.close(writer)
            throw .cannotOpen(location: path, reason: Self.isBusy(error) ? "il file è bloccato da un altro programma" : describe(error))
        }
        var readers: [SQLiteConnection] = []
        do {
            for _ in 0..<max(readerCount, 1) {
                let reader = try await connect(path: path, logger: logger)
                readers.append(reader)
                // A reader of a WAL file waits only in rare moments (a crashed writer's journal being recovered).
                try await reader.sql().raw("PRAGMA busy_timeout = 5000").run()
                try await reader.sql().raw("PRAGMA query_only = ON").run()
            }
        } catch {
            for reader in readers { await Self.close(reader) }
            await Self.close(writer)
            throw .cannotOpen(location: path, reason: describe(error))
        }
        return SQLiteBackend(path: path, writer: writer, readers: readers, wait: wait)
    }

    private static func connect(path: String, logger: Logger) async throws(StoreError) -> SQLiteConnection {
        do {
            return try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw .cannotOpen(location: path, reason: describe(error))
        }
    }

    /// An existing, non-empty file must start with the SQLite signature.
    private static func checkHeader(path: String) throws(StoreError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                throw .cannotOpen(location: path, reason: "la cartella «\(folder)» non esiste")
            }
            return
        }
        if isDirectory.boolValue {
            throw .cannotOpen(location: path, reason: "è una cartella, non un file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(location: path, reason: "il file non è leggibile")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.isEmpty { return }
        let signature = Data("SQLite format 3\0".utf8)
        if head != signature {
            let printable = String(decoding: head.prefix(8), as: UTF8.self)
                .map { $0.isLetter || $0.isNumber || $0 == " " ? String($0) : "·" }.joined()
            throw .notADatabase(path: path, found: "inizia con «\(printable)»")
        }
    }

    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let db = writer.sql()
        return try await writerLock.withLock { try await body(db) }
    }

    func withReader<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await readers.withReader { try await body($0.sql()) }
    }

    /// The writers of this process take turns on the writing connection (first come, first served); then the
    /// transaction waits for the file's write lock, which another process may hold.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection { [self] db in
            try await beginImmediate(on: db)
            note.write()
            do {
                let result = try await body(db)
                note.remove()
                try await db.raw("COMMIT").run()
                return result
            } catch {
                note.remove()
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// `BEGIN IMMEDIATE`, tried again while another connection holds the write lock (nothing has been done
    /// yet, so trying again is safe), sleeping between tries so that no thread is held, for up to `wait.limit`.
    private func beginImmediate(on db: any SQLDatabase) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 0
        var told = false
        while true {
            do {
                try await db.raw("BEGIN IMMEDIATE").run()
                return
            } catch where Self.isBusy(error) {
                let waited = clock.now - start
                if waited >= wait.limit {
                    throw StoreError.busy(location: path, waitedSeconds: wait.limitSeconds, holder: note.holder())
                }
                if !told, waited >= .seconds(1) {
                    told = true
                    let holder = note.holder() ?? "un'altra operazione di scrittura"
                    wait.onWaiting(
                        "Il database «\(path)» è occupato da \(holder): attendo il turno (al massimo \(WriterWait.spoken(seconds: wait.limitSeconds)))…")
                }
                attempt += 1
                try await Task.sleep(for: .milliseconds(min(5 * attempt, 50)))
            }
        }
    }

    /// `body` again while the file is locked, for a few seconds at most (opening only: no write waits here).
    private static func retryingWhileBusy(_ body: () async throws -> Void) async throws {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch where isBusy(error) && attempt < 200 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(min(5 * attempt, 50)))
            }
        }
    }

    static func isBusy(_ error: any Error) -> Bool {
        if let sqlite = error as? SQLiteError {
            return [.busy, .locked, .busyTimeout, .busyInRecovery, .busyInSnapshot].contains(sqlite.reason)
        }
        let text = String(describing: error).lowercased()
        return text.contains("database is locked") || text.contains("database is busy")
    }

    /// Closes the file. In a task of its own: a cancelled caller must still close it (sqlite-nio
    /// refuses to start work for a cancelled task, and a connection left open traps on release).
    func close() async {
        for reader in readers.connections { await Self.close(reader) }
        await Self.close(writer)
    }

    private static func close(_ connection: SQLiteConnection) async {
        await Task.detached { try? await connection.close() }.value
    }
}

/// The text of a database error, without the driver's type names.
func describe(_ error: any Error) -> String {
    if let sqlite = error as? SQLiteError {
        return sqlite.message
    }
    let text = String(describing: error)
    return text
}
