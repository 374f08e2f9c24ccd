import Foundation
import Testing
import TraguardoCore

/// The pure rules behind approval and variations: how an act is cited and printed, what a diff says, how a plan
/// rolls over to the next year.
@Suite("Atti citati, confronto, nuovo anno")
struct PlanVersionRulesTests {
    static func plan(year: Int = 2018) -> CyclePlan {
        var plan = CyclePlan(entity: Entity(code: "lucca", name: "CCIAA Lucca"), cycle: Cycle(entityCode: "lucca", year: year))
        plan.periods = MonitoringPeriod.standard(.septemberAndYearEnd, entityCode: "lucca", year: year)
        plan.nodes = [
            PlanNode(id: "2C", entityCode: "lucca", year: year, kind: .strategicObjective, code: "2C", title: "Competitività"),
            PlanNode(id: "1C", entityCode: "lucca", year: year, kind: .strategicObjective, code: "1C", title: "Eliminato", status: .eliminated),
            PlanNode(id: "1C1", entityCode: "lucca", year: year, parentID: "1C", kind: .project, code: "1C1", title: "Sotto l'eliminato"),
        ]
        plan.indicators = [
            Indicator(id: "2C/I1", entityCode: "lucca", year: year, nodeID: "2C", code: "I1", name: "Imprese servite",
                      baselineValue: 10, baselineYear: year - 1),
            Indicator(id: "1C1/I1", entityCode: "lucca", year: year, nodeID: "1C1", code: "I1", name: "Sotto l'eliminato"),
        ]
        plan.targets = [
            Target(id: "2C/I1/\(year)", indicatorID: "2C/I1", year: year, value: 12),
            Target(id: "2C/I1/\(year + 1)", indicatorID: "2C/I1", year: year + 1, value: 14),
        ]
        plan.items = [MeasuredItem(id: "2C/I1/a", indicatorID: "2C/I1", code: "a", description: "Imprese", targetValue: 12)]
        plan.measurements = [Measurement(id: "2C/I1/a@ANNO", itemID: "2C/I1/a", periodID: plan.periods.last!.id, value: 13)]
        return plan
    }

    @Test func anActIsReadAsTheDocumentsCiteItAndPrintedTheSameWay() throws {
        let plan = Self.plan()
        let act = try ActCitation.act("Delibera di Consiglio n. 12 del 20/12/2018", in: plan, subject: "Approvazione").get()
        #expect(act.kind == .delibera && act.organ == "Consiglio" && act.number == "12")
        #expect(act.date == CivilDate(year: 2018, month: 12, day: 20))
        #expect(act.label == "Delibera di Consiglio n. 12 del 20/12/2018")
        let commissioner = try ActCitation.act("Delibera del Commissario straordinario n. 55 del 9/11/2021", in: plan, subject: "").get()
        #expect(commissioner.label == "Delibera del Commissario straordinario n. 55 del 09/11/2021")
        let unnumbered = try ActCitation.act("Delibera di Consiglio del 14/11/2016", in: plan, subject: "").get()
        #expect(unnumbered.number == nil && unnumbered.label == "Delibera di Consiglio del 14/11/2016")
        #expect(ActCitation.act("Delibera di Consiglio n. 4 del 31/02/2017", in: plan, subject: "") == .failure(.unreadable("Delibera di Consiglio n. 4 del 31/02/2017")))
        #expect(ActCitation.act("  ", in: plan, subject: "") == .failure(.empty))
        #expect(ActCitation.act(String(repeating: "x", count: 301), in: plan, subject: "") == .failure(.tooLong(301)))
    }

    @Test func theDiffNamesAddedRemovedAndChangedFieldsInItalian() {
        let old = Self.plan()
        var new = old
        new.nodes[0].title = "Competitività delle imprese"
        new.indicators.removeLast()
        new.targets.append(Target(id: "2C/I1/2020", indicatorID: "2C/I1", year: 2020, value: 15))
        new.measurements = []  // measurements are not the plan
        let changes = PlanDiff.changes(from: old, to: new)
        #expect(changes.map(\.summary) == [
            "Nodo dell'albero 2C «Competitività delle imprese»: titolo da «Competitività» a «Competitività delle imprese»",
            "Indicatore I1 «Sotto l'eliminato»: eliminato",
            "Target 2C/I1/2020: aggiunto",
        ])
        #expect(changes.allSatisfy { $0.isPlanVariation })
        #expect(changes[1].nodeID == "1C1" && changes[2].nodeID == "2C")
        // Two years of the same objectives: the year of the records is not a difference.
        #expect(PlanDiff.changes(from: Self.plan(year: 2018), to: Self.plan(year: 2018)).isEmpty)
        let nextYear = PlanDiff.changes(from: Self.plan(year: 2018), to: Self.plan(year: 2019))
        #expect(!nextYear.contains { $0.elementKind == "nodo dell'albero" })
    }

    @Test func aRolloverCopiesTheTreeWithBaselinesFromActualsAndNoTargetsForTheNewYear() {
        let (next, summary) = PlanRollover.roll(Self.plan(), to: 2019)
        #expect(next.cycle.year == 2019 && next.cycle.status == .planning)
        #expect(next.nodes.map(\.code) == ["2C"])
        #expect(summary.nodesDropped == ["1C", "1C1"])
        #expect(next.indicators.map(\.id) == ["2C/I1"])
        #expect(next.indicators[0].baselineValue == 13 && next.indicators[0].baselineYear == 2018)
        #expect(summary.baselinesFromActuals == ["I1"])
        // The 2019 target was already in the plan of 2018: it is the new year's, to be set again; 2020 stays.
        #expect(next.targets.isEmpty)
        #expect(next.items[0].targetValue == nil)
        #expect(summary.targetsToSet == 1)
        #expect(next.measurements.isEmpty)
        #expect(next.periods.map(\.endsOn) == Self.plan().periods.map { CivilDate(year: 2019, month: $0.endsOn.month, day: $0.endsOn.day) })
        let approved = PlanApproval.approve(Self.plan(), by: Act(id: "a", entityCode: "lucca", organ: "Giunta", kind: .delibera, subject: "x"))
        #expect((try? approved.get()).map(PlanApproval.state(of:)) == .approved)
    }

    /// A multi-year objective keeps its history: the next year's plan carries the variations of the nodes that continue
    /// and the acts they cite (its documents print «modificato con …» as the Lucca 2018 report does for 2C), not the
    /// approval (the new year is a bozza) nor what varied a node left behind.
    @Test func aRolloverCarriesTheVariationsOfTheNodesThatContinueButNotTheApproval() throws {
        var plan = try PlanApproval.approve(Self.plan(), by: Act(
            id: "dc-12", entityCode: "lucca", organ: "Consiglio", kind: .delibera, number: "12",
            date: CivilDate(year: 2017, month: 12, day: 20), subject: "Approvazione")).get()
        plan.acts += [
            Act(id: "dc-4", entityCode: "lucca", organ: "Consiglio", kind: .delibera, number: "4",
                date: CivilDate(year: 2018, month: 11, day: 10), subject: "Modifica di 2C"),
            Act(id: "dg-9", entityCode: "lucca", organ: "Giunta", kind: .delibera, number: "9",
                date: CivilDate(year: 2018, month: 3, day: 1), subject: "Modifica di 1C"),
        ]
        plan.variations += [
            PlanVariation(id: "dc-4/2C", actID: "dc-4", nodeID: "2C", kind: .change, description: "titolo"),
            PlanVariation(id: "dg-9/1C", actID: "dg-9", nodeID: "1C", kind: .change, description: "stato"),
        ]
        let (next, _) = PlanRollover.roll(plan, to: 2019)
        #expect(PlanApproval.state(of: next) == .draft)
        #expect(next.variations.map(\.id) == ["dc-4/2C"])
        #expect(next.acts.map(\.id) == ["dc-4"])
        #expect(PlanApproval.variedNote(nodeID: "2C", in: next) == "modificato con Delibera di Consiglio n. 4 del 10/11/2018")
    }
}
