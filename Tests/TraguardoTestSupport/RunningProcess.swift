import Foundation

/// A program started in the background, whose standard error the test watches as it runs, and which the
/// test can kill (`kill -9`) at the moment it chooses.
public final class RunningProcess: @unchecked Sendable {
    public let process: Process
    private let lock = NSLock()
    private var errors = Data()
    private var output = Data()

    /// Starts `executable arguments…` with `environment` added to the tests' own (nil removes a variable).
    public init(_ executable: URL, _ arguments: [String], environment: [String: String?] = [:]) throws {
        _ = TestPostgres.availability
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["TRAGUARDO_DATABASE"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        stdout.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            self?.lock.withLock { self?.output.append(chunk) }
        }
        stderr.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            self?.lock.withLock { self?.errors.append(chunk) }
        }
        try process.run()
    }

    /// `traguardo arguments…`, the built binary.
    public static func traguardo(_ arguments: [String], environment: [String: String?] = [:]) throws -> RunningProcess {
        try RunningProcess(try CommandLineRunner.binary(), arguments, environment: environment)
    }

    public var errorText: String { lock.withLock { String(decoding: errors, as: UTF8.self) } }
    public var outputText: String { lock.withLock { String(decoding: output, as: UTF8.self) } }

    public struct Timeout: Error, CustomStringConvertible {
        public var description: String
    }

    /// Waits until the process prints `text` (on either stream), for up to `seconds`.
    public func waitFor(_ text: String, seconds: Double = 120) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !(errorText.contains(text) || outputText.contains(text)) {
            if !process.isRunning, !(errorText.contains(text) || outputText.contains(text)) {
                throw Timeout(description: "il processo è finito senza scrivere «\(text)»: \(errorText) \(outputText)")
            }
            if Date() > deadline { throw Timeout(description: "«\(text)» non è comparso in \(seconds) s: \(errorText) \(outputText)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// `kill -9`: the process ends at once, without running any of its cleanup.
    public func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Waits for the end; returns the exit status.
    @discardableResult
    public func wait() async -> Int32 {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        return process.terminationStatus
    }

    /// Ends it politely if still running.
    public func terminate() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

/// Another process (python3's sqlite3) holding the write lock of an SQLite file, with a row written and not
/// yet committed, as a long import does: until `release()`, which rolls back.
public final class SQLiteWriteLockHolder: @unchecked Sendable {
    private let running: RunningProcess
    private let control: URL

    public init(path: String) async throws {
        control = URL(fileURLWithPath: path + "-test-rilascia")
        try? FileManager.default.removeItem(at: control)
        let script = """
            import os, sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
            c.execute("BEGIN IMMEDIATE")
            c.execute("CREATE TABLE IF NOT EXISTS test_scrittura_in_corso (x INTEGER)")
            c.execute("INSERT INTO test_scrittura_in_corso VALUES (1)")
            print("scrittura in corso", flush=True)
            while not os.path.exists(sys.argv[2]):
                time.sleep(0.02)
            c.execute("ROLLBACK")
            print("rilasciato", flush=True)
            """
        running = try RunningProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, path, control.path])
        try await running.waitFor("scrittura in corso", seconds: 60)
    }

    /// Rolls back and ends; the lock is free when this returns.
    public func release() async {
        _ = FileManager.default.createFile(atPath: control.path, contents: nil)
        await running.wait()
        try? FileManager.default.removeItem(at: control)
    }
}
