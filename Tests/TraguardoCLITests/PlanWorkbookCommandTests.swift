import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// `traguardo export --format xlsx` (the plan workbook, without --period), `export --template`, and `import` of a
/// workbook: the same plan back; a workbook with an error changes nothing.
@Suite("Riga di comando: il piano in un foglio Excel")
struct PlanWorkbookCommandTests {
    @Test func exportImportAndTemplate() async throws {
        try await withTestDatabase(.sqlite) { first in
            try await withTestDatabase(.sqlite) { second in
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-piano-\(UUID().uuidString.prefix(8))")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let dataset = ImportCommandsTests.examples.appendingPathComponent("lucca-2018").path
                let scope = ["--entity", "lucca", "--year", "2018"]
                await #expect(try CommandLineRunner.run(["import", "--database", first.argument, dataset]).status == 0)

                let workbook = folder.appendingPathComponent("piano.xlsx").path
                let export = try await CommandLineRunner.run(["export", "--database", first.argument] + scope + ["--format", "xlsx", "-o", workbook])
                #expect(export.status == 0, "\(export)")
                #expect(export.errors.contains("Piano lucca 2018 in «\(workbook)»: 9 nodi, 50 indicatori, 45 item."), "\(export)")
                let imported = try await CommandLineRunner.run(["import", "--database", second.argument, workbook])
                #expect(imported.status == 0, "\(imported)")
                #expect(imported.output.contains("lucca 2018: 9 nodi, 12 obiettivi, 50 indicatori, 45 item"), "\(imported)")
                let yaml = try await CommandLineRunner.run(["export", "--database", first.argument] + scope)
                let again = try await CommandLineRunner.run(["export", "--database", second.argument] + scope)
                #expect(!yaml.output.isEmpty && yaml.output == again.output)

                let template = folder.appendingPathComponent("modello.xlsx").path
                let blank = try await CommandLineRunner.run(["export", "--template", "-o", template])
                #expect(blank.status == 0, "\(blank)")
                #expect(blank.errors.contains("il foglio «Istruzioni»"))
                let refused = try await CommandLineRunner.run(["export", "--template", "--entity", "lucca", "-o", template])
                #expect(refused.status != 0 && refused.errors.contains("--template scrive il modello vuoto"), "\(refused)")

                // The blank template has no Ente: refused with sheet and row, and the database stays as it was.
                let store = try await second.open()
                let before = try await TestDatabase.dump(store)
                await store.close()
                let empty = try await CommandLineRunner.run(["import", "--database", second.argument, template])
                #expect(empty.status != 0)
                #expect(empty.errors.contains("modello.xlsx, foglio «Ente», riga 2: il foglio non ha righe"), "\(empty)")
                let reopened = try await second.open()
                #expect(try await TestDatabase.dump(reopened) == before)
                await reopened.close()

                // A plan workbook and a scheda di rilevazione are told apart: the scheda still wants --period.
                let noOutput = try await CommandLineRunner.run(["export", "--database", first.argument] + scope + ["--format", "xlsx"])
                #expect(noOutput.status != 0 && noOutput.errors.contains("-o piano-lucca-2018.xlsx"), "\(noOutput)")
            }
        }
    }
}
