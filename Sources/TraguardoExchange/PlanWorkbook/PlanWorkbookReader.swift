import Foundation
import TraguardoCore
import Yams
import TraguardoSpreadsheet

/// Reads a plan workbook (`PlanWorkbookWriter`, the blank template filled in, or any workbook with the same
/// sheets and headings) into the Ente-year it holds. The rows become the records of a plan file and go through
/// the plan file's own `PlanBuilder`: the same rules, the same messages, the same all-or-nothing. Every mistake
/// is reported together, each with its sheet, row, column, the value found and what was expected; when there is
/// any, no plan is returned.
public enum PlanWorkbookReader {
    /// Whether an `.xlsx` file is a plan workbook (it has the sheets «Ente» and «Albero»), not a scheda di
    /// rilevazione. Only the workbook part is read.
    public static func isPlanWorkbook(_ url: URL, budget: InflationBudget = InflationBudget()) -> Bool {
        guard let reader = try? XLSXReader(url: url, budget: budget) else { return false }
        return reader.sheetNames.contains("Ente") && reader.sheetNames.contains("Albero")
    }

    /// Reads the workbook at `url`; `name` is what messages call the file (the uploaded name), by default its name.
    public static func read(_ url: URL, name: String? = nil, budget: InflationBudget = InflationBudget()) throws(PlanFileErrors) -> CyclePlan {
        let file = name ?? url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        if size > PlanWorkbookLimits.maxBytes {
            throw PlanFileErrors([PlanFileError(file: file, line: nil, field: "", message: PlanWorkbookLimits.tooLarge(bytes: size))])
        }
        let reader: XLSXReader
        do {
            reader = try XLSXReader(url: url, budget: budget)
        } catch {
            throw PlanFileErrors([PlanFileError(file: file, line: nil, field: "", message: error.message)])
        }
        var reading = PlanWorkbookRows(file: file)
        try reading.read(reader)
        return try reading.build()
    }
}
