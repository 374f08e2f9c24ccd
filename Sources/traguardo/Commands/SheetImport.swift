import Foundation
import TraguardoCore
import TraguardoExchange
import TraguardoStore

/// `traguardo import scheda.xlsx …`: the *schede di rilevazione* the offices returned. Every sheet is read
/// and checked first (streamed into a temporary file); only if none has a problem are the measurements
/// written, all in one transaction.
struct SheetImport {
    static let extensions: Set<String> = ["xlsx", "csv", "xls", "ods", "xlsm"]

    static func isSheet(_ path: String) -> Bool {
        extensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    let paths: [String]
    let dryRun: Bool
    let progress = ProgressReporter()

    func run(on store: Store) async throws -> [String] {
        var problems: [String] = []
        var report: [String] = []
        var plans: [CycleScope: CyclePlan] = [:]
        let spool = try MeasurementSpool()
        defer { spool.discard() }
        let now = Date()
        var files: [ImportedFile] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            let ext = url.pathExtension.lowercased()
            if ["xls", "ods", "xlsm"].contains(ext) {
                problems.append("\(path): formato .\(ext) non letto: salvare la scheda come .xlsx (Cartella di lavoro Excel) o .csv")
                continue
            }
            do {
                let heading = try MeasurementSheetReader.heading(of: url)
                let scope = CycleScope(entityCode: heading.entityCode, year: heading.year)
                var plan = plans[scope]
                if plan == nil {
                    plan = try await store.loadPlan(scope)
                    plans[scope] = plan
                }
                guard let plan else {
                    problems.append("\(path): la scheda è di \(heading.entityCode) \(heading.year), che non è nel database: importare prima il piano")
                    continue
                }
                let fileIndex = files.count
                files.append(try ImportedFile.reading(url))
                let summary = try MeasurementSheetReader.read(
                    url, plan: plan, author: CommandLineActor.name, recordedAt: now,
                    sink: { try spool.append($0, entity: scope.entityCode, year: scope.year, file: fileIndex) },
                    progress: { progress.reading(url.lastPathComponent, rows: $0) })
                progress.finishPhase()
                let office = heading.officeCode.map { "ufficio \($0)" } ?? "tutti gli uffici"
                report.append("\(url.lastPathComponent) (\(scope.entityCode) \(scope.year), periodo \(heading.periodCode), \(office)): "
                    + "\(summary.filled) righe compilate (\(summary.unchanged) uguali al database), \(summary.empty) vuote")
            } catch let error as SheetProblems {
                progress.finishPhase()
                problems.append(error.description)
            }
        }
        guard problems.isEmpty else {
            throw CommandFailure(message: problems.joined(separator: "\n") + "\nNessuna rilevazione è stata scritta.")
        }
        try spool.close()
        if dryRun {
            return report + ["Controllo completato: \(spool.count) rilevazioni senza errori; nulla è stato scritto (--dry-run)."]
        }
        let total = spool.count
        let reporter = progress
        let importedFiles = files
        let summary = try await store.recordMeasurements(actor: CommandLineActor.name) { batches in
            var done = 0
            try await spool.forEachBatch { batch in
                // Consecutive runs of one file (a sheet is one Ente-year), in their order.
                var start = 0
                while start < batch.count {
                    var end = start + 1
                    while end < batch.count, batch[end].file == batch[start].file { end += 1 }
                    let first = batch[start]
                    try await batches.write(
                        encoded: batch[start..<end].map(\.measurement), in: CycleScope(entityCode: first.entity, year: first.year),
                        from: importedFiles[first.file])
                    start = end
                }
                done += batch.count
                reporter.writing(done: done, total: total)
            }
        }
        progress.finishPhase()
        return report + ["Rilevazioni: \(summary.inserted) nuove, \(summary.updated) modificate, \(summary.unchanged) invariate."]
    }
}
