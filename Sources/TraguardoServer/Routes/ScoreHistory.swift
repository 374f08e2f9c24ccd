import Foundation
import TraguardoCore
import TraguardoStore

/// The Ente's overall result in each year the store holds (the last period of each year), for the
/// cruscotto's trend chart. Another year's result is computed by the engine from its stored plan and kept
/// in memory under that Ente-year's `ChangeMarker`: while nothing changes the plan is not loaded again, and
/// a change (on this instance or another one sharing the database) gives a new marker, so a stale result is
/// never shown.
actor ScoreHistory {
    /// How many years back the trend goes.
    static let yearLimit = 10

    private struct Key: Hashable {
        var entityCode: String
        var year: Int
        var marker: ChangeMarker
    }

    private var cache: [Key: Decimal?] = [:]

    /// `(year, score)` in year order; `current` is the year being shown, with the score already computed;
    /// `markers`: the marker of every year of the Ente (`Store.changeMarkers`).
    func history(
        of entityCode: String, current: (year: Int, score: Decimal?), markers: [Int: ChangeMarker], store: Store
    ) async throws -> [(year: Int, score: Decimal)] {
        let years = markers.keys.filter { $0 != current.year }.sorted().suffix(Self.yearLimit - 1)
        var points: [(year: Int, score: Decimal)] = []
        for year in years {
            let scope = CycleScope(entityCode: entityCode, year: year)
            guard let marker = markers[year] else { continue }
            let key = Key(entityCode: entityCode, year: year, marker: marker)
            let score: Decimal?
            if let known = cache[key] {
                score = known
            } else {
                score = try await store.loadPlan(scope).flatMap { PlanScorer.score($0).entity.score.value }
                for old in cache.keys where old.entityCode == entityCode && old.year == year { cache[old] = nil }
                cache[key] = score
            }
            if let score { points.append((year, score)) }
        }
        if let value = current.score { points.append((current.year, value)) }
        return points.sorted { $0.year < $1.year }
    }
}
