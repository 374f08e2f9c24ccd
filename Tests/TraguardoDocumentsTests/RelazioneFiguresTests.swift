import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments

/// What the Relazione gained from the charts and the conto economico: the figures in its summary, drawn inline as
/// SVG a parser reads, and the allegato «Scostamenti di bilancio» with the scostamenti of attesi.yaml.
@Suite("Relazione: grafici e scostamenti di bilancio")
struct RelazioneFiguresTests {
    @Test func lucca2018HasTheFiguresInItsSummary() throws {
        let built = try RelazioneHTMLTests.build("lucca-2018")
        // «Figura 2 – Grado di … 2018 (dati nella tabella A.2)»: the caption between the number and the appendix's table.
        let figures = built.parsed.figures.map { caption in
            caption.replacing(#/^Figura [0-9]+ – /#, with: "").replacing(#/ \(dati nella tabella A\.[0-9]+\)$/#, with: "")
        }
        #expect(figures.contains("Grado di raggiungimento per obiettivo individuale 2018"))
        #expect(figures.contains { $0.hasPrefix("Grado di raggiungimento per ") && $0.contains("2018") && !$0.contains("individuale") },
                "per area: \(figures)")
        #expect(figures.contains("Oneri 2018: budget aggiornato e consuntivo"))
        #expect(figures.contains("Proventi 2018: budget aggiornato e consuntivo"))
        #expect(built.parsed.headings.contains("Risorse: budget e consuntivo 2018"))
        #expect(built.parsed.drawings.count == figures.count)
        for drawing in built.parsed.drawings {
            let svg = try SVGReader.parse(svg: drawing)
            #expect(figures.contains(svg.title))
            #expect(svg.attributes["role"] == "img")
            #expect(!svg.rects("barra").isEmpty)
        }
        // The objectives' chart carries the engine's SG-1, 99,75.
        let objectives = try #require(built.document.blocks.compactMap { block -> DocumentFigure? in
            if case let .figure(figure) = block, figure.caption.contains("obiettivo individuale") { return figure }
            return nil
        }.first)
        #expect(objectives.data.rows.contains { $0[0].text.hasPrefix("SG-1 – ") && $0[1].text == "99,75%" })
        // The figures come before the first manager's chapter: they are part of the summary.
        let html = HTMLWriter.html(built.document)
        let firstFigure = try #require(html.range(of: "<figure class=\"chart\">"))
        let body = try #require(html.range(of: "<main>"))
        let firstManager = try #require(html.range(of: ">Obiettivi di ", range: body.upperBound..<html.endIndex))
        #expect(firstFigure.lowerBound < firstManager.lowerBound)
    }

    /// Seed 001, allegato n. 3: every scostamento and scostamento % of attesi.yaml (532.212,64 and −42,79% on the
    /// risultato della gestione corrente) on its account's row, and the three columns as transcribed.
    @Test func lucca2013HasTheBudgetVarianceAllegato() throws {
        let built = try RelazioneHTMLTests.build("lucca-2013")
        #expect(built.parsed.headings.contains { $0.hasPrefix("Allegato n.") && $0.hasSuffix("Scostamenti di bilancio") })
        let table = try RelazioneHTMLTests.table(built.parsed, caption: "Allegato – Scostamenti di bilancio")
        #expect(table.first == ["Conto", "Descrizione", "Preventivo", "Aggiornato", "Consuntivo", "Scostamento", "Scostamento %"])
        let codes = Set(built.plan.accountLines.map(\.code))
        #expect(table.count == codes.count + 1, "intestazione e una riga per conto")
        let current = try #require(table.first { $0.first == "30" })
        #expect(current[1] == "RISULTATO GESTIONE CORRENTE")
        #expect(current[5] == "532.212,64")
        #expect(current[6] == "-42,79%")

        var checked = 0
        var notComputed: [String] = []
        let columns = ["scostamento": 5, "scostamento-percentuale": 6]
        let variances = try ExpectedFigure.read("lucca-2013").filter { figure in
            let parts = figure.codice.split(separator: "/").map(String.init)
            return figure.elemento == "conto" && figure.fase == nil && parts.count == 2 && columns[parts[1]] != nil
        }
        #expect(variances.count == 36, "35 scostamenti e lo scostamento % della gestione corrente")
        for figure in variances {
            let parts = figure.codice.split(separator: "/").map(String.init)
            let column = columns[parts[1]]!
            let row = try #require(table.first { $0.first == parts[0] }, "manca il conto \(parts[0])")
            if AccountFigures.value(figure.codice, in: built.plan) == nil {
                // What the core cannot compute (an account with no budget) is left blank, never invented.
                #expect(row[column] == "—", "\(figure.codice)")
                notComputed.append(figure.codice)
                continue
            }
            #expect(ItalianNumber.parse(row[column]) == ItalianNumber.parse(figure.atteso), "\(figure.codice): \(row[column])")
            checked += 1
        }
        print("lucca-2013: \(checked) scostamenti di attesi.yaml nella Relazione; non calcolabili: \(notComputed)")
        #expect(checked + notComputed.count == variances.count)
        #expect(notComputed.count <= 1, "solo 3430, senza budget")
        // The columns are the transcribed lines, summed by the core where a line is a subtotal.
        for line in built.plan.accountLines where line.code == "320" {
            let row = try #require(table.first { $0.first == "320" })
            let column = ["preventivo": 2, "aggiornato": 3, "consuntivo": 4][line.phase.rawValue]!
            #expect(ItalianNumber.parse(row[column]) == line.amount)
        }
    }

    /// Lucca 2018's accounts are a cost series with only consuntivo: nothing to compare, so no allegato.
    @Test func noVarianceAllegatoWithoutABudgetToCompare() throws {
        let built = try RelazioneHTMLTests.build("lucca-2018")
        #expect(!built.plan.accountLines.isEmpty)
        #expect(built.plan.accountLines.allSatisfy { $0.phase == .consuntivo })
        #expect(!built.parsed.headings.contains { $0.contains("Scostamenti di bilancio") })
    }
}
