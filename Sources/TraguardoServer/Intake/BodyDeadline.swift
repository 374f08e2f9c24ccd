import NIOCore

/// The time a client has to send a whole request body, counted from when the server starts reading it. The
/// idle timeout alone does not bound it: a client that sends one byte every few seconds is never silent for
/// long, and would hold the connection (and the form being collected) for as long as it likes. Each chunk is
/// checked as it arrives: one arriving after the deadline ends the reading with ``BodyBudget/Refusal/tooSlow``,
/// and a client that sends nothing at all is cut by the idle timeout.
struct BodyDeadline<Base: AsyncSequence>: AsyncSequence where Base.Element == ByteBuffer {
    typealias Element = ByteBuffer
    let base: Base
    let deadline: ContinuousClock.Instant

    /// `body` read within `seconds` from now.
    init(_ body: Base, seconds: Int) {
        base = body
        deadline = .now + .seconds(seconds)
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let deadline: ContinuousClock.Instant

        mutating func next() async throws -> ByteBuffer? {
            let chunk = try await base.next()
            guard ContinuousClock.now <= deadline else { throw BodyBudget.Refusal.tooSlow }
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator(), deadline: deadline) }
}
