import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

@Suite("Riga di comando: import e demo")
struct ImportCommandsTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    func folder() async throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-import-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: TestBackend.allCases)
    func importLoadsAnExampleAndScoresFromTheDatabase(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let dataset = Self.examples.appendingPathComponent("lucca-2018").path
            let dry = try await CommandLineRunner.run(["import", "--dry-run", "--database", database.argument, dataset])
            #expect(dry.status == 0, "\(dry)")
            #expect(dry.output.contains("nulla è stato scritto"))
            let first = try await CommandLineRunner.run(["import", "--database", database.argument, dataset])
            #expect(first.status == 0, "\(first)")
            #expect(first.output.contains("lucca 2018: 9 nodi, 12 obiettivi, 50 indicatori"), "\(first)")
            #expect(first.output.contains("metodologia salvata come versione 1"))
            let again = try await CommandLineRunner.run(["import", "--database", database.argument, dataset])
            #expect(again.output.contains("nessuna modifica"), "\(again)")
            // Export and import again: nothing changes.
            let exported = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString.prefix(6)).yaml").path
            defer { try? FileManager.default.removeItem(atPath: exported) }
            let export = try await CommandLineRunner.run(["export", "--database", database.argument, "--entity", "lucca", "--year", "2018", "-o", exported])
            #expect(export.status == 0, "\(export)")
            let reimport = try await CommandLineRunner.run(["import", "--database", database.argument, exported])
            #expect(reimport.output.contains("lucca 2018:") && reimport.output.contains("nessuna modifica"), "\(reimport)")
            let score = try await CommandLineRunner.run(["score", "--database", database.argument, "--entity", "lucca", "--year", "2018"])
            #expect(score.output.contains("Carta dei servizi"))
            #expect(score.output.contains("99,22"))  // seed 000: 3572 / 36 processi computati
            let explain = try await CommandLineRunner.run(["explain", "--database", database.argument, "--entity", "lucca", "--year", "2018", "carta-dei-servizi"])
            #expect(explain.output.contains("99,22"), "\(explain)")
        }
    }

    @Test func aBadFileWritesNothingAndSaysWhereItIsWrong() async throws {
        let folder = try await folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("traguardo.sqlite").path
        let good = Self.examples.appendingPathComponent("lucca-2017").path
        #expect(try await CommandLineRunner.run(["import", "--database", database, good]).status == 0)
        let before = try await CommandLineRunner.run(["status", "--database", database]).output

        let bad = folder.appendingPathComponent("piano.yaml")
        try "formato: traguardo/1\nente: {codice: lucca, nome: Lucca}\nanno: 2019\nalbero:\n  - {codice: A, tipo: area, titolo: X}\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let result = try await CommandLineRunner.run(["import", "--database", database, bad.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("\(bad.path), riga 5, albero[0].tipo: valore «area» non previsto; ammessi: area-strategica"), "\(result)")
        #expect(try await CommandLineRunner.run(["status", "--database", database]).output == before)
    }

    @Test func explainShowsWhereEveryElementComesFrom() async throws {
        let folder = try await folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("traguardo.sqlite").path
        #expect(try await CommandLineRunner.run(["import", "--database", database, Self.examples.appendingPathComponent("lucca-2013").path]).status == 0)
        let explain = try await CommandLineRunner.run(["explain", "--database", database, "--entity", "lucca", "--year", "2013", "C30101"])
        #expect(explain.status == 0, "\(explain)")
        #expect(explain.output.contains("Nodo C30101"))
        let sources = try #require(explain.output.components(separatedBy: "\nFonti:\n").last)
        #expect(sources.contains("Nodo C30101 «"), "\(sources)")
        #expect(sources.contains("seeds/001_085c85124fd8c90e.txt, righe "), "\(sources)")
        let bare = try await CommandLineRunner.run(["explain", "--database", database, "--entity", "lucca", "--year", "2013", "C30101", "--no-sources"])
        #expect(!bare.output.contains("Fonti:"))
    }

    @Test func checkReadsPlanFilesWithoutADatabase() async throws {
        let folder = try await folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CommandLineRunner.run(["check", Self.examples.appendingPathComponent("lucca-2018").path], in: folder)
        #expect(result.status == 1, "\(result)")  // seed 000: 96% printed for 74 late invoices of 774
        #expect(result.output.contains("ERRORE PERCENTUALE-CONTEGGI procedimento 2:"), "\(result.output.prefix(600))")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("traguardo.sqlite").path), "nessun database creato")
    }

    @Test func demoLoadsEveryExample() async throws {
        let folder = try await folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CommandLineRunner.run(["demo", "--examples", Self.examples.path], in: folder)
        #expect(result.status == 0, "\(result)")
        for code in ["lucca 2013", "lucca 2017", "lucca 2018", "lucca 2022", "pisa 2022", "massa-carrara 2022", "toscana-nord-ovest 2022"] {
            #expect(result.output.contains("\(code) — "), "\(code)")
        }
        let status = try await CommandLineRunner.run(["status", "--database", "traguardo-demo.sqlite"], in: folder)
        #expect(status.output.contains("toscana-nord-ovest — "), "\(status)")
    }
}
