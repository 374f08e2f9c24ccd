import Foundation
import TraguardoCore
import TraguardoSpreadsheet

/// Plan files and plan workbooks read together, as one all-or-nothing read: the errors of every file are
/// reported together and no plan is returned when there is any. `traguardo import` and the server's
/// Importazione both read plans through here.
public enum PlanWorkbookImport {
    /// Reads `paths`; those in `workbooks` are plan workbooks, the others plan files or folders of them.
    /// `names` gives the name messages use for a path (an uploaded file's own name).
    public static func read(
        paths: [String], workbooks: Set<String>, names: [String: String] = [:], budget: InflationBudget = InflationBudget()
    ) throws(PlanFileErrors) -> [CyclePlan] {
        var plans: [CyclePlan] = []
        var errors: [PlanFileError] = []
        let files = paths.filter { !workbooks.contains($0) }
        if !files.isEmpty {
            do { plans = try PlanFileReader.read(paths: files) } catch { errors += error.errors }
        }
        for path in paths where workbooks.contains(path) {
            do {
                plans.append(try PlanWorkbookReader.read(URL(fileURLWithPath: path), name: names[path], budget: budget))
            } catch {
                errors += error.errors
            }
        }
        var seen: Set<String> = []
        for plan in plans where !seen.insert("\(plan.entity.code)/\(plan.cycle.year)").inserted {
            errors.append(PlanFileError(
                file: "\(plan.entity.code) \(plan.cycle.year)", line: nil, field: "",
                message: "lo stesso Ente-anno è in più di un file o foglio Excel: si importa da una sola fonte per volta"))
        }
        if !errors.isEmpty { throw PlanFileErrors(errors) }
        return plans
    }
}
