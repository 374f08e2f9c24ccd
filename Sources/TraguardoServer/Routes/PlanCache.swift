import Foundation
import TraguardoCore
import TraguardoStore

/// The plans the pages read, and their scores per period, kept in memory under the Ente-year's
/// `ChangeMarker`: a page asks the store only for the marker (one indexed query) and reads the whole plan
/// again, and scores it again, only when something changed, on this instance or on another one sharing the
/// database. The scores of one Ente-year and period are computed once and shared by every request until its
/// data change. At most `capacity` plans and `weightLimit` records (`weight(of:)`: nodes, indicators, targets,
/// items, measurements…) together, the least recently used dropped first, so that a server of the national system
/// does not keep every Ente-year in memory: a plan of 1.000 indicators weighs about 7.000 records, and eight of
/// them with their scores took a server past 150 MB. The plan just read is always kept, however heavy. At most
/// `periodsPerPlan` scorings per plan.
///
/// At most `workAtOnce` plans are read from the store or scored at the same time; other requests wait their turn
/// and then find in the cache what a request before them has read or scored (one read per Ente-year, however many
/// ask for it). 16 users asking each a different Ente-year of the national dataset (1.000 indicators) had every
/// plan read and scored at once: each request took the time of all of them, and one in four timed out after a minute.
actor PlanCache {
    let capacity: Int
    let weightLimit: Int
    let workAtOnce: Int
    static let periodsPerPlan = 8
    /// Two per core: one being read from the database while another is being scored.
    static let defaultWorkAtOnce = max(2, 2 * ProcessInfo.processInfo.activeProcessorCount)

    private struct Entry {
        var marker: ChangeMarker
        var plan: CyclePlan
        var weight: Int
        var used: Int
        /// Period asked (nil: the scorer's default, the last of the year) → scores.
        var scores: [String?: PlanScores] = [:]
        /// The findings of the checks on the whole year (`CheckCatalogue.findings(in:period:)`, nil period).
        var findings: [Finding]?
    }

    private var entries: [CycleScope: Entry] = [:]
    private var clock = 0
    /// Reads and scorings going on now, and the requests waiting for one of them to end (first come, first served).
    private var working = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// The Ente-years being read from the store now, with the requests waiting for that read.
    private var readingNow: [CycleScope: [CheckedContinuation<Void, Never>]] = [:]
    /// For the tests: how many plans were read from the store, the most reads and scorings seen going on at once.
    private(set) var storeReads = 0
    private(set) var mostAtOnce = 0

    init(capacity: Int = 8, weightLimit: Int = 24_000, workAtOnce: Int = PlanCache.defaultWorkAtOnce) {
        self.capacity = capacity
        self.weightLimit = weightLimit
        self.workAtOnce = max(1, workAtOnce)
    }

    /// Waits until fewer than `workAtOnce` reads and scorings are going on; `endWork` must follow.
    private func startWork() async {
        if working < workAtOnce {
            working += 1
        } else {
            // `endWork` hands its place over: `working` stays as it is.
            await withCheckedContinuation { waiting.append($0) }
        }
        mostAtOnce = max(mostAtOnce, working)
    }

    private func endWork() {
        if waiting.isEmpty { working -= 1 } else { waiting.removeFirst().resume() }
    }

    /// How much of the cache a plan takes: its records, the unit the memory of a plan and of its scores grows with.
    static func weight(of plan: CyclePlan) -> Int {
        plan.nodes.count + plan.objectives.count + plan.objectiveLinks.count + plan.indicators.count + plan.targets.count
            + plan.items.count + plan.measurements.count + plan.resources.count + plan.accountLines.count
            + plan.serviceStandards.count + plan.serviceResults.count + plan.procedures.count + plan.procedureResults.count
            + plan.units.count + plan.people.count + plan.roles.count + plan.narrativeTables.count + plan.subIndicators.count
    }

    /// The Ente-years kept now, for the tests.
    var keptScopes: Set<CycleScope> { Set(entries.keys) }

    /// The plan of the Ente-year as the store has it now; nil when the Ente-year is not there. `marker`: the
    /// Ente-year's marker when the caller has just read it (`Store.changeMarkers`), else it is read here.
    func plan(_ scope: CycleScope, store: Store, marker known: ChangeMarker? = nil) async throws -> CyclePlan? {
        let marker: ChangeMarker
        if let known { marker = known } else { marker = try await store.changeMarker(of: scope) }
        clock += 1
        if let entry = entries[scope], entry.marker == marker {
            entries[scope]?.used = clock
            return entry.plan
        }
        // One read per Ente-year at a time: the others wait for it and then find the plan it read.
        while readingNow[scope] != nil {
            await withCheckedContinuation { readingNow[scope, default: []].append($0) }
        }
        if let entry = entries[scope], entry.marker == marker {
            entries[scope]?.used = clock
            return entry.plan
        }
        readingNow[scope] = []
        defer { for waiter in readingNow.removeValue(forKey: scope) ?? [] { waiter.resume() } }
        await startWork()
        defer { endWork() }
        storeReads += 1
        guard let plan = try await store.loadPlan(scope) else {
            entries[scope] = nil
            return nil
        }
        entries[scope] = Entry(marker: marker, plan: plan, weight: Self.weight(of: plan), used: clock)
        while entries.count > 1, entries.count > capacity || entries.values.reduce(0, { $0 + $1.weight }) > weightLimit,
              let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            entries[oldest] = nil
        }
        return plan
    }

    /// The scores of `plan` (the one `plan(_:store:marker:)` returned under `marker`) in `period`: computed
    /// once per period and change of the data, outside the actor, so that a long scoring does not hold up
    /// other Ente-years.
    nonisolated func scores(of plan: CyclePlan, scope: CycleScope, marker: ChangeMarker, period: String?) async -> PlanScores {
        if let known = await cachedScores(scope, marker: marker, period: period) { return known }
        await startWork()
        if let known = await cachedScores(scope, marker: marker, period: period) {
            await endWork()
            return known
        }
        let scores = PlanScorer.score(plan, period: period)
        await keep(scores, scope: scope, marker: marker, period: period)
        await endWork()
        return scores
    }

    /// The findings of the checks on `plan` (the one `plan(_:store:marker:)` returned under `marker`), for the
    /// whole year: computed once per change of the data, like the scores, outside the actor.
    nonisolated func findings(of plan: CyclePlan, scope: CycleScope, marker: ChangeMarker) async -> [Finding] {
        if let known = await cachedFindings(scope, marker: marker) { return known }
        await startWork()
        if let known = await cachedFindings(scope, marker: marker) {
            await endWork()
            return known
        }
        let findings = CheckCatalogue.findings(in: plan, period: nil)
        await keep(findings, scope: scope, marker: marker)
        await endWork()
        return findings
    }

    private func cachedFindings(_ scope: CycleScope, marker: ChangeMarker) -> [Finding]? {
        guard let entry = entries[scope], entry.marker == marker else { return nil }
        return entry.findings
    }

    private func keep(_ findings: [Finding], scope: CycleScope, marker: ChangeMarker) {
        guard let entry = entries[scope], entry.marker == marker else { return }
        entries[scope]?.findings = findings
    }

    private func cachedScores(_ scope: CycleScope, marker: ChangeMarker, period: String?) -> PlanScores? {
        guard let entry = entries[scope], entry.marker == marker else { return nil }
        return entry.scores[period]
    }

    private func keep(_ scores: PlanScores, scope: CycleScope, marker: ChangeMarker, period: String?) {
        // Only beside the plan they were computed from: a plan read again meanwhile has other data.
        guard let entry = entries[scope], entry.marker == marker else { return }
        if entry.scores[period] == nil, entry.scores.count >= Self.periodsPerPlan { entries[scope]?.scores = [:] }
        entries[scope]?.scores[period] = scores
    }
}
