import Foundation
import Logging
import ServiceLifecycle
import TraguardoStore

/// The reminders inside `traguardo serve`: every `interval` seconds the instance tries to take the lease
/// «promemoria» in the database (held for three intervals, renewed at every round); only the holder sends. Several
/// instances on one PostgreSQL thus have one sender; if it stops, another takes over when its lease expires. Even
/// then the log's claims keep any reminder from going out twice. Stops with the server (graceful shutdown).
struct ReminderService: Service {
    static let leaseName = "promemoria"

    let sender: ReminderSender
    let interval: Double
    let clock: @Sendable () -> Date
    let holder = "istanza-\(UUID().uuidString)"

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await round()
                try? await Task.sleep(for: .milliseconds(Int64(interval * 1000)))
            }
        }
        try? await sender.store.releaseLease(Self.leaseName, holder: holder)
    }

    func round() async {
        do {
            let now = clock()
            guard try await !sender.store.enabledReminderSchedules().isEmpty else { return }
            guard try await sender.store.acquireLease(Self.leaseName, holder: holder, until: now.addingTimeInterval(3 * interval)) else { return }
            let done = try await sender.run(now: now, dryRun: false)
            if let problem = done.problem { sender.logger.warning("promemoria non inviati: \(problem)") }
            let sent = done.messages.filter { $0.error == nil }.count
            if sent > 0 { sender.logger.info("promemoria inviati: \(sent)") }
        } catch {
            sender.logger.warning("promemoria: \(error)")
        }
    }
}
