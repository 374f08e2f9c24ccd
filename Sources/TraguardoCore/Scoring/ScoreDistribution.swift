import Foundation

/// How many managers fall in each band of their individual score: a check of the differentiation of
/// judgements (everyone at 100 says the methodology does not discriminate).
public struct ScoreDistribution: Hashable, Sendable, Codable {
    public struct Band: Hashable, Sendable, Codable {
        /// «100», «da 95 a meno di 100», «N.C.».
        public var label: String
        /// Lowest score in the band; nil for N.C.
        public var minimum: Decimal?
        public var count: Int
    }

    /// Highest band first, N.C. last.
    public var bands: [Band]
    public var total: Int

    /// The lower bounds of the bands, highest first; below the last one a band «meno di N».
    public static let bounds: [Decimal] = [100, 95, 90, 80, 60]

    /// The managers' scores (`scores.managers`) in bands.
    public init(managers scores: PlanScores) {
        self.init(values: scores.managers.values.map(\.score.value))
    }

    public init(values: [Decimal?]) {
        var counts = Array(repeating: 0, count: Self.bounds.count + 2)
        for value in values {
            guard let value else {
                counts[counts.count - 1] += 1
                continue
            }
            counts[Self.bounds.firstIndex { value >= $0 } ?? Self.bounds.count] += 1
        }
        var bands: [Band] = []
        for (index, bound) in Self.bounds.enumerated() {
            let label = index == 0 ? "\(bound.italian) o più"
                : "da \(bound.italian) a meno di \(Self.bounds[index - 1].italian)"
            bands.append(Band(label: label, minimum: bound, count: counts[index]))
        }
        bands.append(Band(label: "meno di \(Self.bounds.last!.italian)", minimum: 0, count: counts[Self.bounds.count]))
        bands.append(Band(label: "N.C.", minimum: nil, count: counts[counts.count - 1]))
        self.bands = bands
        total = values.count
    }

    /// How many bands hold at least one manager.
    public var bandsUsed: Int { bands.filter { $0.count > 0 && $0.minimum != nil }.count }
}
