import Foundation

/// A program of the machine the tests read Traguardo's files with (pdftotext, pdfinfo, chromium), found on
/// the PATH. Without it a test is skipped, except under CI=true, where `scripts/test` installs it and its
/// absence is a failure (`TestEnvironment.missing`).
public enum ExternalProgram {
    public static func path(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The paths of the programs; without them, the test is skipped (a failure under CI), naming the Debian package.
    @discardableResult
    public static func require(_ names: [String], debianPackage: String) throws -> [String] {
        let found = names.map(path)
        if found.allSatisfy({ $0 != nil }) { return found.compactMap { $0 } }
        let missing = zip(names, found).filter { $0.1 == nil }.map(\.0)
        try TestEnvironment.missing(
            missing.joined(separator: ", "), install: "pacchetto Debian \(debianPackage), che scripts/test installa")
    }

    /// Runs a program and returns what it printed on standard output.
    public static func output(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
