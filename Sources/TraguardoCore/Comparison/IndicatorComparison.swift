import Foundation

/// The indicators several Enti (or several years of one Ente) have in common — the national ones, such as the
/// Unioncamere indicators every Camera measures — set side by side: the result of each Ente-year, its rank
/// (1 = the highest achievement; equal results share a rank), the quartiles of all results, and where a chosen
/// Ente stands. Two indicators are the same when they have the same code and the same name (ignoring case and
/// spaces), so that a local «1» of one Ente is never compared with another Ente's «1».
public struct IndicatorComparison: Hashable, Sendable {
    /// One Ente-year's result for the indicator.
    public struct Entry: Hashable, Sendable {
        public var entityCode: String
        public var entityName: String
        public var year: Int
        /// The % of achievement, as the engine computes it (exact value).
        public var value: Decimal
        /// The same as shown in the documents (`99,65%`).
        public var shown: String
        /// 1 for the highest value; equal values share a rank.
        public var rank: Int
        /// 1 (the top quarter) to 4.
        public var quartile: Int
    }

    public var code: String
    public var name: String
    /// Highest value first.
    public var entries: [Entry]
    /// The quartiles of the values (Q1, median, Q3), by linear interpolation between the sorted values.
    public var firstQuartile: Decimal
    public var median: Decimal
    public var thirdQuartile: Decimal

    /// The entries of one Ente.
    public func entries(of entityCode: String) -> [Entry] { entries.filter { $0.entityCode == entityCode } }

    /// One scored Ente-year, the input of `compare`.
    public struct Source: Sendable {
        public var plan: CyclePlan
        public var scores: PlanScores

        public init(plan: CyclePlan, scores: PlanScores) {
            self.plan = plan
            self.scores = scores
        }
    }

    /// What one scored Ente-year brings to a comparison: its result for each of its indicators, small enough to
    /// keep for every Ente-year of the national system once its plan and scores are dropped.
    public struct Contribution: Hashable, Sendable {
        public struct Result: Hashable, Sendable {
            var key: String
            var code: String
            var name: String
            var entry: Entry
        }

        var results: [Result]

        /// The results of `source`'s indicators that have one.
        public init(_ source: Source) {
            let plan = source.plan
            results = plan.indicators.compactMap { indicator in
                guard let scored = source.scores.indicators[indicator.id], let value = scored.score.value else { return nil }
                return Result(
                    key: IndicatorComparison.key(indicator), code: indicator.code, name: indicator.name,
                    entry: Entry(
                        entityCode: plan.entity.code, entityName: plan.entity.shortName ?? plan.entity.name, year: plan.cycle.year,
                        value: value, shown: scored.score.shown, rank: 0, quartile: 0))
            }
        }
    }

    /// Every indicator that at least `minimumEntries` Ente-years have in common and have a result for,
    /// in code order.
    public static func compare(_ sources: [Source], minimumEntries: Int = 2) -> [IndicatorComparison] {
        compare(sources.map(Contribution.init), minimumEntries: minimumEntries)
    }

    /// The same, from the contributions of the Ente-years (`Contribution`).
    public static func compare(_ contributions: [Contribution], minimumEntries: Int = 2) -> [IndicatorComparison] {
        var groups: [String: (code: String, name: String, entries: [Entry])] = [:]
        for result in contributions.lazy.flatMap(\.results) {
            groups[result.key, default: (result.code, result.name, [])].entries.append(result.entry)
        }
        return groups.values.filter { $0.entries.count >= max(minimumEntries, 1) }
            .map { make(code: $0.code, name: $0.name, entries: $0.entries) }
            .sorted { ($0.code, $0.name) < ($1.code, $1.name) }
    }

    static func key(_ indicator: Indicator) -> String {
        let name = indicator.name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return indicator.code.trimmingCharacters(in: .whitespaces).lowercased() + "\u{1F}" + name
    }

    static func make(code: String, name: String, entries: [Entry]) -> IndicatorComparison {
        var sorted = entries.sorted { ($1.value, $0.entityCode, $0.year) < ($0.value, $1.entityCode, $1.year) }
        let values = sorted.map(\.value).reversed().map { $0 }  // ascending
        let q1 = quantile(values, 1, 4), q2 = quantile(values, 1, 2), q3 = quantile(values, 3, 4)
        for index in sorted.indices {
            let value = sorted[index].value
            sorted[index].rank = (sorted.firstIndex { $0.value == value } ?? index) + 1
            sorted[index].quartile = value >= q3 ? 1 : value >= q2 ? 2 : value >= q1 ? 3 : 4
        }
        return IndicatorComparison(code: code, name: name, entries: sorted, firstQuartile: q1, median: q2, thirdQuartile: q3)
    }

    /// The `numerator/denominator` quantile of ascending `values` (type 7: linear between the closest ranks).
    static func quantile(_ values: [Decimal], _ numerator: Int, _ denominator: Int) -> Decimal {
        guard let first = values.first else { return 0 }
        guard values.count > 1 else { return first }
        let position = Decimal(values.count - 1) * Decimal(numerator) / Decimal(denominator)
        var whole = position
        var rounded = Decimal()
        NSDecimalRound(&rounded, &whole, 0, .down)
        let lower = (rounded as NSDecimalNumber).intValue
        let fraction = position - rounded
        let upper = min(lower + 1, values.count - 1)
        return values[lower] + (values[upper] - values[lower]) * fraction
    }
}
