import Crypto
import Foundation
import Hummingbird
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange

/// The PDFs of the «Documenti» page: from the cache when the same document of the same data was printed
/// already, else printed through the `PrintQueue` (at most `concurrentPrints` at a time) by the warm Chromium
/// processes of `pool` (as many as the prints at once, kept running between prints).
struct PDFPrinter: Sendable {
    let configuration: PDFPrintingConfiguration
    let environment: [String: String]
    let queue: PrintQueue
    let cache: PDFCache
    /// Nil when a renderer is configured (the tests' probes) or this machine has no Chromium (`checkAvailable`
    /// says so); no process starts before the first PDF.
    let pool: ChromiumPool?

    init(_ configuration: PDFPrintingConfiguration, environment: [String: String]) {
        self.configuration = configuration
        self.environment = environment
        queue = PrintQueue(limit: configuration.concurrentPrints, wait: configuration.queueWait, maximumWaiting: configuration.maximumWaiting)
        cache = PDFCache(capacity: configuration.cacheBytes)
        pool = configuration.renderer == nil ? try? ChromiumPool.find(size: configuration.concurrentPrints, environment: environment) : nil
    }

    /// Throws, with the reason in Italian, when there is no Chromium to print with.
    func checkAvailable() throws(PrintingError) {
        if configuration.renderer == nil { _ = try ChromiumPrinter.find(environment: environment) }
    }

    /// The PDF of `document` (`kind`: `relazione`, `piano` …); throws `PrintQueueFull` when no print is free in time.
    func pdf(_ document: Document, kind: String) async throws -> Data {
        let key = PDFCache.Key(
            kind: kind, entityCode: document.entityCode, year: document.year, period: document.period,
            fingerprint: document.snapshot?.fingerprint ?? "",
            contentDigest: LowercaseHex.text(SHA256.hash(data: Data(HTMLWriter.html(document).utf8))))
        if let cached = await cache.data(key) { return cached }
        return try await queue.run {
            // Another request may have printed the same document while this one waited.
            if let cached = await cache.data(key) { return cached }
            let data = try await render(document)
            await cache.store(data, for: key)
            return data
        }
    }

    private func render(_ document: Document) async throws -> Data {
        if let renderer = configuration.renderer { return try await renderer(document) }
        let (environment, pool) = (self.environment, self.pool)
        return try await DocumentRoutes.offMainThreads {
            try DocumentFile.data(document, format: .pdf, environment: environment, printer: pool)
        }
    }
}

/// 503 with `Retry-After` and an Italian page: every PDF print is busy for longer than a request may wait.
struct PrintingBusy: HTTPResponseError {
    var retryAfterSeconds: Int
    var user: SignedInUser?

    var status: HTTPResponse.Status { .serviceUnavailable }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = HTMLResponse.page(
            PageRendering.message(
                "Stampa PDF occupata",
                "Il server sta già stampando il numero massimo di PDF e nessuna stampa si è liberata in tempo. "
                    + "Riprova tra \(retryAfterSeconds) secondi; gli altri formati (HTML, DOCX, XLSX) sono disponibili subito.",
                user: user),
            status: status)
        response.headers[.retryAfter] = String(retryAfterSeconds)
        return response
    }
}
