import Foundation
import Logging
import SQLKit
import SQLiteKit

/// The embedded default: one SQLite file, WAL journal, foreign keys on, one connection whose
/// transactions run one after the other.
final class SQLiteBackend: DatabaseBackend {
    let flavor = SQLFlavor.sqlite
    let location: DatabaseLocation
    private let connection: SQLiteConnection
    private let lock = AsyncLock()

    private init(location: DatabaseLocation, connection: SQLiteConnection) {
        self.location = location
        self.connection = connection
    }

    /// Opens (or creates) the file. A file that is not an SQLite database, or is one of another
    /// program, is refused before anything is written to it.
    static func open(path: String, logger: Logger) async throws(StoreError) -> SQLiteBackend {
        try checkHeader(path: path)
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw .cannotOpen(location: path, reason: describe(error))
        }
        let backend = SQLiteBackend(location: .sqlite(path: path), connection: connection)
        do {
            let db = connection.sql()
            // A short busy timeout: SQLite waits on one of sqlite-nio's few pool threads, so long
            // waits there would stall every other connection; longer waits happen asynchronously
            // (`whileBusy`), without holding a thread.
            try await db.raw("PRAGMA busy_timeout = 20").run()
            // Reading the table list first also proves the file is readable, before any pragma writes to it.
            let tables = try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .all().map { try $0.decode(column: "name", as: String.self) }
            let ours = tables.contains(Migrator.versionTable)
            let foreign = tables.filter { !$0.hasPrefix("sqlite_") }
            if !ours && !foreign.isEmpty {
                await Self.close(connection)
                throw StoreError.foreignDatabase(path: path, tables: foreign)
            }
            try await whileBusy { try await db.raw("PRAGMA journal_mode = WAL").run() }
            try await db.raw("PRAGMA foreign_keys = ON").run()
            try await db.raw("PRAGMA synchronous = NORMAL").run()
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError where error.reason == .notADatabase || error.reason == .corrupt {
            await Self.close(connection)
            throw .notADatabase(path: path, found: "l'intestazione di SQLite, ma il contenuto è danneggiato")
        } catch {
            await Self.close(connection)
            throw .cannotOpen(location: path, reason: describe(error))
        }
        return backend
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
        let db = connection.sql()
        return try await lock.withLock { try await body(db) }
    }

    /// Closes the file. In a task of its own: a cancelled caller must still close it (sqlite-nio
    /// refuses to start work for a cancelled task, and a connection left open traps on release).
    func close() async {
        await Self.close(connection)
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
