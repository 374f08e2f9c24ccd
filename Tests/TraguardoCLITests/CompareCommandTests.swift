import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// `traguardo compare`: the indicators several Enti have in common, side by side, with rank and quartiles.
@Suite("Riga di comando: confronto tra Enti")
struct CompareCommandTests {
    /// Five Enti with the sample plan, each with another measured value of the common indicator I1.
    static let values: [(entity: String, value: String)] = [
        ("lucca", "4.0625"), ("pisa", "6"), ("massa", "10"), ("livorno", "7.5"), ("grosseto", "5.5"),
    ]

    static func plans() -> [CyclePlan] {
        values.map { entity, value in
            var plan = SamplePlan.make(entityCode: entity, year: 2022)
            plan.entity.shortName = "CCIAA \(entity.capitalized)"
            plan.measurements[0].value = Decimal(string: value)
            // A local indicator with the same code but another name is not compared with the others.
            if entity == "massa" { plan.indicators[0].name = "Indicatore locale" }
            return plan
        }
    }

    func database() async throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-compare-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("traguardo.sqlite").path
        let store = try await Store.open(.sqlite(path: path))
        try await store.savePlans(Self.plans(), actor: "prova")
        await store.close()
        return (folder, path)
    }

    @Test func commonIndicatorsAreRankedWithQuartiles() async throws {
        let (folder, path) = try await database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CommandLineRunner.run(["compare", "--database", path, "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        let i1 = try #require(json.first { $0["codice"] as? String == "I1" })
        let entries = try #require(i1["enti"] as? [[String: Any]])
        // massa's I1 is another indicator (another name): four Enti compared.
        #expect(Set(entries.compactMap { $0["ente"] as? String }) == ["lucca", "pisa", "livorno", "grosseto"])

        // The engine's results, highest first, ranked 1…4.
        let expected = Self.plans().filter { $0.entity.code != "massa" }
            .map { (code: $0.entity.code, value: PlanScorer.score($0).indicators["G1/I1"]!.score.value!) }
            .sorted { $0.value > $1.value }
        #expect(entries.compactMap { $0["ente"] as? String } == expected.map(\.code))
        #expect(entries.compactMap { $0["valore"] as? String } == expected.map { "\($0.value)" })
        let ranks = entries.compactMap { $0["posizione"] as? Int }
        for (index, rank) in ranks.enumerated() {
            // Equal values share the rank of the first of them.
            let first = expected.firstIndex { $0.value == expected[index].value }!
            #expect(rank == first + 1)
        }
        // Quartiles between the lowest and the highest, in order; the median of four is the mean of the middle two.
        let q1 = try #require(Decimal(string: i1["primoQuartile"] as? String ?? ""))
        let median = try #require(Decimal(string: i1["mediana"] as? String ?? ""))
        let q3 = try #require(Decimal(string: i1["terzoQuartile"] as? String ?? ""))
        #expect(expected.last!.value <= q1 && q1 <= median && median <= q3 && q3 <= expected.first!.value)
        #expect(median == (expected[1].value + expected[2].value) / 2)
        // The best is in the first quartile, the worst in the fourth (when they differ).
        if expected.first!.value != expected.last!.value {
            #expect(entries.first?["quartile"] as? Int == 1)
            #expect(entries.last?["quartile"] as? Int == 4)
        }
    }

    @Test func theTextShowsTheChosenEnteAndOnlyItsIndicators() async throws {
        let (folder, path) = try await database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try await CommandLineRunner.run(["compare", "--database", path, "--entity", "pisa"])
        #expect(text.status == 0, "\(text.errors)")
        #expect(text.output.contains("I1 – Tempo medio di evasione delle pratiche"))
        #expect(text.output.contains("▶"), "l'Ente scelto è segnato")
        #expect(text.output.contains("quartili: Q1 "))
        let massa = try await CommandLineRunner.run(["compare", "--database", path, "--entity", "massa"])
        #expect(massa.output.contains("Nessun indicatore comune"), "l'indicatore di massa non ha pari negli altri Enti")
    }

    @Test func theLuccaExamplesCompareTheirYears() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-compare-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples")
        let demo = try await CommandLineRunner.run(["demo", "--database", path, "--examples", examples.path, "--no-serve"])
        #expect(demo.status == 0, "\(demo.errors)")
        let result = try await CommandLineRunner.run(["compare", "--database", path, "--entity", "lucca", "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(!json.isEmpty, "gli esempi di Lucca hanno indicatori comuni a più anni")
        for comparison in json {
            let entries = try #require(comparison["enti"] as? [[String: Any]])
            #expect(entries.count >= 2)
            let values = entries.compactMap { ($0["valore"] as? String).flatMap { Decimal(string: $0) } }
            #expect(values == values.sorted(by: >), "dal più alto al più basso")
        }
    }
}
