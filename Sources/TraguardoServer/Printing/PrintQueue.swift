import Foundation

/// At most `limit` prints at a time; the others wait in line, first come first served, for at most
/// `wait` seconds, and no more than `maximumWaiting` of them: past either bound `run` throws `PrintQueueFull`
/// without doing the work.
actor PrintQueue {
    let limit: Int
    let wait: TimeInterval
    let maximumWaiting: Int
    private var running = 0
    private var line: [(ticket: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextTicket = 0

    init(limit: Int, wait: TimeInterval, maximumWaiting: Int) {
        self.limit = max(1, limit)
        self.wait = wait
        self.maximumWaiting = maximumWaiting
    }

    /// Runs `work` once a place is free, and frees the place when it ends (also when it throws).
    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        try await enter()
        defer { leave() }
        return try await work()
    }

    private func enter() async throws {
        if running < limit {
            running += 1
            return
        }
        guard line.count < maximumWaiting else { throw PrintQueueFull() }
        nextTicket += 1
        let ticket = nextTicket
        let wait = self.wait
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            line.append((ticket, continuation))
            Task { [weak self] in
                try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
                await self?.giveUp(ticket)
            }
        }
    }

    /// The waiting request `ticket`, if it is still in line, is answered `PrintQueueFull`.
    private func giveUp(_ ticket: Int) {
        guard let index = line.firstIndex(where: { $0.ticket == ticket }) else { return }
        line.remove(at: index).continuation.resume(throwing: PrintQueueFull())
    }

    /// The place goes to the first in line, if any.
    private func leave() {
        if line.isEmpty {
            running -= 1
        } else {
            line.removeFirst().continuation.resume()
        }
    }
}

/// Every place of the print queue is taken for longer than a request may wait.
struct PrintQueueFull: Error {}
