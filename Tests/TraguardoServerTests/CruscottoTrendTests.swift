import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The cruscotto's trend: the Ente's result in every year of the store, each computed by the engine from
/// that year's stored plan, and computed again when that year's data change.
@Suite("Cruscotto: andamento negli anni")
struct CruscottoTrendTests {
    static func entityScore(_ store: Store, _ scope: CycleScope) async throws -> String {
        let plan = try #require(try await store.loadPlan(scope))
        return PlanScorer.score(plan).entity.score.shown
    }

    @Test func theTrendShowsEveryYearAndFollowsAChangeOfAnotherYear() async throws {
        try await ServerFixture.withSignedIn("lettore") { reader, server in
            let before2013 = try await Self.entityScore(server.store, ServerFixture.lucca2013)
            let page = try await reader.get("/enti/lucca/2018/cruscotto")
            #expect(page.body.contains("Andamento del risultato dell&#39;Ente, 2013–2018")
                || page.body.contains("Andamento del risultato dell'Ente, 2013–2018"), "il grafico dell'andamento")
            let trend = /dal 2013 al 2018, scala da [0-9,]+% a [0-9,]+%, anni alla loro distanza: 2013 ([0-9,]+)%/
            #expect(page.body.firstMatch(of: trend).map { String($0.1) } == before2013, "il risultato 2013 nel grafico")

            // A measurement of 2013 changes: the 2018 cruscotto shows the new 2013 result.
            let plan = try #require(try await server.store.loadPlan(ServerFixture.lucca2013))
            let scoresBefore = PlanScorer.score(plan)
            let changed = plan.measurements.filter { $0.value != nil }.map { m -> TraguardoCore.Measurement in
                var zero = m
                zero.value = 0
                return zero
            }
            _ = try await server.store.recordMeasurements(actor: "test") { batches in
                try await batches.write(changed, in: ServerFixture.lucca2013)
            }
            let after2013 = try await Self.entityScore(server.store, ServerFixture.lucca2013)
            try #require(after2013 != scoresBefore.entity.score.shown, "la prova deve cambiare il risultato 2013")
            let again = try await reader.get("/enti/lucca/2018/cruscotto")
            #expect(again.body.firstMatch(of: trend).map { String($0.1) } == after2013, "il nuovo risultato 2013 nel grafico")
        }
    }
}
