import Foundation
import TraguardoCore
import TraguardoSpreadsheet

/// What one plan workbook may cost, checked before its rows are read: the file's size on disk, how far its parts
/// may inflate (`InflationBudget`, the same as the schede di rilevazione: the server gives each upload
/// `InflationBudget.upload()`), how many sheets it has, and how many rows all its sheets hold together.
public enum PlanWorkbookLimits {
    public static let maxBytes = 64_000_000
    public static let maxSheets = 64
    /// Rows of all sheets together: as many records as `PlanFileLimits.maxNodes` allows values, give or take.
    public static let maxRows = 1_000_000
    /// Errors listed; beyond them, only how many more there are.
    public static let maxReported = 200

    static func tooLarge(bytes: Int) -> String {
        "il file è di \(ItalianFormatting.fileSize(bytes)), oltre il limite di \(ItalianFormatting.fileSize(maxBytes)) per un piano: dividere il piano o togliere le rilevazioni"
    }
}
