import Foundation
import Testing
import TraguardoCore
import TraguardoWeb

@Suite("Albero e pagina del nodo")
struct AlberoAndNodePageTests {
    @Test func theTreeHasEveryNodeWithItsScore() throws {
        let plan = try Examples.plan("lucca-2013")
        let scores = PlanScorer.score(plan)
        let page = AlberoPage.make(plan: plan, scores: scores)
        let (html, parsed) = try PageChecks.render(page, chrome: PageChecks.chrome(current: .albero))
        // One <details> per node with children, every node a link to its page.
        let withChildren = Set(plan.nodes.compactMap(\.parentID))
        #expect(html.components(separatedBy: "<details><summary>").count - 1 == withChildren.count)
        for node in plan.nodes {
            let href = WebRoutes.nodo(ente: "lucca", anno: 2013, percorso: node.code)
            #expect(html.contains("<a href=\"\(href)\">\(node.code)</a>"), "manca il nodo \(node.code)")
        }
        // A project's line: code, title, the engine's shown value.
        let project = try #require(plan.nodes.first { $0.code == "G10101" })
        let shown = try #require(scores.nodes[project.id]).score.shown
        #expect(parsed.text.contains("G10101 \(project.title.split(whereSeparator: \.isWhitespace).joined(separator: " ")) – \(shown)"))
    }

    @Test func aNodePageShowsTheExplanationOfTraguardoExplainAndEachItemsScore() throws {
        let plan = try Examples.plan("lucca-2013")
        let scores = PlanScorer.score(plan)
        let project = try #require(plan.nodes.first { $0.code == "G10101" })
        let page = try #require(NodePage.make(plan: plan, scores: scores, path: "G10101"))
        let (html, parsed) = try PageChecks.render(page)
        let element = try #require(scores.element(path: "G10101"))
        // The explanation is the core's tree, as `<details>`: the root open, each input with its value, the
        // formula in words and a link to the page that shows it; not the CLI's text in a `<pre>`.
        #expect(!html.contains("<pre"))
        #expect(html.contains("<details open=\"open\"><summary>"))
        #expect(page.explanation.shown == element.explanation.shown)
        #expect(page.explanation.words == element.explanation.formula.words)
        #expect(page.explanation.children.map(\.shown) == element.explanation.inputs.map(\.shown))
        #expect(!page.explanation.children.isEmpty && page.explanation.children.allSatisfy(\.hasHref))
        for input in page.explanation.children {
            #expect(html.contains("<a href=\"\(input.href)\">\(input.name)</a>"), "\(input.name)")
        }
        #expect(parsed.text.contains(element.explanation.formula.words.replacingOccurrences(of: "\n", with: " ")))
        #expect(parsed.text.contains("Risultato \(element.score.shown)"))

        // Every item of the project's indicators, with the engine's value for it.
        let indicators = plan.indicators.filter { $0.nodeID == project.id }
        let items = plan.items.filter { item in indicators.contains { $0.id == item.indicatorID } }
        #expect(!items.isEmpty)
        let paths = plan.itemPaths()
        let rows = parsed.tables.flatMap { $0 }
        for item in items {
            let shown = try #require(scores.items[item.id]).score.shown
            let row = try #require(rows.first { $0.first == paths[item.id] }, "manca l'item \(paths[item.id]!)")
            #expect(row[5].hasPrefix(shown), "item \(paths[item.id]!): \(row[5]) invece di \(shown)")
        }
    }

    @Test func anObjectivePageHasItsIndicatorsAndPunteggio() throws {
        let plan = try Examples.plan("lucca-2013")
        let scores = PlanScorer.score(plan)
        let page = try #require(NodePage.make(plan: plan, scores: scores, path: "SG-4"))
        let (_, parsed) = try PageChecks.render(page)
        let sg4 = try #require(scores.objective(code: "SG-4")).score
        #expect(page.score.shown == sg4.shown)
        #expect(parsed.text.contains("Punteggio: \(ItalianFormatting.number(try #require(sg4.points)))"))
        for code in ["a", "b", "c", "d"] {
            let shown = try #require(scores.indicator(code, of: "SG-4")).score.shown
            #expect(parsed.text.contains("Indicatore \(code) – "))
            #expect(page.indicators.first { $0.code == code }?.score.shown == shown)
        }
        #expect(NodePage.make(plan: plan, scores: scores, path: "NON-ESISTE") == nil)
    }

    @Test func lucca2018NodeBudgetIsRebuiltFromItsParts() throws {
        let plan = try Examples.plan("lucca-2018")
        let scores = PlanScorer.score(plan)
        let area = try #require(plan.nodes.first { $0.parentID == nil && plan.resources.contains { r in r.kind == .oneri }
            && BudgetTotals.resources(.oneri, .consuntivo, of: $0.code, in: plan) ?? 0 != 0 })
        let page = try #require(NodePage.make(plan: plan, scores: scores, path: area.code))
        let (_, parsed) = try PageChecks.render(page)
        let expected = ItalianFormatting.euro(try #require(BudgetTotals.resources(.oneri, .consuntivo, of: area.code, in: plan)))
        let table = try #require(parsed.tables.first { $0.first?.contains("Consuntivo") == true })
        let oneri = try #require(table.first { $0.first == "Oneri" })
        #expect(oneri[3] == expected)
    }
}
