import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// `Store.unitDirectory`: the units of every Ente-year in one query, newest year first, optionally of one Ente.
@Suite("Elenco delle unità di tutti gli Enti-anno")
struct UnitDirectoryTests {
    @Test(arguments: TestBackend.allCases)
    func everyStoredUnitWithItsEnteYearNewestFirst(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.savePlan(SamplePlan.make(year: 2013), actor: "import")
            var later = SamplePlan.make(year: 2014)
            later.units[0].name = "Segreteria Generale (rinominata)"
            try await store.savePlan(later, actor: "import")
            try await store.savePlan(SamplePlan.make(entityCode: "massa", year: 2013), actor: "import")

            let all = try await store.unitDirectory()
            let perPlan = SamplePlan.make().units.count
            #expect(all.count == 3 * perPlan)
            #expect(all.first?.scope == CycleScope(entityCode: SamplePlan.entityCode, year: 2014))
            #expect(all.first?.unit.name == "Segreteria Generale (rinominata)")
            #expect(all.map(\.scope.year) == all.map(\.scope.year).sorted(by: >))

            let massa = try await store.unitDirectory(entityCode: "massa")
            #expect(massa.count == perPlan)
            #expect(massa.allSatisfy { $0.scope.entityCode == "massa" && $0.unit.entityCode == "massa" })
            #expect(try await store.unitDirectory(entityCode: "nessuno").isEmpty)
        }
    }
}
