import Foundation
import TraguardoDocuments
import TraguardoExchange

/// How the server prints the PDF documents: how many Chromium prints at once, how long a request waits in
/// line for one, how many requests may wait, how many bytes of printed PDFs stay in memory, and the
/// renderer (Chromium; tests put a probe in its place).
public struct PDFPrintingConfiguration: Sendable {
    /// Chromium prints running at the same time (each one is a tree of processes and some hundred MB).
    public var concurrentPrints: Int
    /// How long a request waits for a free print before it is answered 503 with `Retry-After`.
    public var queueWait: TimeInterval
    /// Requests waiting in line beyond which the next one is answered 503 at once.
    public var maximumWaiting: Int
    /// Bytes of printed PDFs kept in memory, the least recently used dropped first.
    public var cacheBytes: Int
    /// Prints a document to PDF bytes; nil = Chromium (`ChromiumPrinter`, found through `environment`).
    public var renderer: (@Sendable (Document) async throws -> Data)?

    public init(
        concurrentPrints: Int = 2, queueWait: TimeInterval = 30, maximumWaiting: Int = 16, cacheBytes: Int = 64 << 20,
        renderer: (@Sendable (Document) async throws -> Data)? = nil
    ) {
        self.concurrentPrints = max(1, concurrentPrints)
        self.queueWait = max(0, queueWait)
        self.maximumWaiting = max(0, maximumWaiting)
        self.cacheBytes = max(0, cacheBytes)
        self.renderer = renderer
    }
}
