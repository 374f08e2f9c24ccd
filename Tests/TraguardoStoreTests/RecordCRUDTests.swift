import Foundation
import Testing
import TraguardoCore
@testable import TraguardoStore
import TraguardoTestSupport

/// One kind of record, type-erased, with a change to apply to it.
struct RecordCase: Sendable {
    let table: String
    let id: String
    let insert: @Sendable (Store, CycleScope) async throws -> Void
    let update: @Sendable (Store, CycleScope) async throws -> Void
    let delete: @Sendable (Store, CycleScope) async throws -> Void

    static func of<R: StoredRecord>(_ original: R, change: @escaping @Sendable (inout R) -> Void) -> RecordCase {
        var changed = original
        change(&changed)
        let final = changed
        precondition(final != original, "la modifica di prova deve cambiare \(R.table.name)")
        return RecordCase(
            table: R.table.name, id: original.id,
            insert: { store, scope in
                try await store.insert(original, in: scope, actor: "prova")
                #expect(try await store.record(R.self, id: original.id, in: scope) == original)
                #expect(try await store.records(R.self, in: scope).contains(original))
            },
            update: { store, scope in
                try await store.update(final, in: scope, actor: "prova")
                #expect(try await store.record(R.self, id: original.id, in: scope) == final)
                // The same value again changes nothing and writes no audit row.
                try await store.update(final, in: scope, actor: "prova")
            },
            delete: { store, scope in
                try await store.delete(R.self, id: original.id, in: scope, actor: "prova")
                #expect(try await store.record(R.self, id: original.id, in: scope) == nil)
            })
    }

    /// One case per record kind of the sample plan, in an order where each comes after what it names.
    static func all(_ plan: CyclePlan) -> [RecordCase] {
        [
            .of(plan.units[0]) { $0.name = "Segreteria Generale e Staff" },
            .of(plan.units[1]) { $0.kind = .servizio },
            .of(plan.people[0]) { $0.email = nil },
            .of(plan.roles[0]) { $0.acting = true },
            .of(plan.periods[0]) { $0.status = .closed },
            .of(plan.periods[1]) { $0.name = "Consuntivo" },
            .of(plan.levels[0]) { $0.codeExample = "A" },
            .of(plan.acts[0]) { $0.number = "12/bis" },
            .of(plan.nodes[0]) { $0.description = "Area G — testo lungo con «virgolette» e àccènti" },
            .of(plan.nodes[1]) { $0.weight = Decimal(string: "0.333333333333333333") },
            .of(plan.objectives[0]) { $0.declared = DeclaredResult(score: Decimal(string: "68.4975"), points: 45) },
            .of(plan.objectiveLinks[0]) { $0.nodeID = "G" },
            .of(plan.indicators[0]) { $0.baselineValue = Decimal(string: "-42.79") },
            .of(plan.targets[0]) { $0.value = Decimal(string: "4.5") },
            .of(plan.items[0]) { $0.targetDeadline = CivilDate(year: 2013, month: 4, day: 30) },
            .of(plan.measurements[0]) { $0.override = ScoreOverride(score: 95, reason: "consegna il 7 marzo", approvedBy: "OIV") },
            .of(plan.resources[0]) { $0.amount = Decimal(string: "1674400.01")! },
            .of(plan.accountLines[0]) { $0.phase = .consuntivo },
            .of(plan.serviceStandards[0]) { $0.standardText = "a vista" },
            .of(plan.serviceResults[0]) { $0.notComputableReason = "nessuna richiesta" },
            .of(plan.procedures[0]) { $0.sources = ["Priamo"] },
            .of(plan.procedureResults[0]) { $0.score = 99 },
            .of(plan.variations[0]) { $0.after = "6" },
        ]
    }
}

@Suite("Inserire, leggere, modificare ed eliminare ogni elemento")
struct RecordCRUDTests {
    static let moment = Date(timeIntervalSince1970: 1_700_000_000.5)

    @Test(arguments: TestBackend.allCases)
    func everyRecordKindRoundTripsWithItsAudit(_ backend: TestBackend) async throws {
        try await withTestStore(backend, clock: { Self.moment }) { store in
            let plan = SamplePlan.make()
            let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
            try await store.save(plan.entity, actor: "prova")
            try await store.save(plan.cycle, actor: "prova")
            #expect(try await store.entity(plan.entity.code) == plan.entity)
            #expect(try await store.cycle(scope) == plan.cycle)

            let cases = RecordCase.all(plan)
            // Every kind of record of the model is exercised.
            #expect(Set(cases.map(\.table)).count == 20)
            for item in cases { try await item.insert(store, scope) }
            for item in cases { try await item.update(store, scope) }
            for item in cases.reversed() { try await item.delete(store, scope) }

            for item in cases {
                let log = try await store.auditLog(AuditQuery(table: item.table, recordID: item.id))
                // Newest first: delete, update, insert; the repeated identical update left no row.
                try #require(log.count == 3, "\(item.table) \(item.id): \(log.map(\.action))")
                #expect(log.map(\.action) == [.delete, .update, .insert])
                #expect(log.allSatisfy { $0.actor == "prova" && $0.at == Self.moment && $0.scope == scope })
                #expect(log[2].before == nil)
                #expect(log[0].after == nil)
                // The update keeps only the fields it changed, as they were and as they became: the inserted
                // record with the change applied is exactly the record that was deleted.
                let inserted = try #require(log[2].after.flatMap(AuditChange.fields(of:)))
                let deleted = try #require(log[0].before.flatMap(AuditChange.fields(of:)))
                let was = try #require(log[1].before.flatMap(AuditChange.fields(of:)))
                let became = try #require(log[1].after.flatMap(AuditChange.fields(of:)))
                #expect(!(was.isEmpty && became.isEmpty) && was.count + became.count < inserted.count + deleted.count, "\(item.table)")
                var rebuilt = Dictionary(inserted.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                for field in was { #expect(rebuilt[field.key] == field.value, "\(item.table) \(field.key)") }
                for field in was { rebuilt[field.key] = nil }
                for field in became { rebuilt[field.key] = field.value }
                #expect(rebuilt == Dictionary(deleted.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }), "\(item.table)")
            }
            // The cycle is empty again; the plan loads with nothing in it.
            let empty = try #require(try await store.loadPlan(scope))
            #expect(empty.nodes.isEmpty && empty.measurements.isEmpty && empty.units.isEmpty)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func entitiesAndCyclesUpdateAndDelete(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            var entity = SamplePlan.make().entity
            try await store.save(entity, actor: "a")
            entity.website = "https://www.lu.camcom.it"
            try await store.save(entity, actor: "b")
            #expect(try await store.entities() == [entity])
            var cycle = Cycle(entityCode: entity.code, year: 2013)
            try await store.save(cycle, actor: "a")
            cycle.status = .closed
            try await store.save(cycle, actor: "a")
            #expect(try await store.cycles(entityCode: entity.code) == [cycle])

            // An Ente with cycles cannot go; without them it can.
            await #expect(throws: StoreError.self) { try await store.deleteEntity(entity.code, actor: "a") }
            try await store.deleteCycle(CycleScope(entityCode: entity.code, year: 2013), actor: "a")
            try await store.deleteEntity(entity.code, actor: "a")
            #expect(try await store.entities().isEmpty)

            let log = try await store.auditLog(AuditQuery(table: "entities"))
            #expect(log.map(\.action) == [.delete, .update, .insert])
            #expect(log[1].actor == "b")
            #expect(log[1].after?.contains("www.lu.camcom.it") == true)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func brokenReferencesAreRefusedAndNothingIsWritten(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let plan = SamplePlan.make()
            let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
            try await store.savePlan(plan, actor: "prova")
            let before = try await store.auditLog().count

            // A node whose owner unit does not exist.
            var node = plan.nodes[1]
            node.id = "G2"
            node.code = "G2"
            node.ownerUnitID = "XX"
            let error = await storeError {
                try await store.insert(node, in: scope, actor: "prova")
            }
            let message = error?.description ?? ""
            #expect(message.contains("«XX»"))
            #expect(message.contains("nulla è stato scritto"))
            #expect(try await store.record(PlanNode.self, id: "G2", in: scope) == nil)

            // A unit that others name cannot be deleted.
            let refused = await storeError {
                try await store.delete(OrganisationalUnit.self, id: "RI", in: scope, actor: "prova")
            }
            let refusal = refused?.description ?? ""
            #expect(refusal.contains("ancora citato"))
            // The same id twice is refused.
            await #expect(throws: StoreError.duplicate(table: "units", id: "RI")) {
                try await store.insert(plan.units[1], in: scope, actor: "prova")
            }
            // A record of a cycle that does not exist.
            await #expect(throws: StoreError.self) {
                try await store.insert(plan.units[0], in: CycleScope(entityCode: "pisa", year: 2013), actor: "prova")
            }
            #expect(try await store.loadPlan(scope) == plan)
            #expect(try await store.auditLog().count == before)
        }
    }
}
