import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// Migration 12 on a database left by version 11: two rows measuring the same item in the same period become
/// one (the first in plan order, the one every reader showed), the sheets' and web form's ids
/// (`ITEM@ente/anno/CODICE`) become `ITEM@CODICE`, and a second row for the same item and period is refused.
@Suite("Migrazione 12: una rilevazione per item e periodo")
struct MeasurementIdentityMigrationTests {
    @Test(arguments: TestBackend.allCases)
    func duplicatesAreResolvedAndIdsTakeOneForm(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let old = try await database.open(migrate: false)
            #expect(try await old.migrate(upTo: 11).last?.version == 11)
            var plan = SamplePlan.make()
            let year = plan.periods.last!, first = plan.periods.first!
            let kept = plan.measurements[0]
            var duplicate = kept
            duplicate.id = "\(kept.itemID)@\(year.id)"
            duplicate.value = 99
            var sheetForm = kept
            sheetForm.id = "\(kept.itemID)@\(first.id)"
            sheetForm.periodID = first.id
            plan.measurements = [kept, duplicate, sheetForm]
            try await old.savePlans([plan], actor: "import")
            await old.close()

            let store = try await database.open()
            #expect(try await store.schemaVersion() >= 12)
            let loaded = try #require(try await store.loadPlan(CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)))
            #expect(loaded.measurements.map(\.id).sorted() == ["\(kept.itemID)@\(first.code)", "\(kept.itemID)@ANNO"])
            #expect(loaded.measurement(of: kept.itemID, in: year)?.value == kept.value)
            #expect(loaded.measurement(of: kept.itemID, in: first)?.id == Measurement.id(item: kept.itemID, period: first))
            let removed = try await store.auditLog(AuditQuery(table: "measurements", recordID: duplicate.id))
            #expect(removed.contains { $0.action == .delete && $0.actor == "migrazione 12" })
            #expect(try await store.auditLog(AuditQuery(table: "measurements", recordID: "\(kept.itemID)@\(first.code)")).count == 1)

            var again = loaded
            var second = loaded.measurements[0]
            second.id = "un-altro-id"
            again.measurements.append(second)
            await #expect(throws: (any Error).self) { try await store.savePlans([again], actor: "import") }
            await store.close()
        }
    }
}
