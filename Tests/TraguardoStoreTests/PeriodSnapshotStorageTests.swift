import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// Closing a period freezes it: the snapshot keeps the Ente-year and its scores as they were, the documents'
/// sources come from it while the period stays closed, a later edit changes nothing of it, and a reopening
/// and new close makes a second version that the comparison sets against the first. On both databases.
@Suite("Istantanee dei periodi chiusi")
struct PeriodSnapshotStorageTests {
    static let scope = CycleScope(entityCode: SamplePlan.entityCode, year: SamplePlan.year)

    static func edit(_ store: Store, value: String) async throws {
        var measurement = try #require(try await store.record(Measurement.self, id: "G1/I1/a@ANNO", in: scope))
        measurement.value = Decimal(string: value)
        measurement.text = nil
        try await store.update(measurement, in: scope, actor: "ufficio.ri")
    }

    static func reopen(_ store: Store) async throws {
        var period = try #require(try await store.records(MonitoringPeriod.self, in: scope).first { $0.code == "ANNO" })
        period.status = .open
        try await store.update(period, in: scope, actor: "controllo")
    }

    @Test(arguments: TestBackend.allCases)
    func closingFreezesAndLaterEditsDoNotReachTheClosedPeriodsDocuments(_ backend: TestBackend) async throws {
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        try await withTestStore(backend, clock: { now }) { store in
            try await store.savePlan(SamplePlan.make(), actor: "import")
            let live = try #require(try await store.loadPlan(Self.scope))
            #expect(try await store.snapshots(in: Self.scope).isEmpty)

            let first = try await store.closePeriod("ANNO", in: Self.scope, actor: "controllo")
            #expect(first.version == 1)
            #expect(first.frozenBy == "controllo")
            #expect(first.frozenAt == now)
            #expect(first.plan.period(code: "ANNO")?.status == .closed)
            #expect(first.plan.measurements == live.measurements)
            #expect(first.dataFingerprint == PlanFingerprint.of(first.plan))
            #expect(first.scores.punteggi.contains { $0.tipo == "item" && $0.id == "G1/I1/a" && $0.mostrato == "100" })
            // The period is closed in the live data too, with its audit row and the snapshot's, and the
            // snapshot names the registro's last change: the close itself.
            #expect(try await store.loadPlan(Self.scope)?.period(code: "ANNO")?.status == .closed)
            let audit = try await store.auditLog(AuditQuery(entityCode: Self.scope.entityCode, year: Self.scope.year, limit: 2))
            #expect(audit.map(\.table) == ["period_snapshots", "periods"])
            #expect(first.lastChangeNumber == audit.last?.id)
            // Closing again what is closed freezes nothing new.
            #expect(try await store.closePeriod("ANNO", in: Self.scope, actor: "altro").version == 1)
            #expect(try await store.snapshot(Self.scope, period: "ANNO") == first)

            // A later edit of a measurement and of the plan: the documents' sources stay the snapshot's.
            try await Self.edit(store, value: "7")
            var indicator = try #require(try await store.record(Indicator.self, id: "G1/I1", in: Self.scope))
            indicator.name = "Tempo medio (rinominato dopo la chiusura)"
            try await store.update(indicator, in: Self.scope, actor: "controllo")
            let sources = try await store.documentSources(of: try #require(try await store.loadPlan(Self.scope)), period: nil, document: "relazione", components: { _ in [] })
            #expect(sources.plan == first.plan)
            #expect(sources.lastChange?.number == first.lastChangeNumber)
            #expect(sources.snapshot == first.summary)
            let named = try await store.documentSources(of: try #require(try await store.loadPlan(Self.scope)), period: "ANNO", document: "relazione", components: { _ in [] })
            #expect(named.plan == first.plan)
            // An open period is read live.
            let open = try await store.documentSources(of: try #require(try await store.loadPlan(Self.scope)), period: "30-09", document: "relazione", components: { _ in [] })
            #expect(open.snapshot == nil)
            #expect(open.plan.indicators.first?.name == "Tempo medio (rinominato dopo la chiusura)")

            // Reopened, the documents are live again; closed again, a second version with the new data.
            try await Self.reopen(store)
            let reopened = try await store.documentSources(of: try #require(try await store.loadPlan(Self.scope)), period: nil, document: "relazione", components: { _ in [] })
            #expect(reopened.snapshot == nil)
            #expect(reopened.plan.measurements.first?.value == 7)
            let second = try await store.closePeriod("ANNO", in: Self.scope, actor: "controllo")
            #expect(second.version == 2)
            #expect(try await store.snapshots(in: Self.scope).map(\.version) == [1, 2])
            #expect(try await store.snapshot(Self.scope, period: "ANNO", version: 1) == first)
            #expect(try await store.snapshot(Self.scope, period: "ANNO") == second)
            #expect(second.planFingerprint != first.planFingerprint)
            #expect(second.dataFingerprint != first.dataFingerprint)

            let comparison = SnapshotComparison(first, second)
            #expect(comparison.values.map(\.itemID) == ["G1/I1/a"])
            #expect(comparison.values.first?.before == "4,0625")
            #expect(comparison.values.first?.after == "7")
            let item = try #require(comparison.scores.first { $0.kind == "item" && $0.id == "G1/I1/a" })
            #expect(item.before == "100")
            #expect(item.after != "100")
            #expect(comparison.planChanged)
            #expect(!comparison.methodologyChanged)
            #expect(comparison.text.contains("G1/I1/a [\(first.plan.period(code: "ANNO")!.id)]: 4,0625 → 7") || comparison.text.contains("4,0625 → 7"))
            #expect(SnapshotComparison(first, first).isEmpty)

            // Issue 18: each snapshot names the plan version in force (plan_versions), stored and listed; a
            // comparison across a new plan version says so.
            let planVersion = try #require(try await store.planVersions(Self.scope).last?.number)
            #expect(first.planVersion == planVersion && second.planVersion == planVersion)
            #expect(try await store.snapshots(in: Self.scope).map(\.planVersion) == [planVersion, planVersion])
            #expect(!comparison.text.contains("Versione del piano"))
            var varied = second
            varied.planVersion = planVersion + 1
            #expect(SnapshotComparison(first, varied).text.contains(
                "Versione del piano: versione \(planVersion) del piano → versione \(planVersion + 1) del piano."))
        }
    }

    @Test(arguments: TestBackend.allCases)
    func theOIVSampleIsBoundToItsSnapshotAndKeepsItsNotes(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.savePlan(SamplePlan.make(), actor: "import")
            // No snapshot, no sample.
            #expect(await storeError { try await store.drawOIVSample(Self.scope, period: "ANNO", size: 1, seed: 7, actor: "oiv") } != nil)
            try await store.closePeriod("ANNO", in: Self.scope, actor: "controllo")
            let sample = try await store.drawOIVSample(Self.scope, period: "ANNO", size: 5, seed: 7, actor: "oiv")
            #expect(sample.seed == 7)
            #expect(sample.requestedSize == 5)
            #expect(sample.entries.map(\.itemID) == ["G1/I1/a"])
            #expect(sample.entries.first?.office == "RI")
            #expect(sample.entries.first?.value == "4,0625")
            #expect(sample.snapshotVersion == 1)
            #expect(try await store.oivSample(Self.scope, period: "ANNO") == sample)

            let noted = try await store.noteOIVSample(
                Self.scope, period: "ANNO", itemID: "G1/I1/a", outcome: .confirmed, note: " Verbale visto, protocollo 1234. ", actor: "oiv")
            #expect(noted.entries.first?.outcome == .confirmed)
            #expect(noted.entries.first?.note == "Verbale visto, protocollo 1234.")
            #expect(noted.entries.first?.notedBy == "oiv")
            #expect(try await store.oivSample(Self.scope, period: "ANNO") == noted)
            // With a note on it, the sample is not drawn again; a note too long or on an item not drawn is refused.
            #expect(await storeError { try await store.drawOIVSample(Self.scope, period: "ANNO", size: 1, seed: 8, actor: "oiv") } != nil)
            #expect(await storeError {
                try await store.noteOIVSample(Self.scope, period: "ANNO", itemID: "G1/I1/a", outcome: nil,
                                              note: String(repeating: "x", count: 4_001), actor: "oiv")
            } != nil)
            #expect(await storeError {
                try await store.noteOIVSample(Self.scope, period: "ANNO", itemID: "altro", outcome: nil, note: "", actor: "oiv")
            } == .notFound(table: "oiv_samples", id: "altro"))
            #expect(try await store.oivSample(Self.scope, period: "ANNO") == noted)

            // Reopened, changed and closed again: the new snapshot has no sample; the old one stays with its version.
            try await Self.reopen(store)
            try await Self.edit(store, value: "6")
            try await store.closePeriod("ANNO", in: Self.scope, actor: "controllo")
            #expect(try await store.oivSample(Self.scope, period: "ANNO") == nil)
            let redrawn = try await store.drawOIVSample(Self.scope, period: "ANNO", size: 5, seed: 7, actor: "oiv")
            #expect(redrawn.snapshotVersion == 2)
            #expect(redrawn.entries.first?.value == "6")
            #expect(redrawn.entries.first?.outcome == nil)
            let audit = try await store.auditLog(AuditQuery(table: "oiv_samples"))
            #expect(audit.count == 3)
        }
    }
}
