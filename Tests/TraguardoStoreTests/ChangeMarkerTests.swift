import Foundation
import SQLKit
import Testing
import TraguardoCore
@_spi(Testing) import TraguardoStore
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

    /// What a page asks first (`placeMarkers`): the markers of the Ente's years, the same as `changeMarkers`, and the
    /// marker of the list of Enti and cycles, which changes with a new cycle or a renamed Ente and not otherwise.
    @Test(arguments: TestBackend.allCases)
    func thePlaceMarkersAreTheYearsMarkersAndTheListsMarkerChangesWithAnEnteOrACycle(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let code = SamplePlan.entityCode
            try await store.savePlan(SamplePlan.make(), actor: "import")
            let first = try await store.placeMarkers(entityCode: code)
            #expect(first.years == (try await store.changeMarkers(entityCode: code)))
            #expect(first.years.count == 1)
            #expect(first.directory.lastChange != nil)
            let none = try await store.placeMarkers(entityCode: nil)
            #expect(none.years.isEmpty)
            #expect(none.directory == first.directory, "senza scritture il segno non cambia")
            #expect(try await store.placeMarkers(entityCode: "nessuno").years.isEmpty)

            let plan = try #require(try await store.loadPlan(CycleScope(entityCode: code, year: SamplePlan.year)))
            var measurement = try #require(plan.measurements.first)
            measurement.value = (measurement.value ?? 0) + 1
            let changed = measurement
            _ = try await store.recordMeasurements(actor: "ufficio") { batches in
                try await batches.write([changed], in: CycleScope(entityCode: code, year: SamplePlan.year))
            }
            let measured = try await store.placeMarkers(entityCode: code)
            #expect(measured.directory == first.directory, "una misura non cambia l'elenco degli Enti-anni")
            #expect(measured.years != first.years)

            try await store.save(Cycle(entityCode: code, year: SamplePlan.year + 1), actor: "amministratore")
            let added = try await store.placeMarkers(entityCode: code)
            #expect(added.directory != first.directory, "un nuovo ciclo cambia l'elenco")
            #expect(added.years.count == 2)

            var entity = try #require(try await store.entity(code))
            entity.shortName = "Altro nome"
            try await store.save(entity, actor: "amministratore")
            #expect(try await store.placeMarkers(entityCode: nil).directory != added.directory, "un Ente rinominato cambia l'elenco")
        }
    }

    /// On PostgreSQL the count comes from the counter the registro's trigger keeps (one row read per year, not the
    /// whole registro counted per page request): it equals the rows of the registro of its Ente-year after every
    /// kind of write, two writers at once included, and a backup leaves it out and a restore rebuilds it.
    @Test func onPostgreSQLTheCounterIsTheCountOfTheRegistroAndARestoreRebuildsIt() async throws {
        try await withTestStore(.postgres) { store in
            let scope = CycleScope(entityCode: SamplePlan.entityCode, year: SamplePlan.year)
            try await store.savePlan(SamplePlan.make(), actor: "import")
            try await store.savePlan(SamplePlan.make(entityCode: "massa"), actor: "import")
            let plan = try #require(try await store.loadPlan(scope))
            // Two writers of the same Ente-year at once: the counter counts both.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, measurement) in plan.measurements.prefix(4).enumerated() {
                    var changed = measurement
                    changed.value = (measurement.value ?? 0) + Decimal(index + 1)
                    let one = changed
                    group.addTask { _ = try await store.recordMeasurements(actor: "ufficio") { try await $0.write([one], in: scope) } }
                }
                try await group.waitForAll()
            }
            let counted = try await Self.registroCounts(store)
            #expect(try await Self.counters(store) == counted)
            #expect(counted[scope] ?? 0 > 0)
            #expect(try await store.changeMarker(of: scope).changes == counted[scope])

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("contatori-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("copia.backup")
            _ = try await store.backup(to: file)
            try await withTestStore(.postgres) { restored in
                _ = try await restored.restore(from: file, replace: false)
                #expect(try await Self.counters(restored) == counted, "il ripristino ricostruisce i contatori dal registro")
                #expect(try await restored.changeMarker(of: scope).changes == counted[scope])
            }
        }
    }

    static func counters(_ store: Store) async throws -> [CycleScope: Int] {
        try await store.withRawConnection { db in
            var found: [CycleScope: Int] = [:]
            for row in try await db.raw("SELECT entity_code, year, changes FROM change_counters").all() {
                found[CycleScope(entityCode: try row.decode(column: "entity_code", as: String.self), year: try row.decode(column: "year", as: Int.self))] =
                    try row.decode(column: "changes", as: Int.self)
            }
            return found
        }
    }

    static func registroCounts(_ store: Store) async throws -> [CycleScope: Int] {
        try await store.withRawConnection { db in
            var found: [CycleScope: Int] = [:]
            let sql: SQLQueryString = "SELECT entity_code, year, COUNT(*) AS n FROM audit_log WHERE entity_code IS NOT NULL GROUP BY entity_code, year"
            for row in try await db.raw(sql).all() {
                found[CycleScope(entityCode: try row.decode(column: "entity_code", as: String.self), year: try row.decode(column: "year", as: Int.self))] =
                    try row.decode(column: "n", as: Int.self)
            }
            return found
        }
    }
}
