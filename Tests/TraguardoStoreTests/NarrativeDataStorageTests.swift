import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// The tables and sub-indicators of the narratives are stored with the Ente-year (migration «Tabelle e
/// sotto-indicatori delle narrative»): saved, read back equal, changed and removed like every other record.
@Suite("Tabelle e sotto-indicatori delle narrative nel database")
struct NarrativeDataStorageTests {
    @Test(arguments: TestBackend.allCases)
    func narrativeDataIsSavedAndReadBack(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            var plan = SamplePlan.make()
            plan.narrativeTables = [NarrativeTable(
                code: "musa", indicatorID: plan.indicators.first?.id, year: 2013, title: "Eventi MuSA", columns: ["Attività", "Partecipanti"],
                rows: [.init(label: "Visite", values: [10, 415]), .init(label: "Sopralluoghi", values: [13, nil])],
                declaredTotals: [46, Decimal(string: "1702")], provenance: Provenance(source: "seed", lines: "528-536"))]
            plan.subIndicators = [SubIndicator(
                code: "visitatori", indicatorID: plan.indicators.first?.id, year: 2013, name: "Visitatori", value: 38477,
                unit: "ingressi", baseline: 37418, baselineYear: 2012, comparator: .atLeast, declaredChange: Decimal(string: "2.83"))]
            let summary = try await store.savePlan(plan, actor: "import")
            #expect(summary.tables["narrative_tables"]?.inserted == 1)
            #expect(summary.tables["sub_indicators"]?.inserted == 1)
            let scope = CycleScope(entityCode: "lucca", year: 2013)
            let loaded = try #require(try await store.loadPlan(scope))
            #expect(loaded.narrativeTables == plan.narrativeTables)
            #expect(loaded.subIndicators == plan.subIndicators)
            #expect(loaded == plan)

            plan.subIndicators[0].value = 38000
            plan.narrativeTables = []
            let changed = try await store.savePlan(plan, actor: "ufficio")
            #expect(changed.tables["sub_indicators"]?.updated == 1)
            #expect(changed.tables["narrative_tables"]?.deleted == 1)
            let again = try #require(try await store.loadPlan(scope))
            #expect(again.narrativeTables.isEmpty)
            #expect(again.subIndicators.first?.value == 38000)
        }
    }
}
