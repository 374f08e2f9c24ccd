import Foundation
import SQLKit
import Testing
import TraguardoCore
@_spi(Testing) import TraguardoStore
import TraguardoTestSupport

/// A measurement names an item, a period and (through both) an Ente-year that exist, on both databases, whichever
/// keys check it: on PostgreSQL schema step 25 dropped the measurement's own key to `cycles` (the item's and the
/// period's keys imply it); these prove that a measurement of a missing cycle is still refused.
@Suite("Chiavi esterne delle rilevazioni")
struct MeasurementKeyTests {
    /// A row of `measurements` written by hand, bypassing the store's own checks: only the keys can refuse it.
    static func insertSQL(entity: String, year: Int, item: String, period: String) -> String {
        """
        INSERT INTO measurements (entity_code, year, id, item_id, period_id, position, value, justified_deviation)
        VALUES ('\(entity)', \(year), '\(item)@X', '\(item)', '\(period)', 99, '1', 0)
        """
    }

    /// Runs `sql` in a transaction of its own and commits it, where the deferred keys are checked (PostgreSQL reports
    /// a check that fails at an implicit commit after the statement's own answer, which the driver does not wait for).
    static func committing(_ sql: String, on store: Store) async throws {
        try await store.withRawConnection { db in
            try await db.raw("BEGIN").run()
            do {
                try await db.raw(SQLQueryString(sql)).run()
                try await db.raw("COMMIT").run()
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    static func count(_ store: Store, entity: String? = nil) async throws -> Int {
        try await store.withRawConnection { db in
            let filter: SQLQueryString = entity.map { "WHERE entity_code = \(bind: $0)" } ?? ""
            return try await db.raw("SELECT COUNT(*) AS n FROM measurements \(filter)").first(decodingColumn: "n", as: Int.self) ?? -1
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aMeasurementOfAMissingItemPeriodOrCycleIsRefused(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let plan = SamplePlan.make()
            try await store.savePlan(plan, actor: "import")
            // A second Ente-year whose item and period ids are the same as the first's: only the cycle tells them apart.
            let other = SamplePlan.make(entityCode: "massa")
            try await store.savePlan(other, actor: "import")
            let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
            let item = try #require(plan.items.first).id
            let period = try #require(plan.periods.first).id
            let otherPeriod = try #require(other.periods.first).id
            #expect(other.items.first?.id == item)
            let before = try await Self.count(store)

            // Through the store: a missing item, a missing period, each refused with nothing written.
            for (itemID, periodID) in [("nessun-item", period), (item, "nessun-periodo")] {
                let measurement = TraguardoCore.Measurement(
                    id: "\(itemID)@\(periodID)", itemID: itemID, periodID: periodID, value: 1, author: "RI")
                await #expect(throws: StoreError.self) {
                    _ = try await store.recordMeasurements(actor: "ufficio") { try await $0.write([measurement], in: scope) }
                }
            }
            // A missing Ente-year: the store refuses it before writing.
            let elsewhere = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year + 40)
            await #expect(throws: StoreError.self) {
                _ = try await store.recordMeasurements(actor: "ufficio") { batches in
                    try await batches.write(
                        [TraguardoCore.Measurement(id: "\(item)@A", itemID: item, periodID: period, value: 1, author: "RI")],
                        in: elsewhere)
                }
            }

            // By hand, past the store: the database's keys refuse each one.
            let year = plan.cycle.year
            for sql in [
                Self.insertSQL(entity: "lucca", year: year, item: "nessun-item", period: period),
                Self.insertSQL(entity: "lucca", year: year, item: item, period: "nessun-periodo"),
                Self.insertSQL(entity: "lucca", year: year + 40, item: item, period: period),
                Self.insertSQL(entity: "nessun-ente", year: year, item: item, period: period),
            ] {
                await #expect(throws: (any Error).self, "\(sql)") { try await Self.committing(sql, on: store) }
            }
            #expect(try await Self.count(store) == before)

            // The same row with an item and period that exist is accepted, and so is it in the other Ente-year.
            try await Self.committing(Self.insertSQL(entity: "lucca", year: year, item: item, period: period), on: store)
            try await Self.committing(Self.insertSQL(entity: "massa", year: year, item: item, period: otherPeriod), on: store)
            #expect(try await Self.count(store) == before + 2)
            #expect(try await Self.count(store, entity: "massa") == 1 + other.measurements.count)
            // An item or a period that a measurement names cannot go.
            await #expect(throws: (any Error).self) {
                try await Self.committing("DELETE FROM measured_items WHERE entity_code = 'massa' AND id = '\(item)'", on: store)
            }
            await #expect(throws: (any Error).self) {
                try await Self.committing("DELETE FROM periods WHERE entity_code = 'massa' AND id = '\(otherPeriod)'", on: store)
            }
        }
    }

    /// On PostgreSQL the measurement's keys are the item's and the period's only; SQLite keeps its three.
    @Test(arguments: TestBackend.allCases)
    func theCycleKeyIsGoneOnPostgreSQLOnly(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let parents = try await store.withRawConnection { db in
                let sql: SQLQueryString = store.flavor == .postgres
                    ? """
                      SELECT p.relname AS parent FROM pg_constraint c JOIN pg_class p ON p.oid = c.confrelid
                      WHERE c.conrelid = 'measurements'::regclass AND c.contype = 'f' ORDER BY 1
                      """
                    : "SELECT DISTINCT \"table\" AS parent FROM pragma_foreign_key_list('measurements') ORDER BY 1"
                return try await db.raw(sql).all(decodingColumn: "parent", as: String.self)
            }
            #expect(parents == (backend == .postgres ? ["measured_items", "periods"] : ["cycles", "measured_items", "periods"]))
        }
    }
}
