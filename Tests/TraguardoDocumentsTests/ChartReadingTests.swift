import Foundation
import Testing
import TraguardoCore
@testable import TraguardoDocuments

/// The charts as a reader needs them: labels whole (wrapped inside their column, never cut), years at their
/// distance on the time axis, a vertical scale from 0, and on a web page each bar and point a link to its element.
@Suite("Grafici leggibili")
struct ChartReadingTests {
    /// Every label line fits the label column (at the generous 0,6 em per character) and, joined, says the whole
    /// label; or, when the labels are too long for the column, the bar says the code and the key under the chart
    /// the whole label, each line within the drawing's width. Never a «…».
    static func checkLabelsWhole(_ svg: SVGReader.Parsed, labels: [String], keyed: Bool? = nil) {
        let drawn = svg.textElements("etichetta")
        let key = svg.textElements("legenda-voce")
        #expect(drawn.count == labels.count)
        if let keyed { #expect(key.isEmpty != keyed, keyed ? "servono la legenda e i codici" : "etichette intere accanto alle barre") }
        let column = NSDecimalNumber(decimal: AchievementChart.labelWidth).doubleValue
        let drawingWidth = Double(svg.attributes["viewBox"]?.split(separator: " ").dropFirst(2).first.flatMap { Double($0) } ?? 0)
        #expect(drawingWidth > 0)
        for text in drawn {
            #expect(text.anchor == "end")
            for line in text.lines {
                let width = Double(line.count) * text.fontSize * 0.6
                #expect(text.x - width >= 0 && width <= column, "«\(line)» esce dalla colonna delle etichette (\(width) > \(column))")
            }
        }
        let drawingHeight = Double(svg.attributes["viewBox"]?.split(separator: " ").dropFirst(3).first.flatMap { Double($0) } ?? 0)
        for text in key {
            for line in text.lines {
                let width = Double(line.count) * text.fontSize * 0.6
                #expect(text.x + width <= drawingWidth, "«\(line)» esce dal disegno")
            }
            // The last line's baseline and its descenders (a quarter of the size) inside the drawing.
            let lastBaseline = text.y + Double(text.lines.count - 1) * text.fontSize * 1.25
            #expect(lastBaseline + text.fontSize * 0.25 <= drawingHeight, "«\(text.lines.last ?? "")» tagliata in fondo")
        }
        for (index, label) in labels.enumerated() {
            let whole = label.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if key.isEmpty {
                #expect(drawn[index].text == whole, "etichetta tagliata: «\(drawn[index].text)» invece di «\(whole)»")
            } else {
                #expect(key[index].text == whole, "voce della legenda tagliata: «\(key[index].text)»")
                #expect(whole.hasPrefix(drawn[index].text + " – "), "accanto alla barra il codice: «\(drawn[index].text)»")
            }
            #expect(!drawn[index].text.contains("…") && !(key.isEmpty ? "" : key[index].text).contains("…"))
        }
    }

    @Test func objectiveLabelsOfLucca2013WrapInsteadOfBeingCut() throws {
        let plan = try Examples.plan("lucca-2013")
        let scores = PlanScorer.score(plan)
        let figure = try #require(AchievementChart.byObjective(plan: plan, scores: scores))
        let svg = try SVGReader.parse(svg: figure.svg)
        let labels = figure.data.rows.map { $0[0].text }
        #expect(labels.contains { $0.count > 60 }, "il caso che conta: titoli lunghi")
        // Titles of 300 characters: the bars say the codes, the key under the chart the whole titles.
        Self.checkLabelsWhole(svg, labels: labels, keyed: true)
        #expect(svg.textElements("legenda-voce").contains { $0.lines.count > 1 }, "i titoli lunghi vanno a capo")
        // Rows do not overlap: each bar starts below the previous label's last line.
        let bars = svg.rects("barra")
        for (a, b) in zip(bars, bars.dropFirst()) { #expect(b.y > a.y + 18) }
    }

    @Test func budgetLabelsOfLucca2018AreWholeAndTheLegendNamesBothSeries() throws {
        let plan = try Examples.plan("lucca-2018")
        let figure = try #require(BudgetChart.byNode(.oneri, plan: plan))
        let svg = try SVGReader.parse(svg: figure.svg)
        Self.checkLabelsWhole(svg, labels: figure.data.rows.map { $0[0].text })
        #expect(svg.texts.contains { $0.text == "B – Budget aggiornato" })
        #expect(svg.texts.contains { $0.text == "C – Consuntivo" })
    }

    /// Labels of two lines wrap beside their bars; one too long for three lines sends every label to the key.
    @Test func shortLabelsWrapBesideTheBarsAndLongOnesGoToTheKey() throws {
        let medium = "2C – Favorire lo start up, sostenere la competitività delle imprese del territorio"
        let short = AchievementChart.figure(caption: "Prova", bars: [
            .init(label: medium, value: 50, shown: "50", code: "2C"), .init(label: "2D – Ambiente", value: 80, shown: "80", code: "2D")])
        let shortSVG = try SVGReader.parse(svg: short.svg)
        Self.checkLabelsWhole(shortSVG, labels: [medium, "2D – Ambiente"], keyed: false)
        #expect((shortSVG.textElements("etichetta").first?.lines.count ?? 0) > 1, "va a capo")

        let long = "2E – " + String(repeating: "Favorire lo start up e sostenere le imprese del territorio ", count: 4)
        let keyed = AchievementChart.figure(caption: "Prova", bars: [
            .init(label: medium, value: 50, shown: "50", code: "2C"), .init(label: long, value: 80, shown: "80", code: "2E")])
        let keyedSVG = try SVGReader.parse(svg: keyed.svg)
        Self.checkLabelsWhole(keyedSVG, labels: [medium, long], keyed: true)
        #expect(keyedSVG.textElements("etichetta").map(\.text) == ["2C", "2E"])
    }

    /// 2013, 2017, 2018: the points sit at their years' distance (4 years, then 1), the scale starts at 0 and
    /// each point's height is its value on it; the years without data are said and drawn dashed.
    @Test func timeAxisIsProportionalToTheYearsAndStartsAtZero() throws {
        let points = [TrendChart.Point(year: 2013, value: 96), .init(year: 2017, value: Decimal(string: "99.2")!),
                      .init(year: 2018, value: Decimal(string: "97.5")!)]
        let figure = TrendChart.figure(caption: "Ente", series: "Grado di raggiungimento", points: points)
        let svg = try SVGReader.parse(svg: figure.svg)
        let xs = svg.points.map(\.cx)
        #expect(xs.count == 3)
        let gap1 = xs[1] - xs[0], gap2 = xs[2] - xs[1]
        #expect(abs(gap1 / gap2 - 4) < 0.01, "2013→2017 è quattro volte 2017→2018: \(xs)")
        // The axis: the text «0%» and «100%» mark the scale; each point is at its value between them.
        let ticks = Dictionary(svg.texts.filter { $0.anchor == "end" }.map { ($0.text, $0.y - 4) }, uniquingKeysWith: { a, _ in a })
        let zero = try #require(ticks["0%"], "l'asse verticale parte da 0: \(ticks.keys)")
        let hundred = try #require(ticks["100%"])
        for (point, drawn) in zip(points, svg.points) {
            let expected = zero - (zero - hundred) * NSDecimalNumber(decimal: point.value).doubleValue / 100
            #expect(abs(drawn.cy - expected) < 0.2, "\(point.year): y \(drawn.cy), atteso \(expected)")
        }
        #expect(svg.texts("scala") == ["Scala da 0% a 100%"])
        #expect(svg.description.contains("Senza dato (linea tratteggiata): 2014, 2015, 2016."))
        #expect(svg.texts("anno") == ["2013", "2017", "2018"])
    }

    /// On the web the bars open their node and the points their year's cruscotto: SVG links a keyboard reaches,
    /// each named by what it shows. In a document there is none.
    @Test func barsAndPointsAreLinksNamedByWhatTheyShow() throws {
        let plan = try Examples.plan("lucca-2018")
        let scores = PlanScorer.score(plan)
        let linked = try #require(AchievementChart.byArea(plan: plan, scores: scores, link: { "/nodi/\($0)" }))
        let svg = try SVGReader.parse(svg: linked.svg)
        #expect(svg.attributes["role"] == "group")
        #expect(svg.links.count == svg.rects("barra").count)
        for (link, row) in zip(svg.links, linked.data.rows) {
            let code = try #require(row[0].text.components(separatedBy: " – ").first)
            #expect(link.href == "/nodi/\(code)")
            #expect(link.label.hasPrefix(row[0].text + ": "))
            #expect(link.contents.contains("barra") && link.contents.contains("etichetta"))
        }
        let budget = try #require(BudgetChart.byNode(.oneri, plan: plan, link: { "/nodi/\($0)" }))
        #expect(try SVGReader.parse(svg: budget.svg).links.count == budget.data.rows.count)
        let trend = TrendChart.figure(caption: "Ente", series: "Risultato", points: [
            .init(year: 2017, value: 90, href: "/c/2017"), .init(year: 2018, value: 95, href: "/c/2018")])
        let trendSVG = try SVGReader.parse(svg: trend.svg)
        #expect(trendSVG.links.map(\.href) == ["/c/2017", "/c/2018"])
        #expect(trendSVG.links.map(\.label) == ["Risultato, 2017: 90%", "Risultato, 2018: 95%"])
        let document = try #require(AchievementChart.byArea(plan: plan, scores: scores))
        #expect(try SVGReader.parse(svg: document.svg).links.isEmpty)
    }
}
