import Foundation
import SQLKit
import Testing
import TraguardoCore
@testable import TraguardoStore
import TraguardoTestSupport

/// A long import stages its measurements without holding the write lock, then applies them all at once:
/// other writers get their turn meanwhile, and the import stays all or nothing with an exact audit log.
@Suite("Import di rilevazioni a tappe")
struct MeasurementImportTests {
    static func stagedRows(_ store: Store) async throws -> Int {
        try await store.backend.withConnection { db in
            try await db.raw("SELECT COUNT(*) AS n FROM import_staging").first()!.decode(column: "n", as: Int.self)
        }
    }

    /// While the import is staging, another writer on the same SQLite file writes (it would wait for the
    /// import's lock, and fail after 3 s, if the import held it); the import then counts and audits exactly
    /// the measurement it changed.
    @Test func anotherWriterGetsItsTurnWhileAnImportIsStaging() async throws {
        try await withTestDatabase(.sqlite) { database in
            let store = try await database.open()
            defer { Task { await store.close() } }
            let scope = CycleScope(entityCode: SamplePlan.entityCode, year: SamplePlan.year)
            try await store.savePlan(SamplePlan.make(), actor: "import")
            let measurements = try #require(try await store.loadPlan(scope)).measurements
            try #require(!measurements.isEmpty)
            var changed = measurements[0]
            changed.value = (changed.value ?? 0) + 1
            let batch = [changed] + measurements.dropFirst()
            let other = try await Store.open(database.location, writerWait: WriterWait(limit: .seconds(3)))
            defer { Task { await other.close() } }
            let auditBefore = try await store.auditLog(AuditQuery(entityCode: scope.entityCode, table: "measurements")).count

            let summary = try await store.importMeasurements(actor: "ufficio") { staging in
                try await staging.write(batch, in: scope)
                try await other.savePlan(SamplePlan.make(entityCode: "massa"), actor: "altro")
            }

            #expect(summary == MeasurementWriteSummary(inserted: 0, updated: 1, unchanged: measurements.count - 1))
            #expect(try await store.loadPlan(CycleScope(entityCode: "massa", year: SamplePlan.year)) != nil)
            #expect(try await store.loadPlan(scope)?.measurements.first { $0.id == changed.id }?.value == changed.value)
            let audit = try await store.auditLog(AuditQuery(entityCode: scope.entityCode, table: "measurements"))
            #expect(audit.count == auditBefore + 1)
            #expect(audit.first?.recordID == changed.id && audit.first?.action == .update && audit.first?.actor == "ufficio")
            #expect(try await Self.stagedRows(store) == 0)
        }
    }

    /// An import that fails after staging leaves the measurements, the audit log and the staging area as
    /// they were; one that inserts writes one audit row per new measurement, on both databases.
    @Test(arguments: TestBackend.allCases)
    func anImportIsAllOrNothing(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let scope = CycleScope(entityCode: SamplePlan.entityCode, year: SamplePlan.year)
            var plan = SamplePlan.make()
            let measurements = plan.measurements
            try #require(!measurements.isEmpty)
            plan.measurements = []
            try await store.savePlan(plan, actor: "import")
            struct Stop: Error {}
            await #expect(throws: (any Error).self) {
                _ = try await store.importMeasurements(actor: "ufficio") { staging in
                    try await staging.write(measurements, in: scope)
                    throw Stop()
                }
            }
            #expect(try await store.loadPlan(scope)?.measurements.isEmpty == true)
            #expect(try await Self.stagedRows(store) == 0)

            let summary = try await store.importMeasurements(actor: "ufficio") { staging in
                try await staging.write(measurements, in: scope)
            }
            #expect(summary == MeasurementWriteSummary(inserted: measurements.count, updated: 0, unchanged: 0))
            #expect(Set(try #require(try await store.loadPlan(scope)).measurements) == Set(measurements))
            let audit = try await store.auditLog(AuditQuery(table: "measurements"))
            #expect(audit.filter { $0.action == .insert }.count == measurements.count)
            #expect(try await Self.stagedRows(store) == 0)

            let again = try await store.importMeasurements(actor: "ufficio") { staging in
                try await staging.write(measurements, in: scope)
            }
            #expect(again == MeasurementWriteSummary(inserted: 0, updated: 0, unchanged: measurements.count))
            #expect(try await store.auditLog(AuditQuery(table: "measurements")).count == audit.count, "invariate: nessuna riga nel registro")
        }
    }
}
