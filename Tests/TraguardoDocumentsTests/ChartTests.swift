import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments

/// The charts as an independent XML parser reads them: well-formed, named for a screen reader, one bar per voce,
/// every value written in Italian beside its bar, nothing fetched from outside, the same bytes every time.
@Suite("Grafici SVG")
struct ChartTests {
    static func scored(_ folder: String) throws -> (CyclePlan, PlanScores) {
        let plan = try Examples.plan(folder)
        return (plan, PlanScorer.score(plan))
    }

    /// What every chart must be, whatever it draws.
    static func checkAccessible(_ figure: DocumentFigure, _ svg: SVGReader.Parsed) {
        #expect(svg.root == "{http://www.w3.org/2000/svg}svg")
        #expect(svg.attributes["role"] == (svg.links.isEmpty ? "img" : "group"), "con link è un gruppo, senza un'immagine")
        #expect(svg.attributes["font-family"] == "sans-serif")
        #expect(svg.attributes["viewBox"]?.hasPrefix("0 0 ") == true)
        #expect(svg.title == figure.caption)
        #expect(svg.description.count > 40, "la descrizione dice che cosa mostra il grafico")
        #expect(svg.labelledByExists == [true, true], "aria-labelledby nomina il titolo e la descrizione")
        #expect(svg.external.isEmpty, "\(svg.external)")
    }

    @Test func achievementByObjectiveHasOneBarPerObjectiveWithTheEnginesValue() throws {
        let (plan, scores) = try Self.scored("lucca-2013")
        let figure = try #require(AchievementChart.byObjective(plan: plan, scores: scores))
        let svg = try SVGReader.parse(svg: figure.svg)
        Self.checkAccessible(figure, svg)
        let objectives = plan.objectives.filter { $0.kind == .individual }
        #expect(objectives.count == 13)
        #expect(svg.rects("barra").count == objectives.count)
        #expect(figure.data.rows.count == objectives.count)
        let values = svg.texts("valore")
        for objective in objectives {
            let score = try #require(scores.objectives[objective.id]).score
            let light = try #require(score.trafficLight, "\(objective.code) ha un semaforo")
            let word = try #require(TrafficLightStyle.label(light))
            // The engine's shown value, with % and the light in words: never the colour alone.
            #expect(values.contains("\(score.shown)% (\(word))"), "\(objective.code): \(score.shown)")
            let bar = try #require(svg.rects("barra").first { $0.title.hasPrefix("\(objective.code) – ") })
            #expect(bar.title.hasSuffix("\(score.shown)% (\(word))"))
            // 400 units for 100%: the bar's length is the value drawn.
            #expect(abs(bar.width - NSDecimalNumber(decimal: min(score.shownValue ?? 0, 100) * 4).doubleValue) <= 0.05)
        }
        // SG-4 is 68,49 (seed 001, riga 2891) under a yellow light in the 2013 methodology: written, not only coloured.
        let sg4 = try #require(scores.objective(code: "SG-4")).score
        #expect(values.contains("\(sg4.shown)% (giallo)"))
    }

    @Test func achievementByAreaOfLucca2018() throws {
        let (plan, scores) = try Self.scored("lucca-2018")
        let figure = try #require(AchievementChart.byArea(plan: plan, scores: scores))
        let svg = try SVGReader.parse(svg: figure.svg)
        Self.checkAccessible(figure, svg)
        let roots = plan.nodes.filter { $0.parentID == nil && scores.nodes[$0.id] != nil }
        #expect(!roots.isEmpty)
        #expect(svg.rects("barra").count == roots.count)
        for node in roots {
            let shown = try #require(scores.nodes[node.id]).score.shown
            let row = try #require(figure.data.rows.first { $0[0].text.hasPrefix("\(node.code) – ") })
            #expect(row[1].text == (scores.nodes[node.id]!.score.isNotComputable ? shown : shown + "%"))
        }
    }

    @Test func labelsAreEscapedAndNotComputableHasNoBar() throws {
        let figure = AchievementChart.figure(caption: "Prova <a> & \"b\"", bars: [
            .init(label: "Uffici <Lucca> & Viareggio «sud»", value: nil, shown: "N.C."),
            .init(label: "Oltre il 100%", value: 120, shown: "120", trafficLight: .green),
        ])
        let svg = try SVGReader.parse(svg: figure.svg)
        #expect(svg.title == "Prova <a> & \"b\"")
        #expect(svg.texts("etichetta").contains("Uffici <Lucca> & Viareggio «sud»"))
        #expect(svg.texts("valore") == ["N.C.", "120% (verde)"])
        #expect(svg.rects("barra").map(\.width) == [0, 400], "N.C. senza barra; oltre il 100% fermo al 100%")
    }

    @Test func theSameDataGiveTheSameBytes() throws {
        let (plan, scores) = try Self.scored("lucca-2013")
        let first = try #require(AchievementChart.byArea(plan: plan, scores: scores))
        let again = try #require(AchievementChart.byArea(plan: plan, scores: PlanScorer.score(plan)))
        #expect(first == again)
        let budgetPlan = try Examples.plan("lucca-2018")
        #expect(BudgetChart.byNode(.oneri, plan: budgetPlan) == BudgetChart.byNode(.oneri, plan: budgetPlan))
    }

    /// Lucca 2018: seven strategic objectives with budget aggiornato and consuntivo; the pairs add up to the totals
    /// of attesi.yaml (1.492.000,00 and 1.321.248,86 of oneri; 1.300.300,00 and 1.059.163,28 of proventi).
    @Test(arguments: [ResourceKind.oneri, .proventi])
    func budgetAgainstActualOfLucca2018(_ kind: ResourceKind) throws {
        let plan = try Examples.plan("lucca-2018")
        let figure = try #require(BudgetChart.byNode(kind, plan: plan))
        let svg = try SVGReader.parse(svg: figure.svg)
        Self.checkAccessible(figure, svg)
        // Seven strategic objectives, less those with a zero budget and a zero consuntivo (not drawn, but counted).
        let zero = plan.nodes.filter { node in
            BudgetTotals.resources(kind, .aggiornato, of: node.code, in: plan) == 0
                && BudgetTotals.resources(kind, .consuntivo, of: node.code, in: plan) == 0
                && plan.resources.contains { $0.nodeID == node.id && $0.kind == kind && $0.phase == .consuntivo }
        }.count
        #expect(figure.data.rows.count == 7 - zero)
        #expect(zero == 0 || svg.description.contains("importi nulli"))
        #expect(svg.rects("barra").count == 2 * figure.data.rows.count, "due barre per obiettivo strategico")
        #expect(svg.rects("legenda").count == 2)
        let expected = try ExpectedFigure.read("lucca-2018")
        func total(_ phase: String) throws -> Decimal {
            let figure = try #require(expected.first { $0.elemento == "risorse" && $0.codice == "totale-\(kind.rawValue)-\(phase)" })
            return try #require(ItalianNumber.parse(figure.atteso))
        }
        let planned = try figure.data.rows.map { try #require(ItalianNumber.parse($0[1].text)) }.reduce(0, +)
        let actual = try figure.data.rows.map { try #require(ItalianNumber.parse($0[2].text)) }.reduce(0, +)
        #expect(planned == (try total("aggiornato")))
        #expect(actual == (try total("consuntivo")))
        // Each amount is written beside its bar in Italian euro format.
        for row in figure.data.rows {
            #expect(svg.texts("valore").contains("B \(row[1].text)"))
            #expect(svg.texts("valore").contains("C \(row[2].text)"))
        }
    }

    @Test func noBudgetChartWithoutAConsuntivo() throws {
        let plan = try Examples.plan("lucca-2013")
        #expect(plan.resources.allSatisfy { $0.phase != .consuntivo } == (BudgetChart.byNode(.oneri, plan: plan) == nil))
    }

    /// The Ente's score over the three Lucca years the examples carry, each point with the engine's value.
    @Test func trendOfTheEntesScoreOverTheExamples() throws {
        let years = try ["lucca-2013", "lucca-2017", "lucca-2018"].map { folder -> (plan: CyclePlan, scores: PlanScores) in
            let plan = try Examples.plan(folder)
            return (plan, PlanScorer.score(plan))
        }
        let computable = years.filter { $0.scores.entity.score.shownValue != nil }
        let figure = try #require(TrendChart.enteScore(years))
        let svg = try SVGReader.parse(svg: figure.svg)
        Self.checkAccessible(figure, svg)
        #expect(svg.circles == computable.count)
        #expect(svg.texts("anno") == computable.map { String($0.plan.cycle.year) })
        #expect(svg.texts("valore") == computable.map { $0.scores.entity.score.shown + "%" })
    }

    /// A series given as plain values (the web application's use): Italian decimals, years in order.
    @Test func trendFromPlainValues() throws {
        let (plan, scores) = try Self.scored("lucca-2013")
        let total = try #require(scores.procedureTotal).score
        let points = [TrendChart.Point(year: plan.cycle.year, value: try #require(total.shownValue)),
                      TrendChart.Point(year: plan.cycle.year - 1, value: Decimal(string: "96")!)]
        let figure = TrendChart.figure(caption: "Procedimenti", series: "Risultato finale", points: points)
        let svg = try SVGReader.parse(svg: figure.svg)
        #expect(svg.texts("anno") == ["2012", "2013"])
        #expect(svg.texts("valore") == ["96%", "97,51%"])
        #expect(figure.data.rows.map { $0[1].text } == ["96%", "97,51%"])
    }
}
