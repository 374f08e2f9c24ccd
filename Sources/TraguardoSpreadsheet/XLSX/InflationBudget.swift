import Foundation

/// How far the XLSX files of one import may inflate: each part read whole (workbook, styles, shared strings)
/// at most ``maxPartBytes`` once decompressed, and every part of every file of the import, streamed sheets
/// included, at most ``maxTotalBytes`` together. A 600 kB file can hold hundreds of MB of shared strings:
/// the reading stops when a budget is spent, with an error naming the file. The web server gives each request
/// ``upload()``; the command line the default, large enough for a sheet of a million rows.
public final class InflationBudget: @unchecked Sendable {
    public let maxPartBytes: Int
    public let maxTotalBytes: Int?
    private let lock = NSLock()
    private var spent = 0

    public init(maxPartBytes: Int = 512 << 20, maxTotalBytes: Int? = nil) {
        self.maxPartBytes = maxPartBytes
        self.maxTotalBytes = maxTotalBytes
    }

    /// One web request: 32 MB per part, 128 MB for all its files.
    public static func upload() -> InflationBudget { InflationBudget(maxPartBytes: 32 << 20, maxTotalBytes: 128 << 20) }

    /// Counts `bytes` more of `part` (which has inflated to `partTotal` so far, `wholePart` when it is kept
    /// whole in memory); throws when a budget is exceeded.
    func spend(_ bytes: Int, partTotal: Int, wholePart: Bool, file: String, part: String) throws(SpreadsheetError) {
        if wholePart, partTotal > maxPartBytes {
            throw SpreadsheetError(
                file: file, message: "la parte \(part) supera \(ItalianMegabytes.text(maxPartBytes)) una volta decompressa: il file non è stato letto")
        }
        guard let maxTotalBytes else { return }
        let total = lock.withLock {
            spent += bytes
            return spent
        }
        if total > maxTotalBytes {
            throw SpreadsheetError(
                file: file,
                message: "i file XLSX di questo invio superano \(ItalianMegabytes.text(maxTotalBytes)) una volta decompressi: "
                    + "inviare meno file per volta")
        }
    }
}

enum ItalianMegabytes {
    static func text(_ bytes: Int) -> String { "\(bytes >> 20) MB" }
}
