import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// The write path of measurements (`Store.recordMeasurements`): new rows and changed rows in one batch, the same
/// id twice in a batch, read back exactly from the columns; the registro has, per row, only what the row sets
/// (an insert) or changes (an update), never a copy of the whole record.
@Suite("Scrittura delle rilevazioni in colonne")
struct MeasurementWriteTests {
    @Test(arguments: TestBackend.allCases)
    func insertsAndUpdatesReadBackExactlyWithCompactAuditRows(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            var plan = SamplePlan.make()
            let stored = plan.measurements
            plan.measurements = []
            try await store.savePlans([plan], actor: "import")
            let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)

            var written = try #require(stored.first)
            written.evidence = []
            written.justifiedDeviation = false
            written.value = Decimal(string: "0.30000000000000000001")
            let first = written
            let summary = try await store.recordMeasurements(actor: "ufficio.ri") { batches in
                try await batches.write([first], in: scope)
                var again = first
                again.value = 7
                try await batches.write([again, again], in: scope)
            }
            #expect(summary.inserted == 1 && summary.updated == 1 && summary.unchanged == 1)
            var expected = first
            expected.value = 7
            #expect(try await store.records(TraguardoCore.Measurement.self, in: scope) == [expected])

            let log = try await store.auditLog(AuditQuery(table: "measurements"))
            let insert = try #require(log.first { $0.action == .insert })
            #expect(insert.recordID == first.id)
            #expect(insert.after?.contains("0.30000000000000000001") == true, "\(insert)")
            #expect(insert.after?.contains("itemID") == false && insert.after?.contains("evidence") == false, "\(insert)")
            let update = try #require(log.first { $0.action == .update })
            #expect(update.before == #"{"value":0.30000000000000000001}"# && update.after == #"{"value":7}"#, "\(update)")
        }
    }

    /// Enough rows for PostgreSQL's COPY (and SQLite's multi-row statements), with texts COPY must escape (tab,
    /// new line, backslash) and numbers a double would round: every row reads back equal.
    @Test(arguments: TestBackend.allCases)
    func aLargeBatchReadsBackExactly(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            var plan = SamplePlan.make()
            let template = try #require(plan.items.first)
            let period = try #require(plan.periods.first)
            plan.measurements = []
            plan.items = (0..<600).map { n in
                var item = template
                item.id = "\(template.id)-\(n)"
                item.code = "\(n)"
                return item
            }
            try await store.savePlans([plan], actor: "import")
            let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
            let measurements = plan.items.enumerated().map { n, item in
                TraguardoCore.Measurement(
                    id: "\(item.id)@\(period.code)", itemID: item.id, periodID: period.id,
                    value: Decimal(string: "\(n).000000000000000000\(n)")!, text: "riga \(n)\tcon\ttab\ne \\ barra",
                    evidence: n % 2 == 0 ? ["allegato\t\(n)"] : [], author: "ufficio.ri",
                    recordedAt: Date(timeIntervalSinceReferenceDate: 818_000_000.125 + Double(n)))
            }
            let summary = try await store.recordMeasurements(actor: "ufficio.ri") { batches in
                try await batches.write(measurements, in: scope)
            }
            #expect(summary.inserted == 600)
            #expect(try await store.records(TraguardoCore.Measurement.self, in: scope) == measurements)
            #expect(try await store.auditCount(AuditQuery(table: "measurements")) == 600)
        }
    }
}
