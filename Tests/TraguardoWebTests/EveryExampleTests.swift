import Foundation
import Testing
import TraguardoCore
import TraguardoExchange
import TraguardoWeb

/// Every page of every Ente-year of every example dataset renders as well-formed, labelled, escaped XHTML
/// (the checks of `PageChecks`), whatever the shape of its plan: Lucca's four levels, the merged Toscana
/// Nord-Ovest, plans with and without budget, periods, objectives.
@Suite("Tutte le pagine di tutti gli esempi")
struct EveryExampleTests {
    @Test(arguments: ["lucca-2013", "lucca-2017", "lucca-2018", "toscana-nord-ovest-2022"])
    func everyPageOfTheExample(_ folder: String) throws {
        let plans = try PlanFileReader.read(paths: [Examples.root.appendingPathComponent(folder).path])
        #expect(!plans.isEmpty)
        for plan in plans {
            let scores = PlanScorer.score(plan)
            let period = scores.periodCode
            let scope = WebScope(entityCode: plan.entity.code, entityName: plan.entity.shortName ?? plan.entity.name,
                                 year: plan.cycle.year, openPeriodCode: period)
            let chrome = PageChecks.chrome(scope: scope)
            let missing = period.map { MissingMeasurement.list(in: plan, period: $0) } ?? []
            try PageChecks.render(CruscottoPage.make(plan: plan, scores: scores, period: period, missing: missing, history: []), chrome: chrome)
            let (_, tree) = try PageChecks.render(AlberoPage.make(plan: plan, scores: scores), chrome: chrome)
            #expect(plan.nodes.allSatisfy { tree.text.contains($0.code) })
            for code in (plan.nodes.map(\.code) + plan.objectives.map(\.code)).prefix(5) {
                let page = try #require(NodePage.make(plan: plan, scores: scores, path: code), "\(plan.entity.code) \(code)")
                try PageChecks.render(page, chrome: chrome)
            }
            if let period {
                try PageChecks.render(RilevazioneElencoPage.make(plan: plan, period: period), chrome: chrome)
                for office in Set(plan.responsibleUnits().values).sorted().prefix(3) {
                    try PageChecks.render(RilevazionePage.make(plan: plan, scores: scores, period: period, office: office), chrome: chrome)
                }
            }
            let values = Dictionary(scores.all.map { ($0.subject.id, $0.score.value) }, uniquingKeysWith: { a, _ in a })
            let findings = CheckCatalogue.run(CheckContext(plan: plan, computedScore: { values[$0] ?? nil }))
            try PageChecks.render(VerifichePage.make(plan: plan, findings: findings, acknowledgements: [], canAcknowledge: true), chrome: chrome)
            try PageChecks.render(DocumentiPage.make(plan: plan), chrome: chrome)
            try PageChecks.render(AdminUnitsPage.make(plan: plan, role: .administrator, scope: scope), chrome: chrome)
            try PageChecks.render(AdminPeriodsPage.make(plan: plan, role: .administrator, scope: scope), chrome: chrome)
        }
    }
}
