import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One headless Chromium kept running and driven through the DevTools protocol over
/// `--remote-debugging-pipe`: Chromium reads commands on its descriptor 3 and writes answers and events on its
/// descriptor 4, each message a JSON object ended by a NUL byte. No port is opened, so nothing else on the
/// machine can reach it. When the server ends, the pipe closes and Chromium ends with it.
///
/// Not thread-safe: one print at a time (`ChromiumPool` lends it to one caller at a time).
final class DevToolsPipe: @unchecked Sendable {
    let processID: pid_t
    /// The private folder of this Chromium (its profile and the pages it prints).
    let folder: URL
    private let commands: Int32
    private let answers: Int32
    private var buffer: [UInt8] = []
    /// How far `buffer` is known to hold no NUL (a long PDF arrives in many reads).
    private var scanned = 0
    private var nextID = 0
    /// Events read while waiting for an answer: (session, method).
    private var events: [(session: String?, method: String)] = []
    private var stopped = false

    /// Starts Chromium; throws when it cannot be started or does not answer within `timeout`.
    init(executable: URL, timeout: TimeInterval) throws(PrintingError) {
        let manager = FileManager.default
        folder = manager.temporaryDirectory.appendingPathComponent("traguardo-chromium-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: folder.appendingPathComponent("profilo"), withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(folder.path, error.localizedDescription)
        }
        // Two pipes, their ends moved above the descriptors the child gets (3 and 4), closed on exec in this process.
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else {
            try? manager.removeItem(at: folder)
            throw .cannotStart(executable.path, "impossibile creare il canale con Chromium (errno \(errno))")
        }
        // A Chromium that dies closes its end: writing to it must fail with EPIPE, not end this process.
        signal(SIGPIPE, SIG_IGN)
        let raw = [toChild[0], toChild[1], fromChild[0], fromChild[1]]
        let moved = raw.map { fcntl($0, F_DUPFD_CLOEXEC, 10) }
        raw.forEach { _ = close($0) }
        let (childReads, parentWrites, parentReads, childWrites) = (moved[0], moved[1], moved[2], moved[3])
        let arguments = [
            executable.path, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-sync",
            "--mute-audio", "--remote-debugging-pipe", "--user-data-dir=\(folder.appendingPathComponent("profilo").path)",
            "about:blank",
        ]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, childReads, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrites, 4)
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        _ = close(childReads)
        _ = close(childWrites)
        guard status == 0 else {
            _ = close(parentWrites)
            _ = close(parentReads)
            try? manager.removeItem(at: folder)
            throw .cannotStart(executable.path, String(cString: strerror(status)))
        }
        processID = pid
        commands = parentWrites
        answers = parentReads
        // A first command proves that Chromium is up and listening.
        do {
            _ = try call("Browser.getVersion", deadline: Date().addingTimeInterval(timeout))
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Whether the process is still running (it may have crashed or been killed since the last print).
    var isRunning: Bool {
        guard !stopped else { return false }
        var status: Int32 = 0
        return waitpid(processID, &status, WNOHANG) == 0
    }

    /// Ends Chromium (closing its pipe, then SIGKILL if it lingers) and removes its folder.
    func stop() {
        guard !stopped else { return }
        stopped = true
        _ = close(commands)
        _ = close(answers)
        var status: Int32 = 0
        for _ in 0..<20 {
            if waitpid(processID, &status, WNOHANG) != 0 { break }
            usleep(25_000)
        }
        if waitpid(processID, &status, WNOHANG) == 0 {
            kill(processID, SIGKILL)
            _ = waitpid(processID, &status, 0)
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Prints the page at `url` to PDF bytes (A4 and margins from the page's own print CSS, backgrounds printed,
    /// no header or footer of Chromium's), in a new tab closed afterwards.
    func printToPDF(url: URL, timeout: TimeInterval) throws(PrintingError) -> Data {
        let deadline = Date().addingTimeInterval(timeout)
        let created = try call("Target.createTarget", ["url": "about:blank"], deadline: deadline)
        guard let target = created["targetId"] as? String else { throw failure("nessuna scheda creata") }
        defer { _ = try? call("Target.closeTarget", ["targetId": target], deadline: Date().addingTimeInterval(5)) }
        let attached = try call("Target.attachToTarget", ["targetId": target, "flatten": true], deadline: deadline)
        guard let session = attached["sessionId"] as? String else { throw failure("scheda non raggiungibile") }
        _ = try call("Page.enable", session: session, deadline: deadline)
        events.removeAll()
        let navigated = try call("Page.navigate", ["url": url.absoluteString], session: session, deadline: deadline)
        if let error = navigated["errorText"] as? String, !error.isEmpty { throw failure("pagina non aperta: \(error)") }
        try waitForEvent("Page.loadEventFired", session: session, deadline: deadline)
        let printed = try call(
            "Page.printToPDF",
            ["printBackground": true, "preferCSSPageSize": true, "displayHeaderFooter": false, "transferMode": "ReturnAsBase64"],
            session: session, deadline: deadline)
        guard let text = printed["data"] as? String, let data = Data(base64Encoded: text) else { throw failure("nessun PDF restituito") }
        return data
    }

    // MARK: The protocol

    /// Sends a command and waits for its answer's `result` (events read meanwhile are kept).
    private func call(
        _ method: String, _ params: [String: Any] = [:], session: String? = nil, deadline: Date
    ) throws(PrintingError) -> [String: Any] {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        guard var bytes = try? JSONSerialization.data(withJSONObject: message) else { throw failure("comando \(method) non codificabile") }
        bytes.append(0)
        try send(bytes)
        while true {
            let answer = try receive(deadline: deadline)
            if let answered = answer["id"] as? Int, answered == id {
                if let error = answer["error"] as? [String: Any] {
                    throw failure("\(method): \(error["message"] as? String ?? "errore")")
                }
                return answer["result"] as? [String: Any] ?? [:]
            }
            if let event = answer["method"] as? String { events.append((answer["sessionId"] as? String, event)) }
        }
    }

    private func waitForEvent(_ method: String, session: String, deadline: Date) throws(PrintingError) {
        while !events.contains(where: { $0.session == session && $0.method == method }) {
            let message = try receive(deadline: deadline)
            if let event = message["method"] as? String { events.append((message["sessionId"] as? String, event)) }
        }
    }

    private func send(_ bytes: Data) throws(PrintingError) {
        var sent = 0
        let result: Int = bytes.withUnsafeBytes { raw in
            while sent < raw.count {
                let n = write(commands, raw.baseAddress! + sent, raw.count - sent)
                if n < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                sent += n
            }
            return sent
        }
        if result < 0 { throw failure("Chromium non riceve più comandi") }
    }

    /// The next whole message, or a failure when Chromium closes the pipe or the deadline passes.
    private func receive(deadline: Date) throws(PrintingError) -> [String: Any] {
        while true {
            if let end = buffer[scanned...].firstIndex(of: 0) {
                let message = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                scanned = 0
                guard let object = try? JSONSerialization.jsonObject(with: message) as? [String: Any] else { continue }
                return object
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw PrintingError.chromiumFailed(status: 0, timedOut: true, message: "") }
            var poller = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left * 1000, 60_000).rounded(.up)))
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = read(answers, &chunk, chunk.count)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw failure("Chromium si è chiuso") }
            scanned = buffer.count
            buffer.append(contentsOf: chunk[..<n])
        }
    }

    private func failure(_ text: String) -> PrintingError {
        .chromiumFailed(status: 0, timedOut: false, message: text)
    }
}
