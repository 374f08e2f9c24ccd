import Foundation
import PropertyBased
import Testing
@testable import TraguardoCore

/// A node with indicators at the given % (nil = N.C.), scored with `rule` at node level.
func scoreNode(_ values: [Decimal?], weights: [Decimal?]? = nil, rule: LevelRule) -> ScoredElement {
    var m = MethodologyPresets.standard
    m.levels = [rule]
    var b = PlanBuilder(year: 2018, methodology: m)
    b.node("N")
    for (i, v) in values.enumerated() {
        let spec: ItemSpec = v.map { .declared("1", $0) } ?? .nc("1", "nessuna richiesta")
        b.indicator("\(i + 1)", .node("N"), weight: weights?[i], items: [spec])
    }
    return PlanScorer.score(b.plan).node(code: "N")!
}

@Suite("Aggregazione e arrotondamento per livello")
struct AggregationTests {
    @Test func meanWeightedMeanMinimum() {
        #expect(scoreNode([100, 50], rule: LevelRule(level: .node)).score.value == 75)
        let weighted = scoreNode([100, 50], weights: [3, 1], rule: LevelRule(level: .node, aggregation: .weightedMean))
        #expect(weighted.score.value == .d("87.5"))
        #expect(weighted.explanation.formulaLine == "87,50 = media ponderata(100 × 3; 50 × 1)")
        let minimum = scoreNode([100, 50, 80], rule: LevelRule(level: .node, aggregation: .minimum))
        #expect(minimum.score.value == 50)
        #expect(minimum.explanation.formulaLine == "50 = minimo(100; 50; 80)")
    }

    @Test func notComputableLeftOutOfNumeratorAndDenominator() {
        let s = scoreNode([100, nil, 50], rule: LevelRule(level: .node))
        #expect(s.score.value == 75)
        #expect(s.explanation.notes.contains("escluso perché N.C.: 2"))
        let all = scoreNode([nil, nil], rule: LevelRule(level: .node))
        #expect(all.score.value == nil)
        #expect(all.score.shown == "N.C.")
    }

    @Test func fullScoreThreshold() {
        // "≥ 90 → 100"
        let s = scoreNode([100, 80], rule: LevelRule(level: .node, fullScoreThreshold: 90))
        #expect(s.score.value == 100)
        #expect(s.explanation.formulaLine == "100 = pieno se ≥ 90(media(100; 80))")
        #expect(scoreNode([100, 70], rule: LevelRule(level: .node, fullScoreThreshold: 90)).score.value == 85)
    }

    @Test func roundingModesPerLevel() {
        let inputs: [Decimal?] = [.d("98.99"), 100, 75, 0]
        #expect(scoreNode(inputs, rule: LevelRule(level: .node, rounding: .truncate, digits: 2)).score.value == .d("68.49"))
        #expect(scoreNode(inputs, rule: LevelRule(level: .node, rounding: .halfUp, digits: 2)).score.value == .d("68.5"))
        #expect(scoreNode(inputs, rule: LevelRule(level: .node, rounding: .halfEven, digits: 3)).score.value == .d("68.498"))
        #expect(scoreNode(inputs, rule: LevelRule(level: .node, rounding: .none)).score.value == .d("68.4975"))
    }

    @Test func roundBeforeUseFalseRoundsOnlyWhenShown() {
        let s = scoreNode([.d("98.99"), 100, 75, 0],
                          rule: LevelRule(level: .node, rounding: .truncate, digits: 2, roundBeforeUse: false))
        #expect(s.score.value == .d("68.4975"))
        #expect(s.score.shown == "68,49")
        #expect(s.explanation.notes.contains("mostrato come 68,49 (tronca a 2 decimali, solo in visualizzazione)"))
    }

    @Test func roundedValueGoesUpward() {
        // The level above averages the rounded value when roundBeforeUse is true.
        var m = MethodologyPresets.standard
        m.levels = [LevelRule(level: .indicator, rounding: .halfUp, digits: 0), LevelRule(level: .objective, rounding: .none)]
        var b = PlanBuilder(year: 2018, methodology: m)
        b.objective("O")
        b.indicator("1", .objective("O"), items: [.declared("1", .d("99.4")), .declared("2", 100)])  // 99,7 → 100
        b.indicator("2", .objective("O"), items: [.declared("1", 99)])
        #expect(PlanScorer.score(b.plan).objective(code: "O")?.score.value == .d("99.5"))
        b.plan.methodology!.rules.levels[0].roundBeforeUse = false
        #expect(PlanScorer.score(b.plan).objective(code: "O")?.score.value == .d("99.35"))
    }

    @Test func compositeShare() {
        // CRM 2 of 4 = 50
        var b = PlanBuilder(year: 2018)
        b.node("N")
        b.indicator("1", .node("N"), rule: .compositeShare, items: [
            .threshold("a", .atLeast, 5, value: 6), .threshold("b", .atLeast, 5, value: 4),
            .threshold("c", .atMost, 5, value: 3), .threshold("d", .atMost, 5, value: 9),
        ])
        let s = PlanScorer.score(b.plan).indicator("1", of: "N")!
        #expect(s.score.value == 50)
        #expect(s.explanation.formulaLine == "50 = quota dei sotto-target raggiunti(2 / 4 × 100)")
        b.plan.indicators[0].rule = .compositeAll
        #expect(PlanScorer.score(b.plan).indicator("1", of: "N")?.score.value == 0)
    }

    @Test func trafficLightsAndPoints() {
        var m = MethodologyPresets.lucca2013
        m.levels = [LevelRule(level: .objective, rounding: .truncate, digits: 2)]
        var b = PlanBuilder(year: 2013, methodology: m)
        b.objective("O", manager: "p")
        b.indicator("1", .objective("O"), items: [.declared("1", 65)])
        let s = PlanScorer.score(b.plan)
        #expect(s.objective(code: "O")?.score.trafficLight == .yellow)
        #expect(s.objective(code: "O")?.score.points == 30)
        #expect(s.managers["p"]?.score.points == 30)
    }

    @Test func circularDerivationIsNotComputable() {
        var b = PlanBuilder(year: 2018)
        b.objective("A")
        b.indicator("1", .objective("A"), derivedFrom: ScoreDerivation(kind: .objectives, codes: ["A"]))
        let s = PlanScorer.score(b.plan)
        #expect(s.objective(code: "A")?.score.value == nil)
    }

    @Test func meanLiesBetweenMinimumAndMaximumAndIgnoresNC() async {
        await propertyCheck(input: Gen.int(in: 0...10_000).array(of: 1...8), Gen.int(in: 0...3)) { raw, ncCount in
            let values = raw.map { Decimal($0) / 100 }
            let plain = scoreNode(values, rule: LevelRule(level: .node, rounding: .none)).score.value!
            #expect(plain >= values.min()! && plain <= values.max()!)
            let withNC = scoreNode(values.map { Optional($0) } + Array(repeating: nil, count: ncCount),
                                   rule: LevelRule(level: .node, rounding: .none)).score.value
            #expect(withNC == plain)
        }
    }

    @Test func truncationNeverExceedsHalfUp() async {
        await propertyCheck(input: Gen.int(in: -1_000_000...1_000_000), Gen.int(in: 0...4)) { raw, digits in
            let x = Decimal(raw) / 10_000
            let t = x.rounded(.truncate, digits: digits)
            let h = x.rounded(.halfUp, digits: digits)
            var step = Decimal(1)
            for _ in 0..<digits { step /= 10 }
            #expect(abs(x - t) < step)
            #expect(abs(x - h) <= step / 2)
            if x >= 0 { #expect(t <= x && t <= h) }
        }
    }
}
