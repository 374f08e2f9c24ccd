import Foundation
import Testing
import TraguardoCore
@testable import TraguardoExchange
@testable import TraguardoSpreadsheet

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
