import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoDocuments
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// PDF printing is bounded (finding M6): at most N prints at a time through the real queue of the server, a
/// request that waits too long answered 503 with `Retry-After`, and a PDF of the same data served again from
/// memory without printing. The renderer is a probe in place of Chromium that counts the prints running and
/// holds them until the test lets them go.
@Suite("Stampa PDF: coda limitata e cache")
struct PDFPrintingTests {
    /// Counts the prints (started, running now, most at once) and holds each until `release()`.
    final class PrintProbe: @unchecked Sendable {
        private let lock = NSLock()
        private var started = 0
        private var running = 0
        private var mostAtOnce = 0
        private var released = false

        var counts: (started: Int, running: Int, mostAtOnce: Int) { lock.withLock { (started, running, mostAtOnce) } }

        func release() { lock.withLock { released = true } }

        func render(_ document: Document) async throws -> Data {
            lock.withLock {
                started += 1
                running += 1
                mostAtOnce = max(mostAtOnce, running)
            }
            while !lock.withLock({ released }) { try await Task.sleep(nanoseconds: 10_000_000) }
            lock.withLock { running -= 1 }
            return Data("%PDF-sonda \(document.title) \(document.snapshot?.text ?? "")".utf8)
        }

        /// Waits (at most a minute) until `condition` holds for the counts.
        func wait(until condition: @escaping ((started: Int, running: Int, mostAtOnce: Int)) -> Bool) async throws {
            for _ in 0..<6000 where !condition(counts) { try await Task.sleep(nanoseconds: 10_000_000) }
        }
    }

    static func configuration(_ probe: PrintProbe, concurrent: Int, wait: TimeInterval) -> ServerConfiguration {
        var configuration = ServerFixture.configuration()
        configuration.pdf = PDFPrintingConfiguration(concurrentPrints: concurrent, queueWait: wait, renderer: { try await probe.render($0) })
        return configuration
    }

    static let eightPDFs = ["2013", "2018"].flatMap { year in
        ["relazione", "rpp", "piano", "valutazione"].map { "/enti/lucca/\(year)/documenti/\($0).pdf" }
    }

    @Test func atMostTwoPrintsRunAtOnce() async throws {
        let probe = PrintProbe()
        try await ServerFixture.withSignedIn("lettore", configuration: Self.configuration(probe, concurrent: 2, wait: 600)) { reader, server in
            let cookies = reader.cookies
            try await withThrowingTaskGroup(of: (String, HTTPResponse.Status, Data).self) { group in
                for path in Self.eightPDFs {
                    group.addTask {
                        let page = try await Browser(server.client, cookies: cookies).get(path)
                        return (path, page.status, page.data)
                    }
                }
                try await probe.wait { $0.started >= 2 }
                // The other six wait in line: give them time to start if they could.
                try await Task.sleep(nanoseconds: 500_000_000)
                #expect(probe.counts.started == 2, "\(probe.counts)")
                #expect(probe.counts.running == 2, "\(probe.counts)")
                probe.release()
                for try await (path, status, data) in group {
                    #expect(status == .ok, "\(path): \(status)")
                    #expect(data.prefix(4) == Data("%PDF".utf8), "\(path)")
                }
            }
            #expect(probe.counts.started == 8)
            #expect(probe.counts.mostAtOnce == 2)
        }
    }

    @Test func aRequestThatWaitsTooLongIsAnswered503WithRetryAfter() async throws {
        let probe = PrintProbe()
        try await ServerFixture.withSignedIn("lettore", configuration: Self.configuration(probe, concurrent: 1, wait: 0.2)) { reader, server in
            let cookies = reader.cookies
            let first = Task { try await Browser(server.client, cookies: cookies).get("/enti/lucca/2013/documenti/relazione.pdf") }
            try await probe.wait { $0.started >= 1 }
            let busy = try await Browser(server.client, cookies: cookies).get("/enti/lucca/2013/documenti/piano.pdf")
            #expect(busy.status == .serviceUnavailable)
            #expect(busy.headers[.retryAfter] == "1")
            #expect(busy.headers[.contentType] == "text/html; charset=utf-8")
            #expect(busy.body.contains("Stampa PDF occupata") && busy.body.contains("Riprova tra 1 secondi"), "\(busy.body)")
            #expect(probe.counts.started == 1, "la richiesta rifiutata non ha stampato")
            probe.release()
            let printed = try await first.value
            #expect(printed.status == .ok)
            // With the place free again, the same request is printed.
            #expect(try await reader.get("/enti/lucca/2013/documenti/piano.pdf").status == .ok)
            #expect(probe.counts.started == 2)
        }
    }

    @Test func theSamePDFOfTheSameDataIsServedFromMemoryUntilTheDataChange() async throws {
        let probe = PrintProbe()
        probe.release()
        try await ServerFixture.withSignedIn("lettore", configuration: Self.configuration(probe, concurrent: 2, wait: 30)) { reader, server in
            let path = "/enti/lucca/2013/documenti/relazione.pdf"
            let first = try await reader.get(path)
            let second = try await reader.get(path)
            #expect(first.status == .ok && second.status == .ok)
            #expect(second.data == first.data)
            #expect(probe.counts.started == 1, "la seconda richiesta uguale viene dalla cache")
            // Another document of the same data is printed on its own.
            #expect(try await reader.get("/enti/lucca/2013/documenti/piano.pdf").status == .ok)
            #expect(probe.counts.started == 2)

            // A measurement changes: the PDF is printed again, with the new fingerprint.
            let plan = try #require(try await server.store.loadPlan(ServerFixture.lucca2013))
            let changed = plan.measurements.filter { $0.value != nil }.prefix(1).map { m -> TraguardoCore.Measurement in
                var other = m
                other.value = (m.value ?? 0) + 1
                return other
            }
            try #require(changed.count == 1)
            _ = try await server.store.recordMeasurements(actor: "test") { batches in
                try await batches.write(changed, in: ServerFixture.lucca2013)
            }
            let afterChange = try await reader.get(path)
            #expect(afterChange.status == .ok)
            #expect(probe.counts.started == 3)
            #expect(afterChange.data != first.data)
            _ = try await reader.get(path)
            #expect(probe.counts.started == 3, "e di nuovo dalla cache")
        }
    }
}
