import Foundation

/// One input of an aggregation: a scored element and its weight.
struct AggregationEntry {
    var element: ScoredElement
    var weight: Decimal?

    var value: Decimal? { element.score.value }
}

/// How a level combines and rounds: the level's rule, or a collection rule of the Carta / the procedures.
struct CombineRule {
    var aggregation: AggregationMode
    var rounding: RoundingMode
    var digits: Int
    var roundBeforeUse: Bool
    var fullScoreThreshold: Decimal?
    /// Shown with all the methodology's decimals, an integer too: a total prints «100,00», «99,00» (totals of the
    /// Carta dei servizi and of the procedures), where a row prints «100».
    var keepsDigits = false

    init(_ rule: LevelRule) {
        aggregation = rule.aggregation
        rounding = rule.rounding
        digits = rule.digits
        roundBeforeUse = rule.roundBeforeUse
        fullScoreThreshold = rule.fullScoreThreshold
    }

    init(total rule: CollectionRule) {
        aggregation = rule.aggregation
        rounding = rule.rounding
        digits = rule.digits
        roundBeforeUse = true
        fullScoreThreshold = nil
        keepsDigits = true
    }

    init(aggregation: AggregationMode, rounding: RoundingMode, digits: Int, roundBeforeUse: Bool = true) {
        self.aggregation = aggregation
        self.rounding = rounding
        self.digits = digits
        self.roundBeforeUse = roundBeforeUse
        self.fullScoreThreshold = nil
    }
}

/// Mean, weighted mean and minimum over the computable inputs: N.C. inputs are left out of numerator and
/// denominator (seed 001 R6: Polo Tecnologico = 100, not 83,33).
enum Aggregation {
    /// The aggregate of the computable entries and its formula; nil when none is computable.
    static func combine(_ entries: [AggregationEntry], _ mode: AggregationMode) -> (Decimal, Formula)? {
        let computable = entries.compactMap { e in e.value.map { (value: $0, weight: e.weight ?? 1) } }
        guard !computable.isEmpty else { return nil }
        switch mode {
        case .mean:
            let sum = computable.reduce(Decimal(0)) { $0 + $1.value }
            return (sum / Decimal(computable.count), .call("media", computable.map { .number($0.value) }))
        case .weightedMean:
            let weightSum = computable.reduce(Decimal(0)) { $0 + $1.weight }
            let formula = Formula.call("media ponderata", computable.map {
                .infix(.number($0.value), "×", .number($0.weight))
            })
            guard weightSum != 0 else { return nil }
            let sum = computable.reduce(Decimal(0)) { $0 + $1.value * $1.weight }
            return (sum / weightSum, formula)
        case .minimum:
            let minimum = computable.map(\.value).min()!
            return (minimum, .call("minimo", computable.map { .number($0.value) }))
        }
    }

    /// The explanation notes about excluded inputs: "esclusi perché N.C.: 2b".
    static func exclusionNote(_ entries: [AggregationEntry]) -> String? {
        let excluded = entries.filter { $0.value == nil }.map { $0.element.subject.code }
        guard !excluded.isEmpty else { return nil }
        return "esclus\(excluded.count == 1 ? "o" : "i") perché N.C.: \(excluded.joined(separator: ", "))"
    }
}
