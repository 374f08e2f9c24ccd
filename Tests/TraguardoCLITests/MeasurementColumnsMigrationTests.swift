import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// Migration 19 moves every measurement from its JSON record into typed columns exactly: the examples (every
/// Ente-year of `Examples/`, written at schema 18 as JSON records) and one measurement with every field set
/// (numbers beyond a double's precision, texts with quotes and new lines, override, series, evidence) read back
/// identical after the step, in the same order; the unique key on item and period still refuses a second row.
@Suite("Migrazione 19: rilevazioni in colonne")
struct MeasurementColumnsMigrationTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    /// A measurement that sets every field, with values a floating-point copy would change.
    static func everyField(of plan: CyclePlan) -> TraguardoCore.Measurement {
        let item = plan.items[0], period = plan.periods[0]
        return TraguardoCore.Measurement(
            id: "\(item.id)@\(period.code)", itemID: item.id, periodID: period.id,
            value: Decimal(string: "12345678901234567890.123456789")!, date: CivilDate(year: 2018, month: 3, day: 7), done: false,
            numerator: Decimal(string: "0.1")!, denominator: Decimal(string: "3.30")!, text: "«4,2 gg»\n\"a vista\"\t\\",
            notComputableReason: "nessuna richiesta", justifiedDeviation: true, justificationNote: "rinvio della Giunta",
            override: ScoreOverride(score: Decimal(string: "99.65")!, reason: "delibera n. 3", approvedBy: "oiv"),
            narrative: "Prima riga\nseconda riga con \u{1} controllo", evidence: ["allegato n. 3", "registro \"B\""],
            author: "mario.rossi", recordedAt: Date(timeIntervalSinceReferenceDate: 818_000_123.456_789),
            provenance: Provenance(source: "scheda.xlsx", lines: "12"),
            series: [YearValue(year: 2010, value: Decimal(string: "258.5")!), YearValue(year: 2011, value: 7)])
    }

    @Test(arguments: TestBackend.allCases)
    func everyMeasurementIsTheSameAfterTheStep(_ backend: TestBackend) async throws {
        // The examples as the current build reads them, taken back from a database as plans.
        var plans: [CyclePlan] = []
        try await withTestDatabase(backend) { source in
            let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path).sorted()
                .map { Self.examples.appendingPathComponent($0).path }
            let imported = try await CommandLineRunner.run(["import", "--database", source.argument] + files)
            #expect(imported.status == 0, "\(imported)")
            let store = try await source.open()
            do {
                for cycle in try await store.cycles() {
                    if let plan = try await store.loadPlan(CycleScope(entityCode: cycle.entityCode, year: cycle.year)) { plans.append(plan) }
                }
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
        #expect(plans.count >= 4)
        #expect(plans.map(\.measurements.count).reduce(0, +) > 100)
        let special = Self.everyField(of: plans[0])
        plans[0].measurements.removeAll { $0.itemID == special.itemID && $0.periodID == special.periodID }
        plans[0].measurements.append(special)

        try await withTestDatabase(backend) { database in
            let old = try await database.open(migrate: false)
            #expect(try await old.migrate(upTo: 18).last?.version == 18)
            try await old.savePlans(plans, actor: "import")
            await old.close()

            let store = try await database.open()
            #expect(try await store.schemaVersion() >= 19)
            for plan in plans {
                let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
                let loaded = try #require(try await store.loadPlan(scope))
                #expect(loaded.measurements == plan.measurements, "\(scope)")
            }
            let scope = CycleScope(entityCode: plans[0].entity.code, year: plans[0].cycle.year)
            #expect(try await store.record(TraguardoCore.Measurement.self, id: special.id, in: scope) == special)

            var second = special
            second.id = "un-altro-id"
            await #expect(throws: StoreError.self) { try await store.insert(second, in: scope, actor: "prova") }
            await store.close()
        }
    }
}
