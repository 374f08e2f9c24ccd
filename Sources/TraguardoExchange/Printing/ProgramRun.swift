import Foundation

/// One run of an external program: its exit status, whether it was stopped for taking too long, and the
/// last lines it wrote on standard error (what an error message quotes).
struct ProgramRun {
    var status: Int32
    var timedOut: Bool
    var lastLines: String

    /// Runs the program with no standard input, its standard output discarded and its standard error kept
    /// in a temporary file (a chatty program can never block on a full pipe), and stops it after `timeout`.
    static func run(_ executable: URL, arguments: [String], timeout: TimeInterval) throws(PrintingError) -> ProgramRun {
        let manager = FileManager.default
        let errorFile = manager.temporaryDirectory.appendingPathComponent("traguardo-stderr-\(UUID().uuidString)")
        _ = manager.createFile(atPath: errorFile.path, contents: nil)
        defer { try? manager.removeItem(at: errorFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            let errorHandle = try FileHandle(forWritingTo: errorFile)
            defer { try? errorHandle.close() }
            process.standardError = errorHandle
            try process.run()
        } catch {
            throw .cannotStart(executable.path, error.localizedDescription)
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        let text = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").suffix(5).joined(separator: "\n")
        return ProgramRun(status: process.terminationStatus, timedOut: timedOut, lastLines: lines)
    }
}
