import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

@Suite("Salvare e rileggere un Ente-anno intero")
struct PlanStorageTests {
    @Test(arguments: TestBackend.allCases)
    func savedPlanLoadsBackEqual(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let plan = SamplePlan.make()
            let summary = try await store.savePlan(plan, actor: "import")
            #expect(summary.tables["measurements"]?.inserted == 1)
            #expect(summary.tables["units"]?.inserted == 2)
            #expect(summary.newMethodologyVersion == 1)
            let loaded = try #require(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2013)))
            #expect(loaded == plan)
            // Money and long decimals come back exactly.
            #expect(loaded.resources[0].amount == Decimal(string: "1418965.00"))
            #expect(loaded.measurements[0].value == Decimal(string: "4.0625"))
            #expect(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2014)) == nil)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func savingAgainWritesOnlyTheDifference(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            var plan = SamplePlan.make()
            let scope = CycleScope(entityCode: "lucca", year: 2013)
            try await store.savePlan(plan, actor: "import")
            let afterFirst = try await store.auditLog().count

            #expect(try await store.savePlan(plan, actor: "import").totalChanges == 0)
            #expect(try await store.auditLog().count == afterFirst)

            plan.measurements[0].value = Decimal(string: "3.9")
            plan.variations = []
            plan.units.append(OrganisationalUnit(id: "PR", entityCode: "lucca", parentID: "SG", name: "Protesti", kind: .ufficio))
            let summary = try await store.savePlan(plan, actor: "ufficio RI")
            #expect(summary.tables["measurements"] == .init(inserted: 0, updated: 1, deleted: 0))
            #expect(summary.tables["plan_variations"] == .init(inserted: 0, updated: 0, deleted: 1))
            #expect(summary.tables["units"] == .init(inserted: 1, updated: 0, deleted: 0))
            #expect(summary.totalChanges == 3)

            let changes = try await store.auditLog(AuditQuery(actor: "ufficio RI"))
            #expect(changes.count == 3)
            let measurement = try #require(changes.first { $0.table == "measurements" })
            #expect(measurement.action == .update)
            #expect(measurement.before?.contains("4.0625") == true)
            #expect(measurement.after?.contains("3.9") == true)
            #expect(try await store.loadPlan(scope) == plan)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aPlanWithBrokenReferencesIsRefusedWhole(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let good = SamplePlan.make()
            try await store.savePlan(good, actor: "import")
            var bad = good
            bad.nodes[0].title = "Titolo cambiato"  // a change that would be written…
            bad.indicators[0].ownerUnitID = "NESSUNO"  // …if this reference held.
            bad.measurements[0].periodID = "Q9"
            let error = await storeError {
                try await store.savePlan(bad, actor: "import")
            }
            let message = error?.description ?? ""
            #expect(message.contains("«NESSUNO»"))
            #expect(message.contains("«Q9»"))
            #expect(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2013)) == good)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aFailureInTheMiddleRollsEverythingBack(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let good = SamplePlan.make()
            try await store.savePlan(good, actor: "import")
            let auditBefore = try await store.auditLog().count
            var bad = good
            bad.units[0].name = "Cambiato"  // written first…
            bad.measurements.append(bad.measurements[0])  // …then a duplicate id stops the save.
            await #expect(throws: StoreError.self) { try await store.savePlan(bad, actor: "import") }
            #expect(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2013)) == good)
            #expect(try await store.auditLog().count == auditBefore)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func methodologyVersionsAreNeverOverwritten(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            var plan = SamplePlan.make()
            let scope = CycleScope(entityCode: "lucca", year: 2013)
            try await store.savePlan(plan, actor: "import")
            await #expect(throws: StoreError.duplicate(table: "methodology_versions", id: "lucca/2013/v1")) {
                try await store.add(plan.methodology!, actor: "import")
            }
            plan.methodology!.rules.allowOverAchievement = true
            let summary = try await store.savePlan(plan, actor: "import")
            #expect(summary.newMethodologyVersion == 2)
            let versions = try await store.methodologyVersions(in: scope)
            #expect(versions.map(\.version) == [1, 2])
            #expect(versions[0].rules.allowOverAchievement == false)
            #expect(try await store.loadPlan(scope)?.methodology?.version == 2)
        }
    }

    @Test func bothDatabasesGiveIdenticalResults() async throws {
        var results: [TestBackend: [String]] = [:]
        for backend in TestBackend.allCases {
            try await withTestStore(backend, clock: { Date(timeIntervalSince1970: 1_700_000_000) }) { store in
                var plan = SamplePlan.make()
                try await store.savePlan(plan, actor: "import")
                plan.nodes[1].title = "Migliorare la comunicazione esterna"
                plan.targets.removeAll()
                try await store.savePlan(plan, actor: "controllo")
                let loaded = try #require(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2013)))
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                let audit = try await store.auditLog().map {
                    "\($0.at.timeIntervalSince1970) \($0.actor) \($0.action.rawValue) \($0.table) \($0.recordID) \($0.before ?? "-") \($0.after ?? "-")"
                }
                results[backend] = [String(decoding: try encoder.encode(loaded), as: UTF8.self)] + audit.sorted()
            }
        }
        guard let sqlite = results[.sqlite], let postgres = results[.postgres] else { return }
        #expect(sqlite == postgres)
    }
}
