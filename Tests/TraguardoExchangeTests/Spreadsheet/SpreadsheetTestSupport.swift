import Foundation
import Testing
import TraguardoCore
@testable import TraguardoExchange

/// A fresh temporary folder for one test's files.
struct SpreadsheetScratch {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("traguardo-spreadsheet-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func url(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// openpyxl, run through `python3`, as a reader and writer independent of ours.
enum OpenPyXL {
    static let isAvailable: Bool = (try? Python.run("import openpyxl")) != nil

    /// Run the openpyxl tests when openpyxl is there; with CI=true run them anyway, so that they fail.
    static let shouldRun: Bool = isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"
}

enum Python {
    struct Failure: Error, CustomStringConvertible {
        var status: Int32
        var standardError: String
        var description: String { "python3 è uscito con stato \(status): \(standardError)" }
    }

    /// Runs a script with arguments; returns what it printed on standard output.
    @discardableResult
    static func run(_ script: String, arguments: [String] = []) throws -> Data {
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
}

func decimal(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

func date(_ iso: String) -> CivilDate {
    CivilDate(iso: iso)!
}

/// Rows without trailing empty cells, for comparisons that do not care where a row's cells stop.
func trimmed(_ rows: [[SpreadsheetCell]]) -> [[SpreadsheetCell]] {
    var result = rows.map { row -> [SpreadsheetCell] in
        var row = row
        while let last = row.last, last.isEmpty { row.removeLast() }
        return row
    }
    while let last = result.last, last.isEmpty { result.removeLast() }
    return result
}

/// The rows of a sheet as a grid: row N at index N-1, absent rows empty.
func grid(_ rows: [SpreadsheetRow]) -> [[SpreadsheetCell]] {
    var result: [[SpreadsheetCell]] = []
    for row in rows {
        while result.count < row.number - 1 { result.append([]) }
        result.append(row.cells)
    }
    return trimmed(result)
}

/// The error a throwing expression raises, as a `SpreadsheetError` (nil when it throws none or another kind).
func spreadsheetError(_ body: () throws -> Void) -> SpreadsheetError? {
    do {
        try body()
        return nil
    } catch let error as SpreadsheetError {
        return error
    } catch {
        Issue.record("errore di tipo inatteso: \(error)")
        return nil
    }
}
