import Foundation

/// `python3`, for the independent readers the tests check Traguardo's files with (openpyxl, ElementTree).
public enum Python {
    public struct Failure: Error, CustomStringConvertible {
        public var status: Int32
        public var standardError: String
        public var description: String { "python3 è uscito con stato \(status): \(standardError)" }
    }

    /// Runs a script with arguments; returns what it printed on standard output. Standard error goes to a
    /// file, so that a long error message can never block the pipe.
    @discardableResult
    public static func run(_ script: String, arguments: [String] = []) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("python-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? errorHandle.close()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw Failure(status: process.terminationStatus, standardError: message)
        }
        return data
    }

    /// `run`, waited for on a thread of its own (`OffPool`): what an async test calls, above all while a live
    /// server under test must answer on the cooperative threads (a `Task.detached` still waits on one of them).
    @discardableResult
    public static func runOnOwnThread(_ script: String, arguments: [String] = []) async throws -> Data {
        try await OffPool.run { try run(script, arguments: arguments) }
    }

    /// What the script printed, as text.
    @discardableResult
    public static func text(_ script: String, arguments: [String] = []) throws -> String {
        String(decoding: try run(script, arguments: arguments), as: UTF8.self)
    }

    /// `'…'`, a Python string literal of `text`.
    public static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}

/// openpyxl, run through `python3`, as an XLSX reader and writer independent of Traguardo's.
public enum OpenPyXL {
    public static let isAvailable: Bool = (try? Python.run("import openpyxl")) != nil

    /// For `.enabled(if:)`: run the openpyxl tests when openpyxl is there; under CI run them anyway, so that they fail.
    public static let shouldRun: Bool = TestEnvironment.shouldRun(whenAvailable: isAvailable)

    /// For tests that do more than openpyxl: without it, skipped (a failure under CI).
    public static func require() throws {
        guard !isAvailable else { return }
        try TestEnvironment.missing("openpyxl", install: "scripts/test lo installa con pip")
    }
}

/// python-docx, run through `python3`, as a DOCX reader independent of Traguardo's writer.
public enum PythonDocx {
    public static let isAvailable: Bool = (try? Python.run("import docx")) != nil

    /// For `.enabled(if:)`: run the python-docx tests when python-docx is there; under CI run them anyway.
    public static let shouldRun: Bool = TestEnvironment.shouldRun(whenAvailable: isAvailable)

    /// For tests that do more than python-docx: without it, skipped (a failure under CI).
    public static func require() throws {
        guard !isAvailable else { return }
        try TestEnvironment.missing("python-docx", install: "scripts/test lo installa con pip")
    }
}

/// PyYAML, run through `python3`, as a YAML reader independent of Traguardo's.
public enum PyYAML {
    /// Without PyYAML, skipped (a failure under CI).
    public static func require() throws { try PythonModules.require("yaml") }
}

/// Python modules a test needs (`"yaml, openapi_spec_validator"`): without them the test is skipped (a failure
/// under CI, where `scripts/test` installs them).
public enum PythonModules {
    public static func require(_ modules: String) throws {
        guard (try? Python.run("import \(modules)")) == nil else { return }
        try TestEnvironment.missing("i moduli Python \(modules)", install: "scripts/test li installa con pip")
    }
}

/// Selenium with Chromium headless and its driver, for the browser tests of the web pages and the server:
/// the one probe both use.
public enum Selenium {
    public static let chromedriver = "/usr/bin/chromedriver"

    public static let isAvailable: Bool =
        FileManager.default.isExecutableFile(atPath: chromedriver)
        && (FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") || FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium-browser"))
        && (try? Python.run("import selenium")) != nil

    /// For `.enabled(if:)`: run the browser tests when Chromium and selenium are there; under CI run them anyway.
    public static let shouldRun: Bool = TestEnvironment.shouldRun(whenAvailable: isAvailable)
}
