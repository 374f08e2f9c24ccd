import Foundation
import Testing
import TraguardoCore
@testable import TraguardoWeb

/// The home's card «Obiettivi per semaforo» in Italian: one is singular, zero and more are plural.
@Suite("Home: schede in italiano")
struct HomeCardWordingTests {
    @Test(arguments: [
        (1, 1, 1, "1 verde · 1 giallo · 1 rosso"),
        (2, 3, 0, "2 verdi · 3 gialli · 0 rossi"),
        (0, 1, 12, "0 verdi · 1 giallo · 12 rossi"),
    ])
    func lightCountsAgreeWithTheirNumber(_ green: Int, _ yellow: Int, _ red: Int, _ expected: String) {
        #expect(HomeDashboard.lightCounts(green: green, yellow: yellow, red: red) == expected)
    }

    /// Lucca 2018 scored: the card says each count with the word its number needs.
    @Test func theDashboardOfLucca2018UsesTheWords() throws {
        let plan = try Examples.plan("lucca-2018")
        let scores = PlanScorer.score(plan)
        let dashboard = HomeDashboard.make(plan: plan, scores: scores, role: .controller, facts: .init(units: []))
        let card = try #require(dashboard.cards.first { $0.title == "Obiettivi per semaforo" })
        let lights = plan.objectives.map { scores.objectives[$0.id]?.score.trafficLight }
        let yellow = lights.filter { $0 == .yellow }.count
        #expect(card.value.contains(yellow == 1 ? "1 giallo" : "\(yellow) gialli"), "\(card.value)")
        #expect(!card.value.contains(/(^|\s)1 (verdi|gialli|rossi)/), "\(card.value)")
    }

    /// «Periodi e scadenze» names the calendar's deadline beside the period's end, once the controller sets it.
    @Test func thePeriodsCardNamesTheDeadline() throws {
        var plan = try Examples.plan("lucca-2018")
        let index = try #require(plan.periods.indices.last)
        let before = HomeDashboard.make(plan: plan, scores: PlanScorer.score(plan), role: .controller, facts: .init(units: []))
        #expect(before.deadlines.last?.due == nil)
        plan.periods[index].deadline = CivilDate(year: 2019, month: 1, day: 31)
        let dashboard = HomeDashboard.make(plan: plan, scores: PlanScorer.score(plan), role: .controller, facts: .init(units: []))
        #expect(dashboard.deadlines.last?.due == "31/01/2019")
        let html = try PageChecks.render(HomePage.make(cycles: [], role: .controller, dashboard: dashboard)).html
        #expect(html.contains("fino al 31/12/2018, valori entro il 31/01/2019"), "\(html.prefix(2000))")
    }
}
