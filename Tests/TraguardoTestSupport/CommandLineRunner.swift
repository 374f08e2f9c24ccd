import Foundation

/// Runs the built `traguardo` binary as a user would, and captures what it prints.
public enum CommandLineRunner {
    public struct Result: Sendable, CustomStringConvertible {
        public var status: Int32
        public var output: String
        public var errors: String

        public var description: String { "uscita \(status)\n--- stdout\n\(output)\n--- stderr\n\(errors)" }
    }

    public struct BinaryNotFound: Error, CustomStringConvertible {
        public var description: String
    }

    /// The binary next to the test bundle (both live in the build folder, `.build/debug` or a scratch path).
    public static func binary() throws -> URL {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("traguardo"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("traguardo"))
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath }) {
            return found
        }
        throw BinaryNotFound(description: "binario traguardo non trovato; cercato in: \(candidates.map(\.path).joined(separator: ", "))")
    }

    /// Runs `traguardo arguments…` in `directory` with `environment` added to (or, for `nil` values, removed from) the tests' own.
    ///
    /// The wait for the child happens on a thread of its own (`OffPool.run`), never on the cooperative threads the
    /// tests and a live server under test share: on a two-core machine two commands waiting there left the
    /// server no thread to answer on.
    public static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String?] = [:], input: String? = nil
    ) async throws -> Result {
        try await OffPool.run { try runWaiting(arguments, in: directory, environment: environment, input: input) }
    }

    /// The same, blocking the calling thread until the command ends.
    private static func runWaiting(
        _ arguments: [String], in directory: URL?, environment: [String: String?], input: String?
    ) throws -> Result {
        // The test PostgreSQL server starts before any command does: a server started while a
        // command runs could inherit the descriptors through which Foundation waits for that
        // command, and the wait would never end.
        _ = TestPostgres.availability
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["TRAGUARDO_DATABASE"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        // Read both pipes concurrently so that a full one never blocks the child.
        let errorData = LockedData()
        let reader = Thread { errorData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData.value, as: UTF8.self))
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
