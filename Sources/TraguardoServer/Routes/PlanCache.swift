import Foundation
import TraguardoCore
import TraguardoStore

/// The plans the pages read, kept in memory under the Ente-year's `ChangeMarker`: a page asks the store only
/// for the marker (one indexed query) and reads the whole plan again only when something changed, on this
/// instance or on another one sharing the database. At most `capacity` plans, the least recently used
/// dropped first, so that a server of the national system does not keep every Ente-year in memory.
actor PlanCache {
    let capacity: Int
    private var entries: [CycleScope: (marker: ChangeMarker, plan: CyclePlan, used: Int)] = [:]
    private var clock = 0

    init(capacity: Int = 8) { self.capacity = capacity }

    /// The plan of the Ente-year as the store has it now; nil when the Ente-year is not there.
    func plan(_ scope: CycleScope, store: Store) async throws -> CyclePlan? {
        let marker = try await store.changeMarker(of: scope)
        clock += 1
        if let entry = entries[scope], entry.marker == marker {
            entries[scope]?.used = clock
            return entry.plan
        }
        guard let plan = try await store.loadPlan(scope) else {
            entries[scope] = nil
            return nil
        }
        entries[scope] = (marker, plan, clock)
        if entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            entries[oldest] = nil
        }
        return plan
    }
}
