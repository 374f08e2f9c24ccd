import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// The marker the web server keeps its plans under: the same while nothing changes, different after any
/// write to the Ente-year (and only to it), on both databases.
@Suite("Segno delle modifiche di un Ente-anno")
struct ChangeMarkerTests {
    @Test(arguments: TestBackend.allCases)
    func theMarkerChangesWithEveryWriteToItsEnteYearOnly(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let scope = CycleScope(entityCode: SamplePlan.entityCode, year: SamplePlan.year)
            let other = CycleScope(entityCode: "massa", year: SamplePlan.year)
            #expect(try await store.changeMarker(of: scope) == ChangeMarker(lastChange: nil, changes: 0))
            try await store.savePlan(SamplePlan.make(), actor: "import")
            let saved = try await store.changeMarker(of: scope)
            #expect(saved.lastChange != nil)
            // The count is read on PostgreSQL only (commits out of the order of their numbers); SQLite's one
            // writer at a time makes the last number enough, read from the index.
            #expect(backend == .postgres ? saved.changes > 0 : saved.changes == 0)
            #expect(try await store.changeMarker(of: scope) == saved, "senza scritture il segno non cambia")

            try await store.savePlan(SamplePlan.make(entityCode: "massa"), actor: "import")
            #expect(try await store.changeMarker(of: scope) == saved, "un altro Ente non lo cambia")
            #expect(try await store.changeMarker(of: other) != ChangeMarker(lastChange: nil, changes: 0))

            let plan = try #require(try await store.loadPlan(scope))
            var measurement = try #require(plan.measurements.first)
            measurement.value = (measurement.value ?? 0) + 1
            let changed = measurement
            _ = try await store.recordMeasurements(actor: "ufficio") { batches in try await batches.write([changed], in: scope) }
            let after = try await store.changeMarker(of: scope)
            #expect(after != saved)
            #expect((after.lastChange ?? 0) > (saved.lastChange ?? 0))
            if backend == .postgres { #expect(after.changes > saved.changes) }
            #expect(try await store.changeMarkers(entityCode: scope.entityCode) == [scope.year: after], "lo stesso segno per tutti gli anni")
        }
    }
}
