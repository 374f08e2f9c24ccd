import Foundation
import Synchronization
import TraguardoSpreadsheet

/// At most `size` headless Chromium processes kept running between prints and driven through the DevTools
/// protocol over a pipe (`DevToolsPipe`), so that a PDF costs a page load and a print rather than the start of a
/// browser. A process is started when a print finds none idle, lent to one print at a time, and given back; one
/// that died (crashed, killed, or failed a print) is dropped and the print is tried once more on a new one.
/// A print that finds every process busy waits for one to be given back.
public final class ChromiumPool: HTMLPrinter, Sendable {
    public let executable: URL
    public let size: Int
    public let timeout: TimeInterval

    private struct State {
        var idle: [DevToolsPipe] = []
        var started = 0
        var closed = false
    }

    private let state = Mutex(State())
    private let free: DispatchSemaphore

    public init(executable: URL, size: Int, timeout: TimeInterval = 120) {
        self.executable = executable
        self.size = max(1, size)
        self.timeout = timeout
        free = DispatchSemaphore(value: max(1, size))
    }

    /// The pool with the Chromium of this machine (`ChromiumPrinter.find`).
    public static func find(size: Int, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PrintingError) -> ChromiumPool {
        ChromiumPool(executable: try ChromiumPrinter.find(environment: environment).executable, size: size)
    }

    deinit { close() }

    public func pdf(html: String, to destination: URL) throws(PrintingError) {
        let data = try pdf(html: html)
        do { try OutputFile.write(data, to: destination) } catch { throw .cannotWrite(destination.path, error.message) }
    }

    /// The PDF of `html`, printed by a warm Chromium.
    public func pdf(html: String) throws(PrintingError) -> Data {
        free.wait()
        defer { free.signal() }
        var lastError = PrintingError.chromiumFailed(status: 0, timedOut: false, message: "")
        for _ in 0..<2 {
            let browser = try borrow()
            let page = browser.folder.appendingPathComponent("documento-\(UUID().uuidString).html")
            do {
                try Data(html.utf8).write(to: page)
            } catch {
                giveBack(browser)
                throw .cannotWrite(page.path, error.localizedDescription)
            }
            defer { try? FileManager.default.removeItem(at: page) }
            do throws(PrintingError) {
                let data = try browser.printToPDF(url: page, timeout: timeout)
                guard data.starts(with: Array("%PDF".utf8)) else { throw .chromiumFailed(status: 0, timedOut: false, message: "") }
                giveBack(browser)
                return data
            } catch {
                // A browser that failed a print is not trusted with the next one.
                drop(browser)
                lastError = error
                if case .chromiumFailed(_, true, _) = error { break }
            }
        }
        throw lastError
    }

    /// The processes running now and idle (for the tests: the same ones serve the next prints).
    public var idleProcessIDs: [Int32] { state.withLock { $0.idle.map(\.processID) } }

    /// How many processes the pool has started since it was made.
    public var processesStarted: Int { state.withLock { $0.started } }

    /// Ends every idle process; the pool starts new ones if asked to print again.
    public func close() {
        let idle = state.withLock { state in
            defer { state.idle = [] }
            return state.idle
        }
        idle.forEach { $0.stop() }
    }

    private func borrow() throws(PrintingError) -> DevToolsPipe {
        while let browser = state.withLock({ $0.idle.popLast() }) {
            if browser.isRunning { return browser }
            browser.stop()
        }
        let browser = try DevToolsPipe(executable: executable, timeout: min(timeout, 30))
        state.withLock { $0.started += 1 }
        return browser
    }

    private func giveBack(_ browser: DevToolsPipe) {
        let kept = state.withLock { state -> Bool in
            guard state.idle.count < size else { return false }
            state.idle.append(browser)
            return true
        }
        if !kept { browser.stop() }
    }

    private func drop(_ browser: DevToolsPipe) {
        browser.stop()
    }
}
