import Foundation
import SQLKit
import Testing
import TraguardoCore
@testable import TraguardoStore
import TraguardoTestSupport

/// The registro of a sheet import (schema step 24): one «importazione» row per file and Ente-year, the rows it
/// inserts name that row instead of having one each, and the registro still shows, for every inserted value, who
/// inserted it, when, from which file and what it was, and every later change with its «before».
@Suite("Registro compatto degli import")
struct ImportAuditTests {
    /// A plan of `count` items under the sample plan's first indicator, without measurements, and one measurement
    /// per item in the first period.
    static func plan(items count: Int) -> (plan: CyclePlan, measurements: [TraguardoCore.Measurement]) {
        var plan = SamplePlan.make()
        let template = plan.items[0]
        let period = plan.periods[0]
        plan.measurements = []
        plan.items = (0..<count).map { n in
            var item = template
            item.id = "\(template.id)-\(n)"
            item.code = "\(n)"
            return item
        }
        let measurements = plan.items.enumerated().map { n, item in
            TraguardoCore.Measurement(
                id: "\(item.id)@\(period.code)", itemID: item.id, periodID: period.id,
                value: Decimal(string: "\(n).25")!, text: "riga \(n)", author: "ufficio.ri",
                provenance: Provenance(source: "scheda-\(n % 2).csv", lines: "\(n + 8)"))
        }
        return (plan, measurements)
    }

    /// The rows of `audit_log` itself (not the registro as read, which adds the imported rows).
    static func storedRows(_ store: Store, table: String = "measurements") async throws -> [(id: Int64, action: String, record: String, after: String?)] {
        try await store.read { db in
            try await db.select().columns("id", "action", "record_id", "after_data").from("audit_log")
                .where("table_name", .equal, SQLBind(table)).orderBy("id").all().map {
                    (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "action", as: String.self),
                     try $0.decode(column: "record_id", as: String.self), try $0.decode(column: "after_data", as: String?.self))
                }
        }
    }

    @Test(arguments: TestBackend.allCases)
    func anImportWritesOneRowPerFileAndTheRegistroShowsEveryInsertedValue(_ backend: TestBackend) async throws {
        let ticks = Ticks()
        try await withTestStore(backend, clock: { ticks.next() }) { store in
            let (plan, measurements) = Self.plan(items: 800)
            try await store.savePlans([plan], actor: "import")
            let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
            let files = [ImportedFile(name: "scheda-0.csv", sha256: "00aa"), ImportedFile(name: "scheda-1.csv", sha256: "11bb")]
            let markerBefore = try await store.changeMarker(of: scope)

            // Two files, each in two batches (of 200 rows: COPY on PostgreSQL): two «importazione» rows, no row per measurement.
            let summary = try await store.recordMeasurements(actor: "ufficio.ri") { batches in
                for half in 0..<2 {
                    for file in 0..<2 {
                        let rows = measurements.enumerated().filter { $0.offset % 2 == file && ($0.offset < 400) == (half == 0) }.map(\.element)
                        try await batches.write(rows, in: scope, from: files[file])
                    }
                }
            }
            #expect(summary.inserted == 800)
            #expect(try await store.changeMarker(of: scope) != markerBefore, "un import cambia il marcatore delle pagine")
            let stored = try await Self.storedRows(store)
            #expect(stored.map(\.action) == ["importazione", "importazione"], "\(stored.map(\.action))")
            #expect(stored.map(\.record) == ["scheda-0.csv", "scheda-1.csv"])
            #expect(stored[0].after == #"{"file":"scheda-0.csv","sha256":"00aa","righe":400,"nuove":400,"modificate":0,"invariate":0}"#)

            // The registro as read: the two imports and, after each, the 400 values it inserted, as they were.
            let log = try await store.auditLog(AuditQuery(table: "measurements", limit: 10_000))
            #expect(try await store.auditCount(AuditQuery(table: "measurements")) == 802)
            #expect(log.count == 802)
            let inserts = log.filter { $0.action == .insert }
            #expect(inserts.count == 800)
            let importAt = try #require(log.first { $0.action == .importFile }).at
            for (n, m) in measurements.enumerated() {
                let entry = try #require(inserts.first { $0.recordID == m.id })
                #expect(entry.id == stored[n % 2].id && entry.actor == "ufficio.ri" && entry.at == importAt && entry.scope == scope)
                #expect(entry.after == MeasurementJSON.insertedFields(m), "\(entry)")
            }
            // Page by page (as the registro page reads it), the same rows in the same order.
            var paged: [AuditEntry] = []
            while true {
                let page = try await store.auditLog(AuditQuery(table: "measurements", offset: paged.count, limit: 70))
                if page.isEmpty { break }
                paged += page
            }
            #expect(paged == log)
            // As the registro's CSV reads it: batches below the first row read (the imported rows share their
            // import's number, so a batch cannot continue from its last row's number alone).
            var batched: [AuditEntry] = []
            var next = AuditQuery(table: "measurements", limit: 70)
            while true {
                let batch = try await store.auditLog(next)
                if batch.isEmpty { break }
                batched += batch
                next.beforeID = next.beforeID ?? (batch[0].id + 1)
                next.offset = batched.count
            }
            #expect(batched == log)

            // A later import changes one value; a form changes another; one is deleted: each writes its row with
            // the «before», and the history of each value still starts with what the first import inserted.
            var changed = measurements[3]
            changed.value = Decimal(string: "99.5")
            let correction = changed
            _ = try await store.recordMeasurements(actor: "ufficio.bis") { batches in
                try await batches.write([correction], in: scope, from: ImportedFile(name: "correzione.csv", sha256: "22cc"))
            }
            var edited = measurements[4]
            edited.narrative = "nota aggiunta"
            edited.value = nil
            try await store.update(edited, in: scope, actor: "controllo")
            try await store.delete(TraguardoCore.Measurement.self, id: measurements[5].id, in: scope, actor: "controllo")

            let history = try await store.auditLog(AuditQuery(recordID: measurements[3].id))
            #expect(history.map(\.action) == [.update, .insert], "\(history)")
            #expect(history[0].actor == "ufficio.bis" && history[0].before == #"{"value":3.25}"# && history[0].after == #"{"value":99.5}"#)
            #expect(history[1].actor == "ufficio.ri" && history[1].id == stored[1].id && history[1].after == MeasurementJSON.insertedFields(measurements[3]))
            let formHistory = try await store.auditLog(AuditQuery(recordID: measurements[4].id))
            #expect(formHistory.map(\.action) == [.update, .insert])
            #expect(formHistory[1].after == MeasurementJSON.insertedFields(measurements[4]), "\(formHistory)")
            #expect(formHistory[0].after?.contains("nota aggiunta") == true)
            let deleted = try await store.auditLog(AuditQuery(recordID: measurements[5].id))
            // A deleted row's insertion stays in the registro (now a row of its own, with the import's time and author).
            #expect(deleted.map(\.action) == [.delete, .insert], "\(deleted)")
            #expect(deleted.first?.before?.contains("\"value\":5.25") == true)
            #expect(deleted.last?.actor == "ufficio.ri" && deleted.last?.at == importAt
                        && deleted.last?.after == MeasurementJSON.insertedFields(measurements[5]), "\(deleted)")
            // The correction's import updated a row the first import had inserted: it keeps naming the first import.
            #expect(try await store.auditCount(AuditQuery(table: "measurements")) == 802 + 1 + 1 + 1 + 1)
            #expect(try await Self.storedRows(store).count == 2 + 1 + 1 + 1 + 1 + 1)

            // So does the insertion of every row of a deleted cycle.
            try await store.deleteCycle(scope, actor: "amministratore")
            let gone = try await store.auditLog(AuditQuery(recordID: measurements[6].id))
            #expect(gone.map(\.action) == [.delete, .insert], "\(gone)")
            #expect(gone.last?.actor == "ufficio.ri" && gone.last?.after == MeasurementJSON.insertedFields(measurements[6]))
        }
    }

    /// Rows written without a file (the web form's and the API's batches) keep one registro row each.
    @Test func rowsWrittenWithoutAFileKeepTheirOwnRow() async throws {
        try await withTestStore(.sqlite) { store in
            let (plan, measurements) = Self.plan(items: 3)
            try await store.savePlans([plan], actor: "import")
            let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
            _ = try await store.recordMeasurements(actor: "api") { try await $0.write(measurements, in: scope) }
            #expect(try await Self.storedRows(store).map(\.action) == ["inserimento", "inserimento", "inserimento"])
            #expect(try await store.auditCount(AuditQuery(table: "measurements")) == 3)
        }
    }
}

/// A clock that moves one second at every reading, so that each write has its own time.
final class Ticks: @unchecked Sendable {
    private let lock = NSLock()
    private var now = Date(timeIntervalSince1970: 1_800_000_000)

    func next() -> Date {
        lock.lock()
        defer { lock.unlock() }
        now += 1
        return now
    }
}
