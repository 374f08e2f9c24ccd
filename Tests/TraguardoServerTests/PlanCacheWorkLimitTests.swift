import Foundation
import Testing
import TraguardoCore
import TraguardoStore
@testable import TraguardoServer

/// The server's plan cache reads and scores at most `workAtOnce` plans at the same time, and reads an Ente-year
/// once however many requests ask for it at once: with 16 users on 16 different Ente-years of the national dataset
/// (1.000 indicators each) every plan was read and scored at once, and one request in four timed out.
@Suite("Cache dei piani: letture e calcoli contemporanei limitati")
struct PlanCacheWorkLimitTests {
    @Test func manyRequestsForOneEnteYearReadItOnce() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let cache = PlanCache(capacity: 8, weightLimit: 1_000_000, workAtOnce: 2)
            let counts = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<8 { group.addTask { try await cache.plan(ServerFixture.lucca2018, store: store)?.items.count } }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            let expected = try #require(try await store.loadPlan(ServerFixture.lucca2018)).items.count
            #expect(counts == Array(repeating: expected, count: 8))
            #expect(await cache.storeReads == 1)
        }
    }

    @Test func atMostTheLimitIsReadOrScoredAtOnce() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            for limit in [1, 2] {
                // Room for one plan only: every request for another Ente-year reads from the store again.
                let cache = PlanCache(capacity: 1, weightLimit: 1, workAtOnce: limit)
                let scopes = (0..<12).map { $0 % 2 == 0 ? ServerFixture.lucca2013 : ServerFixture.lucca2018 }
                let totals = try await withThrowingTaskGroup(of: (CycleScope, Int).self) { group in
                    for scope in scopes {
                        group.addTask {
                            let plan = try #require(try await cache.plan(scope, store: store))
                            let marker = try await store.changeMarker(of: scope)
                            let scores = await cache.scores(of: plan, scope: scope, marker: marker, period: nil)
                            return (scope, scores.indicators.count)
                        }
                    }
                    return try await group.reduce(into: [(CycleScope, Int)]()) { $0.append($1) }
                }
                #expect(totals.count == scopes.count)
                for (scope, count) in totals {
                    let plan = try #require(try await store.loadPlan(scope))
                    #expect(count == PlanScorer.score(plan, period: nil).indicators.count)
                }
                #expect((1...limit).contains(await cache.mostAtOnce), "limite \(limit)")
                #expect(await cache.storeReads >= 2)
            }
        }
    }
}
