import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// A plan is `bozza` until an act approves it; after that every change to the plan proper is a variation citing its
/// act (refused without it, the store as before), each save is a version, and each element has its history.
@Suite("Piano: approvazione, variazioni, versioni")
struct PlanVersionTests {
    static let scope = CycleScope(entityCode: SamplePlan.entityCode, year: SamplePlan.year)

    @Test(arguments: TestBackend.allCases)
    func aDraftIsSavedFreelyAndEachSaveIsAVersion(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            var plan = SamplePlan.make()
            try await store.savePlan(plan, actor: "controllo")
            #expect(PlanApproval.state(of: try #require(try await store.loadPlan(Self.scope))) == .draft)
            plan.indicators[0].name = "Tempo medio di evasione"
            try await store.savePlan(plan, actor: "controllo")
            // Saving the same plan again is no new version.
            try await store.savePlan(plan, actor: "controllo")
            let versions = try await store.planVersions(Self.scope)
            #expect(versions.map(\.number) == [1, 2])
            #expect(versions.map(\.kind) == [.draft, .draft])
            #expect(versions.allSatisfy { $0.actor == "controllo" })
        }
    }

    @Test(arguments: TestBackend.allCases)
    func anApprovedPlanRefusesAChangeWithoutActAndRecordsAVariationWithIt(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            var plan = SamplePlan.make()
            try await store.savePlan(plan, actor: "controllo")
            let approval = try await store.approvePlan(Self.scope, act: "Delibera di Consiglio n. 12 del 20/12/2013", actor: "controllo")
            #expect(approval.label == "Delibera di Consiglio n. 12 del 20/12/2013")
            let approved = try #require(try await store.loadPlan(Self.scope))
            #expect(PlanApproval.state(of: approved) == .approved)
            #expect(PlanApproval.approvingAct(of: approved)?.label == approval.label)
            // A second approval is refused.
            let again = await storeError { try await store.approvePlan(Self.scope, act: "Delibera di Giunta n. 3 del 10/01/2014", actor: "x") }
            #expect(again?.description.contains("è già approvato con Delibera di Consiglio n. 12 del 20/12/2013") == true)

            // A change without act: refused, naming the change; the store as before.
            plan = approved
            plan.targets[0].value = 4
            let refused = await storeError { try await store.savePlan(plan, actor: "controllo") }
            let message = refused?.description ?? ""
            #expect(message.contains("è approvato con Delibera di Consiglio n. 12 del 20/12/2013"))
            #expect(message.contains("ogni modifica è una variazione e deve citare l'atto"))
            #expect(message.contains("Target G1/I1/2013: valore da «5» a «4»"))
            #expect(try await store.loadPlan(Self.scope) == approved)
            #expect(try await store.planVersions(Self.scope).count == 2)

            // With the act: saved, the act and the variation recorded, a version of kind variazione.
            let act = Act(id: "dc-4-2014", entityCode: "lucca", organ: "Consiglio", kind: .delibera, number: "4",
                          date: CivilDate(year: 2014, month: 3, day: 10), subject: "Variazione del piano")
            try await store.savePlan(plan, actor: "controllo", act: act)
            let varied = try #require(try await store.loadPlan(Self.scope))
            #expect(varied.targets[0].value == 4)
            let variation = try #require(varied.variations.first { $0.actID == "dc-4-2014" })
            #expect(variation.kind == .change)
            #expect(variation.nodeID == "G1")
            #expect(variation.before == "5" && variation.after == "4")
            let note = try #require(PlanApproval.variedNote(nodeID: "G1", in: varied))
            #expect(note.hasPrefix("modificato con ") && note.hasSuffix("Delibera di Consiglio n. 4 del 10/03/2014"))
            let versions = try await store.planVersions(Self.scope)
            #expect(versions.map(\.kind) == [.draft, .approval, .variation])
            #expect(versions.last?.actLabel == "Delibera di Consiglio n. 4 del 10/03/2014")

            // A save that forgets the new act and the variations (an older plan file) keeps the approval and the variations.
            var forgetful = plan
            forgetful.acts = SamplePlan.make().acts
            forgetful.variations = []
            try await store.savePlan(forgetful, actor: "controllo")
            let kept = try #require(try await store.loadPlan(Self.scope))
            #expect(PlanApproval.state(of: kept) == .approved)
            #expect(kept.variations.contains { $0.actID == "dc-4-2014" })

            // The target's history: added in version 1, changed in version 3 with its act.
            let history = try await store.elementHistory(Self.scope, elementID: "G1/I1/2013")
            #expect(history.map(\.version) == [1, 3])
            #expect(history.last?.actLabel == "Delibera di Consiglio n. 4 del 10/03/2014")
            #expect(history.last?.change.fields.first?.name == "valore")
            #expect(history.last?.actor == "controllo")

            // The diff between two versions.
            let first = try #require(try await store.planVersion(Self.scope, number: 1)?.plan)
            let last = try #require(try await store.planVersion(Self.scope, number: 3)?.plan)
            let changes = PlanDiff.changes(from: first, to: last)
            #expect(changes.map(\.summary) == ["Target G1/I1/2013: valore da «5» a «4»"])
        }
    }

    @Test(arguments: TestBackend.allCases)
    func anUnreadableActIsRefusedAndNothingIsWritten(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.savePlan(SamplePlan.make(), actor: "controllo")
            let error = await storeError { try await store.approvePlan(Self.scope, act: "la delibera di ieri", actor: "controllo") }
            #expect(error?.description.contains("L'atto «la delibera di ieri» non è leggibile") == true)
            #expect(PlanApproval.state(of: try #require(try await store.loadPlan(Self.scope))) == .draft)
            // An act of the plan, by its code.
            let act = try await store.approvePlan(Self.scope, act: "giunta-12-2013", actor: "controllo")
            #expect(act.id == "giunta-12-2013")
        }
    }
}
