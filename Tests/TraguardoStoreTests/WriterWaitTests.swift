import Foundation
import Testing
import TraguardoCore
@testable import TraguardoStore
import TraguardoTestSupport

/// One SQLite file, several writers: readers never wait, writers wait in line, and one that waits too long
/// is told so in Italian, with the name of who holds the lock when it is known.
@Suite("Scritture concorrenti su un file SQLite")
struct WriterWaitTests {
    static let user = UserAccount(username: "lettore.prova", displayName: "Lettore di prova", role: "lettore")

    /// A fresh SQLite database with its schema, and its path.
    static func withDatabase(_ body: (TestDatabase, String) async throws -> Void) async throws {
        try await withTestDatabase(.sqlite) { database in
            let store = try await database.open()
            try await store.addUser(user, passwordHash: "x", actor: "test")
            await store.close()
            guard case .sqlite(let path) = database.location else { return }
            try await body(database, path)
        }
    }

    @Test func openingAndReadingDoNotWaitForAnotherProcessWriting() async throws {
        try await Self.withDatabase { database, path in
            let holder = try await SQLiteWriteLockHolder(path: path)
            do {
                // Any wait for the write lock would end in `busy` after one second.
                let store = try await Store.open(database.location, writerWait: WriterWait(limit: .seconds(1)))
                #expect(try await store.schemaVersion() == Store.latestSchemaVersion)
                #expect(try await store.users().map(\.username) == ["lettore.prova"])
                #expect(try await store.migrate().isEmpty)
                await store.close()
            } catch {
                await holder.release()
                throw error
            }
            await holder.release()
        }
    }

    /// The online backup reads: it is taken while another process writes, and holds what was committed.
    @Test func aBackupIsTakenWhileAnotherProcessWrites() async throws {
        try await Self.withDatabase { database, path in
            let holder = try await SQLiteWriteLockHolder(path: path)
            let copy = URL(fileURLWithPath: path + "-copia.sqlite")
            do {
                let store = try await Store.open(database.location, writerWait: WriterWait(limit: .seconds(1)))
                let summary = try await store.backup(to: copy)
                #expect(summary.format == .sqlite && summary.schemaVersion == Store.latestSchemaVersion)
                await store.close()
            } catch {
                await holder.release()
                throw error
            }
            await holder.release()
            let copied = try await Store.open(.sqlite(path: copy.path), migrate: false)
            #expect(try await copied.users().map(\.username) == ["lettore.prova"])
            #expect(try await copied.nonEmptyTables() == ["audit_log", "users"], "la riga non confermata dall'altro processo non c'è")
            await copied.close()
        }
    }

    @Test func aWriterWaitsItsTurnSaysSoAndThenWrites() async throws {
        try await Self.withDatabase { database, path in
            let holder = try await SQLiteWriteLockHolder(path: path)
            let told = Told()
            let store = try await Store.open(database.location, writerWait: WriterWait(limit: .seconds(120)) { told.add($0) })
            async let write: Void = store.setPasswordHash("nuova", for: "lettore.prova", actor: "test")
            try await Task.sleep(for: .seconds(2))
            #expect(try await store.passwordHash(of: "lettore.prova") == "x", "in attesa: nulla è ancora scritto")
            await holder.release()
            try await write
            #expect(try await store.passwordHash(of: "lettore.prova") == "nuova")
            #expect(told.lines.count == 1, "\(told.lines)")
            #expect(told.lines.first?.contains("è occupato da un'altra operazione di scrittura: attendo il turno (al massimo 2 minuti)") == true,
                    "\(told.lines)")
            await store.close()
        }
    }

    @Test func aWriterThatWaitsTooLongIsToldInItalianAndWritesNothing() async throws {
        try await Self.withDatabase { database, path in
            let holder = try await SQLiteWriteLockHolder(path: path)
            let store = try await Store.open(database.location, writerWait: WriterWait(limit: .seconds(1)))
            let error = await storeError { try await store.setPasswordHash("nuova", for: "lettore.prova", actor: "test") }
            await holder.release()
            #expect(error == .busy(location: path, waitedSeconds: 1, holder: nil))
            #expect(error?.description.hasPrefix("Il database «\(path)» è occupato da un'altra operazione di scrittura") == true)
            #expect(error?.description.contains("Nulla è stato scritto") == true)
            #expect(try await store.passwordHash(of: "lettore.prova") == "x")
            await store.close()
        }
    }

    /// A Traguardo writer leaves a note beside the file while it holds the lock: the one waiting names it.
    @Test func theWaitingWriterNamesTheTraguardoProcessThatHoldsTheLock() async throws {
        try await Self.withDatabase { database, path in
            let first = try await database.open()
            let second = try await Store.open(database.location, writerWait: WriterWait(limit: .seconds(1)))
            let gate = Gate()
            async let long: Void = first.write(actor: "test") { _, _ in await gate.wait() }
            while !FileManager.default.fileExists(atPath: path + "-scrittura") { try await Task.sleep(for: .milliseconds(10)) }
            let error = await storeError { try await second.setPasswordHash("nuova", for: "lettore.prova", actor: "test") }
            await gate.open()
            try await long
            let pid = ProcessInfo.processInfo.processIdentifier
            guard case .busy(_, _, let holder)? = error else {
                Issue.record("atteso busy, ricevuto \(String(describing: error))")
                return
            }
            #expect(holder?.contains("(processo \(pid)), dalle ") == true, "\(String(describing: holder))")
            #expect(!FileManager.default.fileExists(atPath: path + "-scrittura"), "la nota se ne va col lucchetto")
            await first.close()
            await second.close()
        }
    }
}

/// The lines a waiting writer was told.
private final class Told: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [String] = []
    func add(_ line: String) { lock.withLock { all.append(line) } }
    var lines: [String] { lock.withLock { all } }
}

/// Holds a transaction open until the test opens it.
private actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }
    func open() {
        isOpen = true
        waiters.forEach { $0.resume() }
        waiters = []
    }
}
