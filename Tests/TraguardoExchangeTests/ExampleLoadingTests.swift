import Foundation
import Testing
import TraguardoCore
@testable import TraguardoStore
import TraguardoTestSupport

/// `score` reads a plan's records as one JSON array the database joins (`RecordRows.all`), the measurements from
/// their columns, and writes its JSON by hand (`ScoreListing.prettyJSON`): on every example, on SQLite and on
/// PostgreSQL, the plan read is the one read row by row, its scores are the same, and the JSON is the encoder's.
@Suite("Esempi: il piano letto in un passo, i punteggi e il loro JSON come prima")
struct ExampleLoadingTests {
    @Test(arguments: ExampleDatasets.folders, TestBackend.allCases)
    func everyExampleLoadsAndScoresAsRowByRow(_ folder: String, _ backend: TestBackend) async throws {
        let plans = try ExampleDatasets.read(folder)
        try await withTestStore(backend) { store in
            try await store.savePlans(plans, actor: "import")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            for plan in plans {
                let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
                let loaded = try #require(try await store.loadPlan(scope))
                let rowByRow = try #require(try await RecordRows.$rowByRow.withValue(true) { try await store.loadPlan(scope) })
                #expect(loaded == rowByRow, "\(scope)")
                #expect(loaded.indicators.count == plan.indicators.count && loaded.measurements.count == plan.measurements.count, "\(scope)")
                for period in [nil] + loaded.periods.map(\.code) {
                    let listing = ScoreListing(plan: loaded, scores: PlanScorer.score(loaded, period: period))
                    #expect(listing == ScoreListing(plan: rowByRow, scores: PlanScorer.score(rowByRow, period: period)))
                    let encoded = String(decoding: try encoder.encode(listing), as: UTF8.self) + "\n"
                    #expect(listing.prettyJSON == encoded, "\(scope) \(period ?? "-")")
                }
            }
        }
    }

    /// A record the joined array cannot decode is still named, as the row-by-row read named it.
    @Test(arguments: TestBackend.allCases)
    func anUnreadableRecordIsNamed(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let plan = SamplePlan.make()
            try await store.savePlans([plan], actor: "import")
            try await TestDatabase.raw("UPDATE indicators SET data = '{\"id\": 7}' WHERE id = 'G1/I1'", on: store)
            let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
            let error = await storeError { _ = try await store.loadPlan(scope) }
            #expect(error?.description.contains("«G1/I1» in indicatori non è leggibile") == true, "\(String(describing: error))")
        }
    }
}
