import Foundation
import Testing
import TraguardoCore
@testable import TraguardoExchange
import TraguardoSpreadsheet

/// Plan workbooks for the tests: the sheets `PlanWorkbookWriter` makes for a plan, changed cell by cell, written
/// with the XLSX writer.
enum PlanWorkbookFixture {
    static func plan(_ folder: String = "lucca-2018") throws -> CyclePlan {
        try #require(try ExampleDatasets.read(folder).first)
    }

    static func sheets(_ plan: CyclePlan) -> [WorksheetContent] {
        PlanWorkbookWriter.sheets(PlanFileWriter.document(plan))
    }

    static func write(_ sheets: [WorksheetContent], to url: URL) throws {
        try XLSXWriter.write(sheets, to: url)
    }
}

extension Array where Element == WorksheetContent {
    func index(_ sheet: String) -> Int { firstIndex { $0.name == sheet }! }

    func column(_ sheet: String, _ heading: String) -> Int {
        PlanWorkbookLayout.sheetsByName[sheet]!.column(heading)!
    }

    /// The cell at a row number as Excel shows it (1 = headings) and a column heading.
    func cell(_ sheet: String, row: Int, _ heading: String) -> SpreadsheetCell {
        self[index(sheet)].rows[row - 1][column(sheet, heading)]
    }

    func text(_ sheet: String, row: Int, _ heading: String) -> String {
        PlanWorkbookWriter.text(cell(sheet, row: row, heading))
    }

    mutating func set(_ sheet: String, row: Int, _ heading: String, _ value: SpreadsheetCell) {
        self[index(sheet)].rows[row - 1][column(sheet, heading)] = value
    }

    /// The first row (as Excel numbers it) whose cell under `heading` satisfies `test`.
    func row(_ sheet: String, where heading: String, _ test: (String) -> Bool) -> Int? {
        let column = column(sheet, heading)
        return self[index(sheet)].rows.dropFirst().firstIndex { test(PlanWorkbookWriter.text($0[column])) }.map { $0 + 1 }
    }
}
