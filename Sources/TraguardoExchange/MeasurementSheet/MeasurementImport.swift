import Foundation
import TraguardoCore
import TraguardoSpreadsheet

/// The import of *schede di rilevazione*, the same for `traguardo import scheda.xlsx` and the server's
/// Amministrazione › Importazione: the same formats, checks, messages and summary, and the same memory bound.
/// Every sheet is read and checked first, its measurements streamed into a `MeasurementSpool` (a temporary
/// file, never an array); only when no sheet has a problem does the caller write the spool, in one transaction
/// of the store (`Store.recordMeasurements`, which this module does not see).
public struct MeasurementImport {
    /// The formats read.
    public static let readable: Set<String> = ["xlsx", "csv"]
    /// Spreadsheet formats a person may try, answered with what to do instead.
    public static let refused: Set<String> = ["xls", "ods", "xlsm"]

    /// A file the import takes (a sheet, in a format read or not): the others are plan files.
    public static func isSheet(_ path: String) -> Bool {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        return readable.contains(ext) || refused.contains(ext)
    }

    /// A sheet to import: where it is, and the name messages give it (the path typed, or the uploaded name).
    public struct Sheet: Sendable {
        public var url: URL
        public var name: String

        public init(url: URL, name: String) {
            self.url = url
            self.name = name
        }
    }

    /// The checked sheets: one line per sheet, or the problems of all of them (nothing may then be written).
    public struct Checked {
        public var report: [String]
        public var problems: [String]
        /// The measurements to write, with their Ente, year and the index of their sheet (`forEachGroup`);
        /// discarded by the caller.
        public var spool: MeasurementSpool
    }

    public var author: String?
    public var recordedAt: Date
    /// The decompression budget of each read: one shared by the files of an upload, or a fresh one per file.
    public var budget: () -> InflationBudget
    /// Whether the user may import into the Ente-year (`nil`) or why not («l'utente non è abilitato…»).
    public var admit: (_ entity: String, _ year: Int) -> String?
    public var progress: (_ file: String, _ rows: Int) -> Void
    public var fileDone: () -> Void

    public init(
        author: String?, recordedAt: Date, budget: @escaping () -> InflationBudget = { InflationBudget() },
        admit: @escaping (String, Int) -> String? = { _, _ in nil }, progress: @escaping (String, Int) -> Void = { _, _ in },
        fileDone: @escaping () -> Void = {}
    ) {
        self.author = author
        self.recordedAt = recordedAt
        self.budget = budget
        self.admit = admit
        self.progress = progress
        self.fileDone = fileDone
    }

    /// Reads and checks every sheet against its Ente-year's plan (`plan` is asked again whenever the Ente-year
    /// changes from one sheet to the next; nil: not in the database). Only one plan is held at a time: an import of
    /// the sheets of 250 Ente-years kept all 250 plans (339 MB at 1.000.000 rows).
    public func check(_ sheets: [Sheet], plan: (_ entity: String, _ year: Int) async throws -> CyclePlan?) async throws -> Checked {
        var problems: [String] = []
        var report: [String] = []
        var current: (key: String, plan: CyclePlan?)?
        let spool = try MeasurementSpool()
        for (index, sheet) in sheets.enumerated() {
            let url = sheet.url
            let ext = url.pathExtension.lowercased()
            guard Self.readable.contains(ext) else {
                problems.append("\(sheet.name): formato .\(ext) non letto: salvare la scheda come .xlsx (Cartella di lavoro Excel) o .csv")
                continue
            }
            do {
                let budget = budget()
                let heading = try MeasurementSheetReader.heading(of: url, budget: budget)
                let entity = heading.entityCode, year = heading.year
                if let refusal = admit(entity, year) {
                    problems.append("\(sheet.name): \(refusal)")
                    continue
                }
                let key = "\(entity)/\(year)"
                if current?.key != key {
                    current = nil  // the previous plan is released before the next one is read
                    current = (key, try await plan(entity, year))
                }
                guard let cyclePlan = current?.plan else {
                    problems.append("\(sheet.name): la scheda è di \(entity) \(year), che non è nel database: importare prima il piano")
                    continue
                }
                let summary = try MeasurementSheetReader.read(
                    url, plan: cyclePlan, author: author, recordedAt: recordedAt,
                    sink: { try spool.append($0, entity: entity, year: year, file: index) },
                    progress: { progress(url.lastPathComponent, $0) }, budget: budget)
                fileDone()
                let office = heading.officeCode.map { "ufficio \($0)" } ?? "tutti gli uffici"
                report.append("\(url.lastPathComponent) (\(entity) \(year), periodo \(heading.periodCode), \(office)): "
                    + "\(summary.filled) righe compilate (\(summary.unchanged) uguali al database), \(summary.empty) vuote")
            } catch let error as SheetProblems {
                fileDone()
                problems += error.description.split(separator: "\n").map(String.init)
            }
        }
        try spool.close()
        return Checked(report: report, problems: problems, spool: spool)
    }

    /// What is said after a check that found nothing wrong, when nothing is written.
    public static func dryRunLine(_ count: Int) -> String {
        "Controllo completato: \(ItalianFormatting.number(Decimal(count))) rilevazioni senza errori; nulla è stato scritto."
    }

    /// What is said after writing.
    public static func writtenLine(inserted: Int, updated: Int, unchanged: Int) -> String {
        "Rilevazioni: \(inserted) nuove, \(updated) modificate, \(unchanged) invariate."
    }

    /// What is said under the problems.
    public static let nothingWritten = "Nessuna rilevazione è stata scritta."
}
