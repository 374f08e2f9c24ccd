import Foundation
import Testing
@testable import TraguardoCore

@Suite("Simulazioni: punteggi con valori ipotetici, mai registrati")
struct WhatIfTests {
    /// Seed 001 G10101 (righe 1085–1094): 3a is 1 video of 2 (50); what if both had been made?
    func plan() -> CyclePlan {
        var b = PlanBuilder(year: 2013)
        b.node("G10101", "La comunicazione esterna integrata")
        b.indicator("1", .node("G10101"), items: [.done("1a", true), .declared("1b", 100)])
        b.indicator("3", .node("G10101"), items: [.partial("3a", got: 1, of: 2), .declared("3b", 100)])
        b.indicator("4", .node("G10101"), items: [.done("4a", false)])
        return b.plan
    }

    @Test func aHypothesisChangesTheScoresAboveItAndNothingIsStored() throws {
        let plan = plan()
        let before = PlanScorer.score(plan)
        #expect(before.node(code: "G10101")?.score.shown == "58,33")
        let result = try WhatIf.score(plan, hypotheses: [
            Hypothesis.parse("G10101/3/3a=2", year: 2013), Hypothesis.parse("G10101/4/4a=sì", year: 2013),
        ])
        #expect(result.scores.node(code: "G10101")?.score.shown == "100")
        #expect(result.changes.contains { $0.subject.path == "G10101/3/3a" && $0.before.shown == "50" && $0.after.shown == "100" })
        #expect(result.changes.contains { $0.subject.path == "G10101" && $0.after.shown == "100" })
        #expect(!result.changes.contains { $0.subject.path == "G10101/1" }, "1 non cambia")
        #expect(PlanScorer.score(plan) == before, "il piano passato non cambia")
    }

    @Test func notComputableAndRatiosAndMissingMeasurements() throws {
        var plan = plan()
        let item = plan.items.first { $0.code == "4a" }!
        plan.measurements.removeAll { $0.itemID == item.id }
        let nc = try WhatIf.applying([Hypothesis.parse("G10101/4/4a=N.C.", year: 2013)], to: plan, period: "ANNO")
        let added = try #require(nc.measurements.first { $0.itemID == item.id })
        #expect(added.id == "\(item.id)@ANNO")
        #expect(added.isNotComputable)
        let ratio = try WhatIf.applying([Hypothesis.parse("G10101/3/3a=43/47", year: 2013)], to: plan, period: "ANNO")
        let measured = try #require(ratio.measurements.first { $0.itemID == plan.items.first { $0.code == "3a" }!.id })
        #expect(measured.numerator == 43 && measured.denominator == 47 && measured.value == nil)
    }

    @Test func everyBadHypothesisIsReported() throws {
        let plan = plan()
        #expect(throws: WhatIfError(problems: ["ipotesi «G10101/3/3a» non leggibile: attesa la forma ITEM=VALORE, per esempio C30101/1/1a=95"])) {
            try Hypothesis.parse("G10101/3/3a", year: 2013)
        }
        let error = #expect(throws: WhatIfError.self) {
            try WhatIf.applying([Hypothesis.parse("Z/1/1=3", year: 2013), Hypothesis.parse("G10101/9=3", year: 2013)],
                                to: plan, period: "ANNO")
        }
        #expect(error?.problems.count == 2)
        #expect(throws: WhatIfError.self) { try WhatIf.applying([], to: plan, period: "T3") }
        // What the sheet, the form and the API refuse, with the same words.
        #expect(throws: WhatIfError(problems: [
            "ipotesi per G10101/3/3a: valore «1.000.000.000.000.000» fuori scala (oltre 1.000.000.000.000): controllare gli zeri"])) {
            try Hypothesis.parse("G10101/3/3a=1.000.000.000.000.000", year: 2013)
        }
    }
}
