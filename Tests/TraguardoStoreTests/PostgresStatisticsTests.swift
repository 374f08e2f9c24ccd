import Foundation
import SQLKit
import Testing
import TraguardoCore
@_spi(Testing) import TraguardoStore
import TraguardoTestSupport

/// A transaction that grows a table by a large part of its size analyzes it before COMMIT (`FreshStatistics`): the
/// deferred foreign-key checks at COMMIT, and every reader after it, are planned on statistics that describe the
/// table, not on none (which made PostgreSQL look the rows up by the wrong index, reading the whole Ente-year per row).
@Suite("Statistiche di PostgreSQL dopo una scrittura grande")
struct PostgresStatisticsTests {
    static let extraItems = 1500

    /// The sample plan with `extraItems` more indicators, each with one item and its year-end measurement.
    static func largePlan() -> CyclePlan {
        var plan = SamplePlan.make()
        let indicator = plan.indicators[0]
        let item = plan.items[0]
        for index in 1...extraItems {
            var newIndicator = indicator
            newIndicator.id = "G1/X\(index)"
            newIndicator.code = "X\(index)"
            plan.indicators.append(newIndicator)
            var newItem = item
            newItem.id = "G1/X\(index)/a"
            newItem.indicatorID = newIndicator.id
            plan.items.append(newItem)
        }
        return plan
    }

    /// The year-end measurements of the extra items, value `base + index`.
    static func measurements(of plan: CyclePlan, base: Int) -> [TraguardoCore.Measurement] {
        let yearEnd = plan.periods.last!.id
        return (1...extraItems).map { index in
            TraguardoCore.Measurement(id: "G1/X\(index)/a@ANNO", itemID: "G1/X\(index)/a", periodID: yearEnd,
                                      value: Decimal(base + index), author: "RI")
        }
    }

    static func estimatedRows(_ table: String, _ store: Store) async throws -> Double {
        try await store.withRawConnection { db in
            try await db.raw("SELECT reltuples::float8 AS n FROM pg_class WHERE relname = \(bind: table)")
                .first(decodingColumn: "n", as: Double.self) ?? -1
        }
    }

    /// The index the foreign-key check of a measurement's item uses (the query PostgreSQL runs at COMMIT).
    static func itemLookupPlan(_ store: Store) async throws -> String {
        try await store.withRawConnection { db in
            try await db.raw("""
                EXPLAIN SELECT 1 FROM ONLY measured_items x WHERE entity_code = 'lucca' AND year = 2013 AND id = 'G1/X7/a'
                FOR KEY SHARE OF x
                """).all(decodingColumn: "QUERY PLAN", as: String.self).joined(separator: "\n")
        }
    }

    @Test func aLargePlanIsAnalyzedInItsOwnTransactionAndASmallOneIsNot() async throws {
        try await withTestStore(.postgres) { store in
            // A small plan leaves the statistics alone (never analyzed: -1), as before.
            try await store.savePlan(SamplePlan.make(entityCode: "massa"), actor: "import")
            #expect(try await Self.estimatedRows("measured_items", store) < 0)

            let plan = Self.largePlan()
            try await store.savePlan(plan, actor: "import")
            #expect(try await Self.estimatedRows("measured_items", store) >= Double(Self.extraItems))
            #expect(try await Self.estimatedRows("indicators", store) >= Double(Self.extraItems))
            #expect(try await Self.itemLookupPlan(store).contains("measured_items_pkey"))
        }
    }

    /// An import of measurements on PostgreSQL (COPY of the rows and of their audit) keeps every value exactly, the
    /// characters COPY escapes included, and analyzes the measurements; a second import of the same rows is
    /// recognized exactly: all unchanged; then a few changed ones are updated. The change counter stays the count of
    /// the registro.
    @Test func aSecondImportOfTheSameRowsIsUnchangedAndTheCounterIsTheRegistro() async throws {
        try await withTestStore(.postgres) { store in
            let plan = Self.largePlan()
            try await store.savePlan(plan, actor: "import")
            let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
            var rows = Self.measurements(of: plan, base: 0)
            // COPY's text format escapes these; the rest of a value is copied whole.
            rows[5].narrative = "riga 1\nriga\t2 \\N c:\\dati\r fine «è»"
            rows[6].text = "\\"
            let first = rows
            let written = try await store.recordMeasurements(actor: "ufficio") { batches in
                for chunk in stride(from: 0, to: first.count, by: 500) {
                    try await batches.write(Array(first[chunk..<min(chunk + 500, first.count)]), in: scope)
                }
            }
            #expect(written.inserted == Self.extraItems)
            #expect(written.updated == 0)
            #expect(written.unchanged == 0)
            #expect(try await Self.estimatedRows("measurements", store) >= Double(Self.extraItems))
            let copied = try #require(try await store.loadPlan(scope)).measurements
            #expect(copied.first { $0.id == first[5].id } == first[5])
            #expect(copied.first { $0.id == first[6].id } == first[6])

            let again = try await store.recordMeasurements(actor: "ufficio") { try await $0.write(first, in: scope) }
            #expect(again.inserted == 0)
            #expect(again.updated == 0)
            #expect(again.unchanged == Self.extraItems)

            var changed = first
            for index in [0, 10, 1499] { changed[index].value = -7 }
            let second = changed
            let third = try await store.recordMeasurements(actor: "ufficio") { try await $0.write(second, in: scope) }
            #expect(third.inserted == 0)
            #expect(third.updated == 3)
            #expect(third.unchanged == Self.extraItems - 3)
            let stored = try #require(try await store.loadPlan(scope)).measurements.filter { $0.id.hasPrefix("G1/X") }
            #expect(stored.count == Self.extraItems)
            #expect(stored.filter { $0.value == -7 }.map(\.id) == [0, 10, 1499].map { first[$0].id })

            let counted = try await ChangeMarkerTests.registroCounts(store)
            #expect(try await ChangeMarkerTests.counters(store) == counted)
            #expect(try await store.changeMarker(of: scope).changes == counted[scope])
        }
    }
}
