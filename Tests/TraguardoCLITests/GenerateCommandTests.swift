import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

@Suite("Riga di comando: generate --national")
struct GenerateCommandTests {
    static func folder() async throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-generate-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func files(_ root: URL) async throws -> [String: Data] {
        var result: [String: Data] = [:]
        for folder in try FileManager.default.contentsOfDirectory(atPath: root.path) {
            for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path) {
                result["\(folder)/\(name)"] = try Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name))
            }
        }
        return result
    }

    /// The same seed gives the same files; the files load (plan, then the filled sheets), every item measured in
    /// every period, and the national indicators (UC01…) are in every Ente.
    @Test func theNationalDatasetIsReproducibleAndLoads() async throws {
        let root = try await Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = ["generate", "--national", "--enti", "2", "--years", "2", "--indicators", "30", "--periods", "4", "--seed", "5"]
        let first = try await CommandLineRunner.run(arguments + ["-o", root.appendingPathComponent("a").path])
        #expect(first.status == 0, "\(first)")
        #expect(first.output.contains("480 righe di rilevazione"), "\(first)")
        let again = try await CommandLineRunner.run(arguments + ["-o", root.appendingPathComponent("b").path])
        let other = try await CommandLineRunner.run(["generate", "--national", "--enti", "2", "--years", "2", "--indicators", "30", "--seed", "6",
                                               "-o", root.appendingPathComponent("c").path])
        #expect(again.status == 0 && other.status == 0)
        let a = try await Self.files(root.appendingPathComponent("a"))
        #expect(a.count == 2 * 2 * 5, "a plan and 4 sheets per Ente-year: \(a.keys.sorted())")
        await #expect(a == (try Self.files(root.appendingPathComponent("b"))))
        await #expect(a != (try Self.files(root.appendingPathComponent("c"))))

        try await withTestDatabase(.sqlite) { database in
            let folders = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("a").path).sorted()
            let plans = folders.map { root.appendingPathComponent("a/\($0)/piano.json").path }
            let sheets = folders.flatMap { f in ["T1", "T2", "T3", "ANNO"].map { root.appendingPathComponent("a/\(f)/scheda-\($0).csv").path } }
            let planImport = try await CommandLineRunner.run(["import", "--database", database.argument] + plans)
            #expect(planImport.status == 0, "\(planImport)")
            let sheetImport = try await CommandLineRunner.run(["import", "--database", database.argument] + sheets)
            #expect(sheetImport.status == 0, "\(sheetImport)")
            #expect(sheetImport.output.contains("Rilevazioni: 480 nuove, 0 modificate, 0 invariate."), "\(sheetImport)")
            let store = try await database.open()
            for entity in ["agrigento", "alessandria"] {
                let plan = try #require(try await store.loadPlan(CycleScope(entityCode: entity, year: 2016)))
                #expect(plan.indicators.filter { $0.code.hasPrefix("UC") }.count == 20)
                #expect(plan.measurements.count == 30 * 4)
            }
            await store.close()
        }
    }
}
