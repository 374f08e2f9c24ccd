import Foundation
import PropertyBased
import Testing
@testable import TraguardoCore

/// Random plans: `shape[i]` is indicator i's items, each an integer that picks the item's rule and value;
/// indicator i belongs to node `i % nodes` under one area.
private func randomPlan(_ shape: [[Int]], nodes: Int, methodology: Methodology = MethodologyPresets.standard,
                        weights: Decimal? = nil) -> CyclePlan {
    var b = PlanBuilder(year: 2018, methodology: methodology)
    b.node("A")
    for n in 0..<nodes { b.node("N\(n)", parent: "A") }
    for (i, items) in shape.enumerated() {
        b.indicator("\(i + 1)", .node("N\(i % nodes)"), weight: weights, items: items.enumerated().map { j, raw in
            item("\(j + 1)", raw)
        })
    }
    return b.plan
}

/// 0–9999 → one of the rules with a value that may exceed its target (over-achievement must be capped).
private func item(_ code: String, _ raw: Int) -> ItemSpec {
    let value = Decimal(raw / 5 % 200)
    switch raw % 5 {
    case 0: return .declared(code, value)
    case 1: return .partial(code, got: value, of: Decimal(raw / 1000 + 1) * 10)
    case 2: return .threshold(code, .atLeast, 90, value: value)
    case 3: return .done(code, raw / 5 % 2 == 0)
    default: return .nc(code, "nessuna richiesta")
    }
}

private let shapes = Gen.int(in: 0...9999).array(of: 1...4).array(of: 1...6)
private let nodeCounts = Gen.int(in: 1...3)

/// Every score a plan produces, by kind and path (ids are numbered as the plan is built), as shown.
private func shownScores(_ scores: PlanScores, includingItems: Bool = true) -> [String: String] {
    var out: [String: String] = [:]
    for element in scores.all where includingItems || element.subject.kind != .item {
        out["\(element.subject.kind.rawValue)|\(element.subject.path)"] = element.score.shown
    }
    return out
}

private func methodology(rounding: RoundingMode, aggregation: AggregationMode = .mean) -> Methodology {
    var m = MethodologyPresets.standard
    m.levels = ScoringLevel.allCases.map {
        LevelRule(level: $0, aggregation: aggregation, rounding: rounding, digits: 2, roundBeforeUse: true)
    }
    return m
}

@Suite("Proprietà del calcolo su piani casuali")
struct ScoringPropertyTests {
    @Test func noScoreIsAboveTheCapOrBelowZero() async {
        await propertyCheck(input: shapes, nodeCounts) { shape, nodes in
            let scores = PlanScorer.score(randomPlan(shape, nodes: nodes))
            for element in scores.all {
                if let value = element.score.value {
                    #expect(value >= 0 && value <= 100, "\(element.subject.label()): \(value)")
                }
            }
        }
    }

    @Test func addingANotComputableItemChangesNothing() async {
        await propertyCheck(input: shapes, nodeCounts, Gen.int(in: 0...100)) { shape, nodes, pick in
            let before = PlanScorer.score(randomPlan(shape, nodes: nodes))
            var extended = shape
            let target = pick % shape.count
            extended[target].append(4)  // raw % 5 == 4: an N.C. item
            let after = PlanScorer.score(randomPlan(extended, nodes: nodes))
            #expect(shownScores(after, includingItems: false) == shownScores(before, includingItems: false))
        }
    }

    @Test func theOrderOfInputsNeverMatters() async {
        await propertyCheck(input: shapes, nodeCounts) { shape, nodes in
            let plan = randomPlan(shape, nodes: nodes)
            var reversed = plan
            reversed.items.reverse()
            reversed.indicators.reverse()
            reversed.nodes.reverse()
            reversed.measurements.reverse()
            for i in reversed.items.indices { reversed.items[i].sortOrder = reversed.items.count - i }
            for i in reversed.indicators.indices { reversed.indicators[i].sortOrder = reversed.indicators.count - i }
            #expect(shownScores(PlanScorer.score(reversed)) == shownScores(PlanScorer.score(plan)))
        }
    }

    @Test func equalWeightsGiveThePlainMean() async {
        await propertyCheck(input: shapes, nodeCounts, Gen.int(in: 1...9)) { shape, nodes, weight in
            let plain = PlanScorer.score(randomPlan(shape, nodes: nodes, methodology: methodology(rounding: .none)))
            let weighted = PlanScorer.score(randomPlan(
                shape, nodes: nodes, methodology: methodology(rounding: .none, aggregation: .weightedMean),
                weights: Decimal(weight)))
            for element in plain.all {
                let other = weighted.all.first { $0.subject.kind == element.subject.kind && $0.subject.id == element.subject.id }
                #expect(other?.score.value?.rounded(.halfUp, digits: 20) == element.score.value?.rounded(.halfUp, digits: 20),
                        "\(element.subject.label())")
            }
        }
    }

    @Test func truncationNeverGivesMoreThanRounding() async {
        await propertyCheck(input: shapes, nodeCounts) { shape, nodes in
            let truncated = PlanScorer.score(randomPlan(shape, nodes: nodes, methodology: methodology(rounding: .truncate)))
            let rounded = PlanScorer.score(randomPlan(shape, nodes: nodes, methodology: methodology(rounding: .halfUp)))
            for element in truncated.all {
                let other = rounded.all.first { $0.subject.kind == element.subject.kind && $0.subject.id == element.subject.id }
                if let t = element.score.value, let r = other?.score.value {
                    #expect(t <= r, "\(element.subject.label()): troncato \(t), arrotondato \(r)")
                }
            }
        }
    }
}
