import Foundation
import Testing
import TraguardoCore
import TraguardoWeb

@Suite("Cruscotto")
struct CruscottoPageTests {
    static func scope(_ plan: CyclePlan) -> WebScope {
        WebScope(entityCode: plan.entity.code, entityName: plan.entity.shortName ?? plan.entity.name, year: plan.cycle.year,
                 openPeriodCode: plan.periods.first?.code)
    }

    static func page(_ plan: CyclePlan, history: [(year: Int, score: Decimal)] = []) -> (CruscottoPage, PlanScores) {
        let scores = PlanScorer.score(plan)
        let period = scores.periodCode
        let missing = period.map { MissingMeasurement.list(in: plan, period: $0) } ?? []
        return (CruscottoPage.make(plan: plan, scores: scores, period: period, missing: missing, history: history), scores)
    }

    @Test func lucca2013ShowsTheEngineScoresOfEnteAreasObjectivesAndLowestItem() throws {
        let plan = try Examples.plan("lucca-2013")
        let (page, scores) = Self.page(plan)
        let (_, parsed) = try PageChecks.render(page, chrome: PageChecks.chrome(current: .cruscotto, scope: Self.scope(plan)))

        // The Ente's result, as the engine shows it.
        #expect(parsed.text.contains("Risultato dell'Ente \(scores.entity.score.shown)"))
        // Every area row: code, title, the engine's shown value (and its traffic light in words).
        // The first table after the charts' data: the areas and their objectives.
        let areas = try #require(parsed.tables.first { $0.first?.first == "Codice" })
        for area in plan.nodes where area.parentID == nil {
            let score = try #require(scores.nodes[area.id]).score
            let row = try #require(areas.first { $0.first == area.code }, "manca l'area \(area.code)")
            #expect(row[2].hasPrefix(score.shown), "area \(area.code): \(row[2]) invece di \(score.shown)")
        }
        // SG-4 among the objectives, with its shown value and punteggio.
        let sg4 = try #require(scores.objective(code: "SG-4")).score
        let objectives = try #require(parsed.tables.first { $0.first?.contains("Punteggio") == true })
        let row = try #require(objectives.first { $0.first == "SG-4" })
        #expect(row[3].hasPrefix(sg4.shown))
        #expect(row[4] == sg4.points.map { ItalianFormatting.number($0) })

        // The item with the lowest computable result is listed first, with the engine's value.
        let paths = plan.itemPaths()
        let lowest = try #require(plan.items.compactMap { item in scores.items[item.id].flatMap { s in s.score.value.map { (item, s, $0) } } }
            .min { ($0.2, paths[$0.0.id]!) < ($1.2, paths[$1.0.id]!) })
        let lowestTable = try #require(parsed.tables.first { $0.first?.first == "Item" && $0.first?.contains("Risultato") == true })
        #expect(lowestTable[1][0] == paths[lowest.0.id])
        #expect(lowestTable[1][2].hasPrefix(lowest.1.score.shown))
        #expect(lowestTable.count == min(CruscottoPage.lowestItemCount, scores.items.values.filter { $0.score.value != nil }.count) + 1)

        // The chart by area: one bar per area with the engine's shown value, in the figure's data table too.
        let byArea = try #require(page.figures.first { $0.caption.hasPrefix("Grado di raggiungimento per") })
        let roots = plan.nodes.filter { $0.parentID == nil }
        #expect(byArea.rows.count == roots.count)
        for area in roots {
            let shown = try #require(scores.nodes[area.id]).score.shown
            let row = try #require(byArea.rows.first { $0[0].text.hasPrefix("\(area.code) – ") })
            #expect(row[1].text == (shown == "N.C." ? shown : shown + "%"))
        }
        // Budget against consuntivo: lucca-2013 has oneri aggiornato and consuntivo on its strategic objectives;
        // each row's consuntivo is the rebuilt total of that node, and they are not all zero.
        let budget = try #require(page.figures.first { $0.header.contains("Consuntivo") })
        #expect(!budget.rows.isEmpty)
        var nonZero = 0
        for row in budget.rows {
            let code = try #require(row[0].text.components(separatedBy: " – ").first)
            let actual = try #require(BudgetTotals.resources(.oneri, .consuntivo, of: code, in: plan))
            #expect(row[2].text == ItalianFormatting.euro(actual), "\(code)")
            if actual != 0 { nonZero += 1 }
        }
        #expect(nonZero > 0)
        #expect(page.figures.allSatisfy { $0.svg.hasPrefix("<svg") && !$0.svg.contains("http://www.w3.org/1999/xlink") })
    }

    @Test func missingMeasurementsAreListedUnderTheirOffice() throws {
        var plan = try Examples.plan("lucca-2013")
        let offices = plan.responsibleUnits()
        let removed = try #require(plan.measurements.first { offices[$0.itemID] != nil })
        plan.measurements.removeAll { $0.itemID == removed.itemID }
        let (page, _) = Self.page(plan)
        let (_, parsed) = try PageChecks.render(page)
        let office = try #require(plan.units.first { $0.id == offices[removed.itemID] })
        let path = try #require(plan.itemPaths()[removed.itemID])
        #expect(page.missingCount == 1)
        let table = try #require(parsed.tables.last)
        #expect(table.contains { $0.first == path }, "l'item \(path) non è tra i mancanti")
        #expect(parsed.text.contains("\(office.name): 1 da inserire"))
    }

    @Test func trendOverTheYearsComesFromEachYearsScore() throws {
        let years = try ["lucca-2017", "lucca-2018"].map { try Examples.plan($0) }
        let history = years.map { (year: $0.cycle.year, score: PlanScorer.score($0).entity.score.value ?? 0) }
        let (page, _) = Self.page(years[1], history: history)
        let trend = try #require(page.figures.first { $0.caption.hasPrefix("Andamento") })
        #expect(trend.rows.map { $0[0].text } == ["2017", "2018"])
        for (row, point) in zip(trend.rows, history) {
            #expect(row[1].text == ItalianFormatting.score(point.score, digits: 2) + "%")
        }
        // One year alone is no trend.
        #expect(!Self.page(years[1], history: Array(history.prefix(1))).0.figures.contains { $0.caption.hasPrefix("Andamento") })
        try PageChecks.render(page)
    }

    @Test func aTitleWithMarkupComesOutEscaped() throws {
        var plan = try Examples.plan("lucca-2013")
        let index = try #require(plan.nodes.firstIndex { $0.parentID == nil })
        plan.nodes[index].title = "<script>alert('x')</script> & co."
        let (page, _) = Self.page(plan)
        let (html, parsed) = try PageChecks.render(page)
        #expect(parsed.scripts == 0)
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co."))
        #expect(parsed.text.contains("<script>alert('x')</script> & co."))
    }

    @Test func theNavigationIsTheRolesOwn() throws {
        let plan = try Examples.plan("lucca-2013")
        let (page, _) = Self.page(plan)
        for role in UserRole.allCases {
            let (_, parsed) = try PageChecks.render(page, chrome: PageChecks.chrome(role: role, current: .cruscotto, scope: Self.scope(plan)))
            #expect(parsed.navLinks == role.sections.map(\.label), "\(role)")
        }
        #expect(!UserRole.reader.may(see: .rilevazione))
        #expect(!UserRole.officeHead.may(see: .amministrazione))
        #expect(UserRole.evaluator.may(see: .registro))
    }
}
