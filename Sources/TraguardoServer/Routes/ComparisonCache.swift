import Foundation
import TraguardoCore
import TraguardoStore

/// The comparison across Enti of one year (`IndicatorComparison`), kept under the change markers of every Ente
/// with a cycle that year (`Store.changeMarkers(year:)`, one query): computed again only when one of them changed,
/// on this instance or another one sharing the database. Each Ente-year's plan is read and scored in turn and
/// only its results are kept (`IndicatorComparison.Contribution`), so that the national system is never in memory
/// at once. At most `capacity` years, the least recently used dropped first; one computation per year at a time.
actor ComparisonCache {
    struct Computed: Sendable {
        var comparisons: [IndicatorComparison]
        var enti: Int
    }

    let capacity: Int
    private var entries: [Int: (markers: [String: ChangeMarker], computed: Computed, used: Int)] = [:]
    private var running: [Int: (markers: [String: ChangeMarker], task: Task<Computed, any Error>)] = [:]
    private var clock = 0

    init(capacity: Int = 4) { self.capacity = capacity }

    /// The comparison of `year` as the store has it now.
    func comparison(year: Int, store: Store) async throws -> Computed {
        let markers = try await store.changeMarkers(year: year)
        clock += 1
        if let entry = entries[year], entry.markers == markers {
            entries[year]?.used = clock
            return entry.computed
        }
        let task: Task<Computed, any Error>
        if let known = running[year], known.markers == markers {
            task = known.task
        } else {
            task = Task { try await Self.compute(year: year, enti: markers.keys.sorted(), store: store) }
            running[year] = (markers, task)
        }
        let computed = try await task.value
        if running[year]?.markers == markers { running[year] = nil }
        entries[year] = (markers, computed, clock)
        if entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            entries[oldest] = nil
        }
        return computed
    }

    private static func compute(year: Int, enti: [String], store: Store) async throws -> Computed {
        var contributions: [IndicatorComparison.Contribution] = []
        for entity in enti {
            guard let plan = try await store.loadPlan(CycleScope(entityCode: entity, year: year)) else { continue }
            contributions.append(.init(.init(plan: plan, scores: PlanScorer.score(plan, period: nil))))
        }
        return Computed(comparisons: IndicatorComparison.compare(contributions), enti: contributions.count)
    }
}
