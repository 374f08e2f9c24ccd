import Foundation
import TraguardoCore
import TraguardoSpreadsheet

/// Whose sheet it is, as its heading block says.
public struct MeasurementSheetHeading: Hashable, Sendable {
    public var entityCode: String
    public var year: Int
    public var periodCode: String
    /// nil: a sheet of the whole Ente.
    public var officeCode: String?
}

/// One thing wrong in a sheet: file, row, column, the value found and what was expected, in Italian.
public struct SheetProblem: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var row: Int?
    public var column: String?
    public var message: String

    public var description: String {
        var place = file
        if let row { place += ", riga \(row)" }
        if let column { place += ", colonna «\(column)»" }
        return "\(place): \(message)"
    }
}

/// Every problem of a sheet (the first 200 kept, all counted).
public struct SheetProblems: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [SheetProblem]
    public var total: Int

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
            + (total > problems.count
                ? "\n… e altri \(Decimal(total - problems.count).italian) errori (\(Decimal(total).italian) in tutto)" : "")
    }
}

/// What a sheet held.
public struct SheetReadSummary: Hashable, Sendable {
    public var heading: MeasurementSheetHeading
    /// Rows with a value, an N.C. reason or a justification: each became a measurement.
    public var filled = 0
    /// Filled rows that say what the database already holds: not passed on.
    public var unchanged = 0
    /// Item rows the office left empty.
    public var empty = 0
}

/// Reads a *scheda di rilevazione* (XLSX or CSV) back into measurements. The file is streamed row by row:
/// a million rows never sit in memory. Every row is checked against the plan; all problems are collected
/// and thrown together at the end, so the caller writes nothing unless the whole sheet is right.
public enum MeasurementSheetReader {
    /// Only the heading block: which Ente-year (and period, office) the sheet belongs to.
    public static func heading(of url: URL, budget: InflationBudget = InflationBudget()) throws(SheetProblems) -> MeasurementSheetHeading {
        var context = HeadingParser(file: url.lastPathComponent)
        do {
            try SheetRows.forEach(url, budget: budget) { row in
                guard row.number <= MeasurementSheetLayout.headingRows else { throw HeadingParser.Done() }
                context.take(row)
            }
        } catch is HeadingParser.Done {
        } catch let error as SheetProblems {
            throw error
        } catch let error as SpreadsheetError {
            throw SheetProblems(problems: [SheetProblem(file: error.file, row: error.row, message: error.message)], total: 1)
        } catch {
            throw SheetProblems(problems: [SheetProblem(file: url.lastPathComponent, message: "\(error)")], total: 1)
        }
        return try context.finish()
    }

    /// Streams the item rows, checks each against `plan` (the sheet's Ente-year), and passes every filled row
    /// as a measurement (merged with the one the plan holds for that item and period) to `sink`.
    /// `progress` is called with the rows read so far, every 1.000 rows. `author` and `recordedAt` are set on
    /// every measurement; its provenance is the file and row.
    public static func read(
        _ url: URL, plan: CyclePlan, author: String? = nil, recordedAt: Date? = nil,
        sink: (TraguardoCore.Measurement) throws -> Void, progress: (Int) -> Void = { _ in }, budget: InflationBudget = InflationBudget()
    ) throws(SheetProblems) -> SheetReadSummary {
        let file = url.lastPathComponent
        let heading = try Self.heading(of: url)
        var rows = SheetRowChecker(file: file, plan: plan, heading: heading, author: author, recordedAt: recordedAt)
        try rows.checkHeading()
        do {
            try SheetRows.forEach(url, budget: budget) { row in
                if row.number % 1000 == 0 { progress(row.number) }
                if let measurement = rows.take(row) { try sink(measurement) }
            }
        } catch let error as SheetProblems {
            throw error
        } catch let error as SpreadsheetError {
            rows.problem(error.row, nil, error.message)
        } catch {
            rows.problem(nil, nil, "\(error)")
        }
        return try rows.finish()
    }
}

/// The rows of the sheet, from XLSX (sheet «Rilevazioni», else the first) or CSV.
enum SheetRows {
    static func forEach(_ url: URL, budget: InflationBudget, _ body: (SpreadsheetRow) throws -> Void) throws {
        let file = url.lastPathComponent
        if try isZIP(url) {
            let reader = try XLSXReader(url: url, budget: budget)
            guard let sheet = reader.sheetNames.first(where: { $0 == MeasurementSheetLayout.sheetName }) ?? reader.sheetNames.first else {
                throw SheetProblems(problems: [SheetProblem(file: file, message: "il file XLSX non ha fogli")], total: 1)
            }
            try reader.forEachRow(inSheet: sheet, body)
        } else if url.pathExtension.lowercased() == "xlsx" {
            throw SheetProblems(problems: [SheetProblem(
                file: file, message: "non è un file XLSX (non è un archivio ZIP): salvarlo da Excel o LibreOffice come «Cartella di lavoro Excel (.xlsx)», oppure come CSV")], total: 1)
        } else {
            try CSVReader(url: url).forEachRow(body)
        }
    }

    static func isZIP(_ url: URL) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw SheetProblems(problems: [SheetProblem(file: url.lastPathComponent, message: "il file non esiste o non è leggibile")], total: 1)
        }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        return magic == Data([0x50, 0x4B, 0x03, 0x04])
    }
}

extension SpreadsheetCell {
    /// The cell as the text a person sees, for messages and for text columns.
    var text: String {
        switch self {
        case .empty: ""
        case .text(let s): s.trimmed
        case .number(let d): d.italian
        case .date(let d): d.italian
        case .boolean(let b): b ? "VERO" : "FALSO"
        case .error(let e): e
        }
    }
}
