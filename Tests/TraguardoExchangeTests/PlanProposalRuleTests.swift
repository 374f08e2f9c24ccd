import Foundation
import Testing
import TraguardoCore

/// A dirigente's area (`PlanArea`: the unit he heads, the units below it, what they own) and his proposals
/// (`PlanProposalRule`): only his area, validated as the editor validates, accepted by someone else and only
/// while it still applies to the plan.
@Suite("Proposte dei dirigenti: l'area, la verifica, l'accettazione")
struct PlanProposalRuleTests {
    static func area(_ unit: String, in plan: CyclePlan) throws -> PlanArea {
        PlanArea(heading: try #require(plan.unit(named: unit)), in: plan)
    }

    static func proposal(_ edit: PlanEdit, on plan: CyclePlan, by who: String = "dirigente.prog", unit: String = "PROG") throws -> PlanProposal {
        let (outcome, baseline) = try PlanProposalRule.check(edit, on: plan, area: try area(unit, in: plan)).get()
        return PlanProposal(
            id: 1, entityCode: plan.entity.code, year: plan.cycle.year, edit: edit, summary: outcome.summary, proposedBy: who, unitID: unit,
            proposedAt: Date(timeIntervalSince1970: 0), fingerprint: PlanFingerprint.of(plan), baseline: baseline)
    }

    static func refusal<T>(_ result: Result<T, PlanProposalRule.Refusal>) -> PlanProposalRule.Refusal? {
        if case .failure(let refusal) = result { return refusal }
        return nil
    }

    @Test("L'area: l'unità, le unità sotto di essa, i nodi che possiedono e ciò che vi è appeso")
    func theAreaIsTheUnitsBelowAndWhatTheyOwn() throws {
        let plan = try PlanEditorTests.smallPlan()
        let prog = try Self.area("PROG", in: plan)
        #expect(prog.unitIDs == ["PROG"])
        #expect(prog.nodes(in: plan).map(\.id) == ["A101"])
        #expect(prog.contains(.indicator, id: "A101/1", in: plan))
        #expect(prog.contains(.item, id: "A101/1/a", in: plan))
        #expect(prog.contains(.target, id: try #require(plan.targets.first).id, in: plan))
        #expect(prog.contains(.resource, id: try #require(plan.resources.first).id, in: plan))
        #expect(!prog.contains(.node, id: "A1", in: plan))
        #expect(!prog.contains(.unit, id: "PROG", in: plan))
        // The Segreteria heads PROG too: its area reaches A101, not the nodes nobody owns.
        let sg = try Self.area("SG", in: plan)
        #expect(sg.unitIDs == ["SG", "PROG"])
        #expect(sg.nodes(in: plan).map(\.id) == ["A101"])
    }

    @Test("Una proposta cambia solo l'area, con le regole dell'editor")
    func aProposalChangesOnlyItsArea() throws {
        let plan = try PlanEditorTests.smallPlan()
        let area = try Self.area("PROG", in: plan)
        let renamed = try PlanProposalRule.check(PlanEdit(.node, .update, id: "A101", fields: ["titolo": "Digitale 2"]), on: plan, area: area).get()
        #expect(renamed.0.plan.nodes.first { $0.id == "A101" }?.title == "Digitale 2")
        #expect(renamed.0.summary == "Nodo dell'albero «A101» modificato.")
        // Not of the area; moved out of it; the organisation; a wrong value (the editor's own error).
        let other = Self.refusal(PlanProposalRule.check(PlanEdit(.node, .update, id: "A1", fields: ["titolo": "X"]), on: plan, area: area))
        #expect(other?.description.contains("nodo dell'albero «A1» non è della tua area (Programmazione)") == true)
        let away = Self.refusal(PlanProposalRule.check(
            PlanEdit(.node, .update, id: "A101", fields: ["responsabile_unita": "SG"]), on: plan, area: area))
        #expect(away?.description.contains("nodo dell'albero «A101» uscirebbe dalla tua area") == true)
        let unit = Self.refusal(PlanProposalRule.check(
            PlanEdit(.unit, .create, fields: ["codice": "NEW", "nome": "Nuova", "padre": "PROG"]), on: plan, area: area))
        #expect(unit?.description.contains("tocca l'organizzazione") == true)
        let wrong = Self.refusal(PlanProposalRule.check(PlanEdit(.node, .update, id: "A101", fields: ["peso": "sessanta"]), on: plan, area: area))
        guard case .invalid(let errors) = wrong else { Issue.record("atteso un errore dell'editor, trovato \(String(describing: wrong))"); return }
        #expect(errors.errors.first?.field == "peso")
        // A new indicator under a node of the area is of the area.
        let added = try PlanProposalRule.check(
            PlanEdit(.indicator, .create, fields: ["nodo": "A101", "codice": "3", "nome": "Nuovo"]), on: plan, area: area).get()
        #expect(added.0.plan.indicators.contains { $0.id == "A101/3" })
    }

    @Test("Accettata da un altro, finché si applica al piano com'è ora")
    func aProposalIsAcceptedByAnotherWhileItStillApplies() throws {
        let plan = try PlanEditorTests.smallPlan()
        let proposal = try Self.proposal(PlanEdit(.node, .update, id: "A101", fields: ["titolo": "Digitale 2"]), on: plan)
        #expect(Self.refusal(PlanProposalRule.accept(proposal, by: "dirigente.prog", on: plan)) == .ownProposal)
        let accepted = try PlanProposalRule.accept(proposal, by: "controllo", on: plan).get()
        #expect(accepted.plan.nodes.first { $0.id == "A101" }?.title == "Digitale 2")
        // The plan changed elsewhere: the proposal still applies.
        var elsewhere = plan
        elsewhere.nodes[elsewhere.nodes.firstIndex { $0.id == "A1" }!].title = "Imprese e territorio"
        #expect(PlanFingerprint.of(elsewhere) != proposal.fingerprint)
        let stillApplies = try PlanProposalRule.accept(proposal, by: "controllo", on: elsewhere).get()
        #expect(stillApplies.plan.nodes.first { $0.id == "A1" }?.title == "Imprese e territorio")
        // The element it changes was changed since: refused, with the fingerprints and the reason.
        var changed = plan
        changed.nodes[changed.nodes.firstIndex { $0.id == "A101" }!].weight = 70
        let stale = Self.refusal(PlanProposalRule.accept(proposal, by: "controllo", on: changed))
        #expect(stale?.isStale == true)
        #expect(stale?.description.contains("La proposta è stata fatta sul piano con impronta \(proposal.fingerprint)") == true)
        #expect(stale?.description.contains("gli elementi che modifica sono stati cambiati dopo la proposta") == true)
        // The element is gone: refused too, with the editor's reason.
        let removal = try Self.proposal(PlanEdit(.resource, .update, id: plan.resources[0].id, fields: ["importo": "10,00"]), on: plan)
        var gone = plan
        gone.resources = []
        let missing = Self.refusal(PlanProposalRule.accept(removal, by: "controllo", on: gone))
        #expect(missing?.isStale == true)
        #expect(missing?.description.contains("non esiste") == true)
        // Decided once only.
        var decided = proposal
        decided.status = .refused
        #expect(Self.refusal(PlanProposalRule.accept(decided, by: "controllo", on: plan)) == .alreadyDecided(.refused))
    }
}
