import SQLiteKit

/// The reading connections of an SQLite file under WAL: a few of them, so that pages served at the same time
/// read side by side instead of one after the other (each sees the last committed state; none waits for a
/// writer). A reader is lent to one caller at a time; when all are lent, callers wait in order.
actor ReaderPool {
    /// How many readers `traguardo serve` opens on a file: enough to overlap the reads of concurrent pages on
    /// sqlite-nio's threads, few enough to keep memory and file handles small.
    static let defaultSize = 4

    let connections: [SQLiteConnection]
    private var free: [Int]
    private var waiters: [CheckedContinuation<Int, Never>] = []

    init(_ connections: [SQLiteConnection]) {
        precondition(!connections.isEmpty, "un insieme di lettori senza connessioni")
        self.connections = connections
        free = Array(connections.indices.reversed())
    }

    /// Runs `body` on a free reader, then gives it back.
    nonisolated func withReader<T: Sendable>(_ body: @Sendable (SQLiteConnection) async throws -> T) async throws -> T {
        let index = await borrow()
        do {
            let result = try await body(connections[index])
            await giveBack(index)
            return result
        } catch {
            await giveBack(index)
            throw error
        }
    }

    private func borrow() async -> Int {
        if let index = free.popLast() { return index }
        return await withCheckedContinuation { waiters.append($0) }
    }

    private func giveBack(_ index: Int) {
        if waiters.isEmpty {
            free.append(index)
        } else {
            waiters.removeFirst().resume(returning: index)
        }
    }
}
