import Foundation
import Testing
import TraguardoCore
import TraguardoStore
@testable import TraguardoServer

/// The server's plan cache is bounded by the records its plans hold, not only by their number: the national
/// dataset's 1.000-indicator plans took a server past 150 MB with eight of them kept.
@Suite("Cache dei piani: limite di peso")
struct PlanCacheWeightTests {
    @Test func theLeastRecentlyUsedPlanGoesWhenTheWeightIsOverTheLimit() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let plan2013 = try #require(try await store.loadPlan(ServerFixture.lucca2013))
            let plan2018 = try #require(try await store.loadPlan(ServerFixture.lucca2018))
            let weight2013 = PlanCache.weight(of: plan2013)
            let weight2018 = PlanCache.weight(of: plan2018)
            #expect(weight2013 > plan2013.items.count + plan2013.measurements.count)

            // Room for both: both kept.
            let roomy = PlanCache(capacity: 8, weightLimit: weight2013 + weight2018)
            _ = try await roomy.plan(ServerFixture.lucca2013, store: store)
            _ = try await roomy.plan(ServerFixture.lucca2018, store: store)
            #expect(await roomy.keptScopes == [ServerFixture.lucca2013, ServerFixture.lucca2018])

            // One record less: the plan read first goes, the one just read stays.
            let tight = PlanCache(capacity: 8, weightLimit: weight2013 + weight2018 - 1)
            _ = try await tight.plan(ServerFixture.lucca2013, store: store)
            _ = try await tight.plan(ServerFixture.lucca2018, store: store)
            #expect(await tight.keptScopes == [ServerFixture.lucca2018])
            // Reading 2013 again brings it back and drops 2018, and the plan is the store's.
            let again = try await tight.plan(ServerFixture.lucca2013, store: store)
            #expect(again?.items.count == plan2013.items.count)
            #expect(await tight.keptScopes == [ServerFixture.lucca2013])

            // A plan heavier than the whole limit is still kept while it is the one in use.
            let tiny = PlanCache(capacity: 8, weightLimit: 1)
            _ = try await tiny.plan(ServerFixture.lucca2018, store: store)
            #expect(await tiny.keptScopes == [ServerFixture.lucca2018])
        }
    }
}
