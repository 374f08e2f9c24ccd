import Foundation
import Testing
import TraguardoCore
import TraguardoTestSupport
import TraguardoWeb

/// The cruscotto flags «a rischio» the items the interim report flags: the same `YearEndForecast`.
@Suite("Cruscotto: item a rischio")
struct CruscottoRiskTests {
    @Test func anItemWhoseForecastMissesTheTargetIsFlagged() throws {
        var plan = SamplePlan.make()
        let inLine = CruscottoPage.make(plan: plan, scores: PlanScorer.score(plan, period: "ANNO"), period: "ANNO", missing: [], history: [])
        #expect(!inLine.hasAtRisk)
        // 7 days against a target of at most 5: a level, its forecast is the last value, 7 > 5.
        plan.measurements[0].value = 7
        plan.measurements[0].text = nil
        let page = CruscottoPage.make(plan: plan, scores: PlanScorer.score(plan, period: "ANNO"), period: "ANNO", missing: [], history: [])
        let row = try #require(page.atRisk.first)
        #expect(page.atRisk.count == 1)
        #expect(row.forecast == "7")
        #expect(row.target == "≤ 5")
        #expect(row.method == YearEndForecast.Method.lastValue.rawValue)
        #expect(YearEndForecast.compute(plan, period: "ANNO").atRiskIndicators == ["G1/I1"])
        let (html, _) = try PageChecks.render(page, chrome: PageChecks.chrome(current: .cruscotto, scope: CruscottoPageTests.scope(plan)))
        #expect(html.contains("Item a rischio"))
        #expect(html.contains("a rischio"))
    }
}
