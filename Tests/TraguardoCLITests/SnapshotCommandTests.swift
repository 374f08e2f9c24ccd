import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// `traguardo snapshot`: closing a period freezes it, `report` prints the closed period from the snapshot
/// (the same DOCX bytes after a later edit), a second close after reopening makes a second version, and
/// `diff` names what changed between the two.
@Suite("traguardo snapshot")
struct SnapshotCommandTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")
    static let scope = CycleScope(entityCode: "lucca", year: 2018)

    func run(_ arguments: [String], database: String) async throws -> CommandLineRunner.Result {
        try await CommandLineRunner.run(arguments + ["--database", database, "--entity", "lucca", "--year", "2018"])
    }

    /// Opens the database file as the server would, for the edits a user makes after the close.
    func withStore(_ database: String, _ body: (Store) async throws -> Void) async throws {
        let store = try await Store.open(.sqlite(path: database))
        do { try await body(store) } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    @Test func closeReportEditReopenCloseAndDiff() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-snapshot-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("traguardo.sqlite").path
        await #expect(try CommandLineRunner.run(["import", "--database", database, Self.examples.appendingPathComponent("lucca-2018").path]).status == 0)
        // The example's period is closed but was never frozen: closing it freezes it.
        await #expect(try run(["snapshot", "list"], database: database).output.contains("Nessuna istantanea"))
        let closed = try await run(["snapshot", "close", "--period", "ANNO"], database: database)
        #expect(closed.status == 0, "\(closed)")
        #expect(closed.output.contains("Periodo ANNO chiuso; istantanea versione 1 del "), "\(closed)")

        let first = folder.appendingPathComponent("prima.docx")
        let second = folder.appendingPathComponent("dopo.docx")
        await #expect(try run(["report", "relazione", "--period", "ANNO", "--format", "docx", "-o", first.path], database: database).status == 0)
        try await withStore(database) { store in
            let plan = try #require(try await store.loadPlan(Self.scope))
            var measurement = try #require(plan.measurements.first { $0.value != nil && $0.numerator == nil })
            measurement.value = (measurement.value ?? 0) + 1_234
            measurement.text = nil
            try await store.update(measurement, in: Self.scope, actor: "ufficio")
        }
        try await Task.sleep(for: .milliseconds(2_100))
        await #expect(try run(["report", "relazione", "--period", "ANNO", "--format", "docx", "-o", second.path], database: database).status == 0)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))

        let one = try await run(["snapshot", "diff", "--period", "ANNO"], database: database)
        #expect(one.status != 0)
        #expect(one.errors.contains("ne servono due"), "\(one)")
        try await withStore(database) { store in
            var period = try #require(try await store.records(MonitoringPeriod.self, in: Self.scope).first { $0.code == "ANNO" })
            period.status = .open
            try await store.update(period, in: Self.scope, actor: "controllo")
        }
        await #expect(try run(["snapshot", "close", "--period", "ANNO"], database: database).output.contains("versione 2"))
        let listed = try await run(["snapshot", "list", "--period", "ANNO"], database: database).output
        #expect(listed.split(separator: "\n").count == 2, "\(listed)")
        let diff = try await run(["snapshot", "diff", "--period", "ANNO"], database: database)
        #expect(diff.status == 0, "\(diff)")
        #expect(diff.output.contains("Valori rilevati cambiati (1):"), "\(diff.output)")
        #expect(diff.output.contains(" → "), "\(diff.output)")
        #expect(!diff.output.contains("Piano cambiato"), "\(diff.output)")
        let same = try await run(["snapshot", "diff", "--period", "ANNO", "--from", "1", "--to", "1"], database: database)
        #expect(same.output.contains("Nessuna differenza"), "\(same)")
        // `traguardo diff --snapshot` is the same comparison.
        let throughDiff = try await run(["diff", "--snapshot", "--period", "ANNO"], database: database)
        #expect(throughDiff.status == 0, "\(throughDiff)")
        #expect(throughDiff.output.trimmingCharacters(in: .whitespacesAndNewlines) == diff.output.trimmingCharacters(in: .whitespacesAndNewlines))
        let notAVersion = try await run(["diff", "--snapshot", "--period", "ANNO", "--from", "ieri"], database: database)
        #expect(notAVersion.status != 0)
        #expect(notAVersion.errors.contains("numero di una versione"), "\(notAVersion)")
        let shown = try await run(["snapshot", "show", "--period", "ANNO", "--version", "1"], database: database)
        #expect(shown.output.contains("Istantanea ANNO versione 1"), "\(shown.output.prefix(500))")
        let missing = try await run(["snapshot", "show", "--period", "ANNO", "--version", "9"], database: database)
        #expect(missing.status != 0)
        #expect(missing.errors.contains("versioni: 1, 2"), "\(missing)")
    }
}
