import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The period the cruscotto opens on without `?periodo=`: the one the home's card shows (`resultsPeriod`), and
/// the links that let the user choose another.
@Suite("Cruscotto: periodo mostrato")
struct CruscottoPeriodTests {
    /// Lucca 2018 with a first quarter open before its year end (made «da aprire»), half of the year's values
    /// also entered for T1, so that T1's result differs from the year end's.
    static let openFirstQuarter: @Sendable (Store) async throws -> Void = { store in
        var plan = try #require(try await store.loadPlan(ServerFixture.lucca2018))
        let year = try #require(plan.periods.first { $0.code == "ANNO" })
        var first = MonitoringPeriod.standard(.quarters, entityCode: "lucca", year: 2018)[0]
        first.status = .open
        plan.periods = plan.periods.map { var p = $0; p.sequence += 1; p.status = .toOpen; return p } + [first]
        plan.measurements += plan.measurements.enumerated().compactMap { index, m in
            guard m.periodID == year.id, index.isMultiple(of: 2) else { return nil }
            var copy = m
            copy.id = m.id + "-T1"
            copy.periodID = first.id
            return copy
        }
        try await store.savePlan(plan, actor: "test")
    }

    static let cruscotto = "/enti/lucca/2018/cruscotto"

    /// The Ente's result as the cruscotto prints it (its first «punteggio» box).
    static func entityResult(_ html: String) -> String? {
        html.firstRange(of: #"<p class="punteggio">"#).map { range in
            String(html[range.upperBound...].prefix { $0 != "<" })
        }
    }

    /// With T1 open the cruscotto opened at the year end; now it opens on T1, as the home's card, and the year
    /// end is one link away.
    @Test func anOpenQuarterIsWhereTheCruscottoOpens() async throws {
        try await ServerFixture.withSignedIn("lettore", prepare: Self.openFirstQuarter) { reader, server in
            let plan = try #require(try await server.store.loadPlan(ServerFixture.lucca2018))
            let inQuarter = PlanScorer.score(plan, period: "T1").entity.score.shown
            let atYearEnd = PlanScorer.score(plan, period: "ANNO").entity.score.shown
            try #require(inQuarter != atYearEnd, "T1 e ANNO con lo stesso risultato: il test non distinguerebbe")

            let page = try await reader.get(Self.cruscotto)
            #expect(page.status == .ok)
            #expect(page.body.contains("periodo: Primo trimestre (T1)"), "\(page.body.prefix(3000))")
            #expect(Self.entityResult(page.body) == inQuarter)
            #expect(page.body.contains(#"<a href="/enti/lucca/2018/cruscotto?periodo=T1" aria-current="page">"#))
            #expect(page.body.contains(#"<a href="/enti/lucca/2018/cruscotto?periodo=ANNO">"#))

            // The user still chooses the year end.
            let yearEnd = try await reader.get(Self.cruscotto + "?periodo=ANNO")
            #expect(yearEnd.status == .ok)
            let yearEndName = try #require(plan.period(code: "ANNO")?.name)
            #expect(yearEnd.body.contains("periodo: \(yearEndName) (ANNO)"))
            #expect(Self.entityResult(yearEnd.body) == atYearEnd)
            #expect(yearEnd.body.contains(#"<a href="/enti/lucca/2018/cruscotto?periodo=ANNO" aria-current="page">"#))
        }
    }

    /// A year whose periods are all closed still opens at its year end.
    @Test func aClosedYearOpensAtTheYearEnd() async throws {
        let closeAll: @Sendable (Store) async throws -> Void = { store in
            var plan = try #require(try await store.loadPlan(ServerFixture.lucca2018))
            plan.periods = plan.periods.map { var p = $0; p.status = .closed; return p }
            try await store.savePlan(plan, actor: "test")
        }
        try await ServerFixture.withSignedIn("lettore", prepare: closeAll) { reader, server in
            let plan = try #require(try await server.store.loadPlan(ServerFixture.lucca2018))
            try #require(!plan.periods.isEmpty && plan.periods.allSatisfy { $0.status == .closed })
            #expect(plan.periods.resultsPeriod?.code == "ANNO")
            let page = try await reader.get(Self.cruscotto)
            #expect(page.body.contains("periodo: \(try #require(plan.period(code: "ANNO")?.name)) (ANNO)"))
            #expect(Self.entityResult(page.body) == PlanScorer.score(plan, period: "ANNO").entity.score.shown)
        }
    }
}
