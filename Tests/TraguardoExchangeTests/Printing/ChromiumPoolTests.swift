import Foundation
import Testing
import TraguardoExchange
import TraguardoTestSupport

/// The server's warm Chromium processes, with the real Chromium: they print whole PDFs through the DevTools
/// pipe, the same process serves the next print, a process that died is replaced, and never more run than the
/// pool's size.
@Suite("Processi Chromium pronti per i PDF")
struct ChromiumPoolTests {
    static func html(_ title: String) -> String {
        "<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>\(title)</title>"
            + "<style>@page { size: A4; margin: 2cm } body { font-family: sans-serif }</style></head>"
            + "<body><h1>\(title)</h1><p>Relazione sulla performance — pagina di prova.</p></body></html>"
    }

    static func pool(size: Int) throws -> ChromiumPool {
        let paths = try ExternalProgram.require(["chromium"], debianPackage: "chromium")
        return ChromiumPool(executable: URL(fileURLWithPath: paths[0]), size: size, timeout: 60)
    }

    static func text(of pdf: Data) throws -> String {
        let tools = try ExternalProgram.require(["pdftotext"], debianPackage: "poppler-utils")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pool-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try ExternalProgram.output(tools[0], ["-enc", "UTF-8", file.path, "-"])
    }

    @Test func theSameWarmProcessPrintsOneDocumentAfterAnother() async throws {
        let pool = try Self.pool(size: 1)
        defer { pool.close() }
        let first = try pool.pdf(html: Self.html("Primo documento"))
        #expect(first.starts(with: Array("%PDF".utf8)))
        #expect(try Self.text(of: first).contains("Primo documento"))
        let warm = pool.idleProcessIDs
        #expect(warm.count == 1)
        let second = try pool.pdf(html: Self.html("Secondo documento"))
        #expect(try Self.text(of: second).contains("Secondo documento"))
        #expect(!(try Self.text(of: second).contains("Primo documento")))
        #expect(pool.idleProcessIDs == warm, "la seconda stampa usa lo stesso processo")
        #expect(pool.processesStarted == 1)
    }

    @Test func aProcessThatDiedIsReplacedAndThePrintSucceeds() async throws {
        let pool = try Self.pool(size: 1)
        defer { pool.close() }
        _ = try pool.pdf(html: Self.html("Prima"))
        let dead = try #require(pool.idleProcessIDs.first)
        kill(dead, SIGKILL)
        // Wait until the kernel has ended it (a zombie, or gone): the pool checks before lending a process.
        for _ in 0..<250 {
            let status = (try? String(contentsOfFile: "/proc/\(dead)/status", encoding: .utf8)) ?? ""
            if status.isEmpty || status.contains("State:\tZ") { break }
            usleep(20_000)
        }
        let again = try pool.pdf(html: Self.html("Dopo il riavvio"))
        #expect(try Self.text(of: again).contains("Dopo il riavvio"))
        #expect(pool.processesStarted == 2)
        #expect(pool.idleProcessIDs.count == 1 && pool.idleProcessIDs != [dead])
    }

    @Test func neverMoreProcessesThanThePoolSize() async throws {
        let pool = try Self.pool(size: 2)
        defer { pool.close() }
        let titles = (1...5).map { "Documento \($0)" }
        let printed = try await withThrowingTaskGroup(of: (String, Data).self) { group in
            for title in titles {
                group.addTask {
                    try await withCheckedThrowingContinuation { continuation in
                        DispatchQueue.global().async { continuation.resume(with: Result { (title, try pool.pdf(html: Self.html(title))) }) }
                    }
                }
            }
            var all: [String: Data] = [:]
            for try await (title, data) in group { all[title] = data }
            return all
        }
        for title in titles { #expect(try Self.text(of: try #require(printed[title])).contains(title)) }
        #expect(pool.processesStarted <= 2, "cinque stampe, al massimo due processi")
        #expect(pool.idleProcessIDs.count <= 2)
    }

    /// The command line's one-shot print and the pool print the same document alike (same pages, same text).
    @Test func thePoolPrintsWhatTheOneShotPrinterPrints() async throws {
        let pool = try Self.pool(size: 1)
        defer { pool.close() }
        let html = Self.html("Confronto delle stampe")
        let oneShot = ChromiumPrinter(executable: pool.executable)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("one-shot-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try oneShot.pdf(html: html, to: file)
        let reference = try Self.text(of: try Data(contentsOf: file))
        #expect(try Self.text(of: try pool.pdf(html: html)) == reference)
    }
}
