import Foundation
import TraguardoCore
import TraguardoExchange
import TraguardoStore

/// `traguardo import scheda.xlsx …`: the *schede di rilevazione* the offices returned, through the one
/// `MeasurementImport` the server's Importazione also uses. Every sheet is read and checked first (streamed
/// into a temporary file); only if none has a problem are the measurements written, all in one transaction.
struct SheetImport {
    static func isSheet(_ path: String) -> Bool { MeasurementImport.isSheet(path) }

    let paths: [String]
    let dryRun: Bool
    let progress = ProgressReporter()

    func run(on store: Store) async throws -> [String] {
        let reporter = progress
        let reading = MeasurementImport(
            author: CommandLineActor.name, recordedAt: Date(), progress: { reporter.reading($0, rows: $1) },
            fileDone: { reporter.finishPhase() })
        let sheets = paths.map { MeasurementImport.Sheet(url: URL(fileURLWithPath: $0), name: $0) }
        let checked = try await reading.check(sheets, plan: { try await store.loadPlan(CycleScope(entityCode: $0, year: $1)) })
        let spool = checked.spool
        defer { spool.discard() }
        guard checked.problems.isEmpty else {
            throw CommandFailure(message: (checked.problems + [MeasurementImport.nothingWritten]).joined(separator: "\n"))
        }
        if dryRun { return checked.report + [MeasurementImport.dryRunLine(spool.count) + " (--dry-run)"] }
        // Each file is named once in the registro, with its SHA-256, beside the rows it wrote.
        let files = try sheets.map { try ImportedFile.reading($0.url) }
        let summary = try await store.recordMeasurements(actor: CommandLineActor.name) { batches in
            try await spool.forEachGroup({ entity, year, file, batch in
                try await batches.write(batch, in: CycleScope(entityCode: entity, year: year), from: files[file])
            }, done: { reporter.writing(done: $0, total: $1) })
        }
        progress.finishPhase()
        return checked.report + [MeasurementImport.writtenLine(inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged)]
    }
}
