import Foundation

/// Blocking work (waiting for a child process, reading its pipes) run on a thread of its own, so that the
/// awaiting task gives its cooperative thread back: Swift's cooperative pool has one thread per core, and a
/// test that blocked one while a live server under test needed it could starve the server.
public enum OffPool {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
