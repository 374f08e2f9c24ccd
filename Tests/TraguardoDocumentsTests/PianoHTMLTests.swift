import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange

/// The Piano / albero della performance of Lucca 2017 (seed 004) written as HTML and read back with an
/// independent XML parser: the matrix of missioni, programmi and objectives, the 18 schede with their resources,
/// and every indicator's targets, results and the engine's degree of achievement as in `attesi.yaml`.
@Suite("Piano della performance in HTML")
struct PianoHTMLTests {
    static let folder = "lucca-2017"

    struct Built {
        var plan: CyclePlan
        var scores: PlanScores
        var document: Document
        var parsed: XMLReader.Parsed
    }

    static func build() throws -> Built {
        let plan = try Examples.plan(folder)
        let scores = PlanScorer.score(plan, period: "ANNO")
        let document = PianoBuilder.build(plan: plan, scores: scores, source: "Examples/\(folder)")
        return Built(plan: plan, scores: scores, document: document, parsed: try XMLReader.parse(html: HTMLWriter.html(document)))
    }

    static func oneLine(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test func theMatrixListsEveryObjectiveUnderItsMissioneAndProgramma() throws {
        let built = try Self.build()
        let table = try RPPHTMLTests.table(built.parsed, "Albero della performance")
        #expect(table.first == ["Missione", "Programma", "Codice", "Obiettivo strategico"])
        let objectives = built.plan.nodes.filter { $0.kind == .strategicObjective }
        #expect(objectives.count == 18)
        #expect(table.count == objectives.count + 1)
        for row in table.dropFirst() {
            let code = row[2]
            #expect(code.wholeMatch(of: /[0-9]{3}-[0-9]{3}-[0-9]{3}/) != nil, "\(code)")
            // MMM-PPP-NNN: the missione and programma of the row are the code's.
            let parts = code.split(separator: "-").map(String.init)
            #expect(row[0].hasPrefix(parts[0]), "\(code): \(row[0])")
            #expect(row[1].hasPrefix(parts[1]), "\(code): \(row[1])")
            let node = try #require(objectives.first { $0.code == code })
            #expect(row[0].hasPrefix(node.missionCode ?? "?") && row[1].hasPrefix(node.programmeCode ?? "?"))
        }
        #expect(table[1][0].contains("Competitività e sviluppo delle imprese"))
        // The Ente's totals of the resources are the ones the analysis verified (attesi.yaml).
        let totals = try RPPHTMLTests.table(built.parsed, "Risorse 2017 degli obiettivi strategici")
        let expected = try ExpectedFigure.read(Self.folder)
        for (row, phase) in [(1, "preventivo"), (2, "consuntivo")] {
            for (column, kind) in ["proventi", "oneri", "investimenti"].enumerated() {
                let figure = try #require(expected.first { $0.codice == "totale-\(kind)-\(phase)" })
                #expect(ItalianNumber.parse(totals[row][column + 1]) == ItalianNumber.parse(figure.atteso), "\(kind) \(phase)")
            }
        }
    }

    @Test func everyObjectiveHasItsScheda() throws {
        let built = try Self.build()
        let objectives = built.plan.nodes.filter { $0.kind == .strategicObjective }
        let schede = built.parsed.headings.filter { $0.wholeMatch(of: /[0-9]{3}-[0-9]{3}-[0-9]{3} – .+/) != nil }
        #expect(schede.count == objectives.count)
        var indicatorCount = 0
        for objective in objectives {
            #expect(schede.contains { $0.hasPrefix("\(objective.code) – ") })
            let facts = try RPPHTMLTests.table(built.parsed, "Obiettivo \(objective.code)")
            func fact(_ label: String) -> String? { facts.first { $0.first == label }?.last }
            #expect(fact("Titolo") == Self.oneLine(objective.title))
            #expect(fact("Arco temporale") == objective.timeSpan)
            let centre = try #require(built.plan.units.first { $0.id == objective.ownerUnitID || $0.code == objective.ownerUnitID })
            #expect(fact("Centro di responsabilità") == centre.name)
            let indicators = built.plan.indicators.filter { $0.nodeID == objective.id }
            #expect(fact("Nr indicatori associati") == "\(indicators.count)")
            indicatorCount += indicators.count
            // Budget vs consuntivo: the core's figures for the objective.
            let resources = try RPPHTMLTests.table(built.parsed, "Risorse 2017 dell'obiettivo \(objective.code)")
            #expect(resources.first == ["", "Proventi correnti", "Oneri correnti", "Investimenti"])
            for (row, phase) in [(1, BudgetPhase.preventivo), (2, .consuntivo)] {
                #expect(resources[row].first == "Risorse \(phase.rawValue) 2017")
                for (column, kind) in [ResourceKind.proventi, .oneri, .investimenti].enumerated() {
                    let figure = try #require(BudgetTotals.resources(kind, phase, of: objective.code, in: built.plan))
                    #expect(ItalianNumber.parse(resources[row][column + 1]) == figure, "\(objective.code) \(kind) \(phase)")
                }
            }
        }
        let total = try #require(try ExpectedFigure.read(Self.folder).first { $0.codice == "totale-indicatori" })
        #expect("\(indicatorCount)" == total.atteso)
    }

    /// Every indicator of attesi.yaml: tipologia, unità, algoritmo and fonte in the first table; in the second the
    /// targets of 2016-2018 as planned, the 2017 result as measured and the engine's degree of achievement.
    @Test func everyIndicatorHasItsTargetsResultsAndScore() throws {
        let built = try Self.build()
        var checked = 0
        for figure in try ExpectedFigure.read(Self.folder) where figure.elemento == "indicatore" {
            let parts = figure.codice.split(separator: "/").map(String.init)
            // `…/1-variazione-percentuale` is a figure derived from the measurement, not an indicator's score.
            guard parts.count == 2, !parts[1].contains("-") else { continue }
            let (objectiveCode, code) = (parts[0], parts[1])
            let objective = try #require(built.plan.nodes.first { $0.code == objectiveCode })
            let indicator = try #require(built.plan.indicators.first { $0.nodeID == objective.id && $0.code == code })
            let description = try RPPHTMLTests.table(built.parsed, "Indicatori dell'obiettivo \(objectiveCode)")
            let row = try #require(description.first { $0.first == code }, "\(figure.codice)")
            #expect(row[1] == Self.oneLine(indicator.name))
            #expect(row[2] == indicator.type?.label.lowercased() ?? "")
            #expect(row[3] == indicator.unit ?? "")
            #expect(row[5] == indicator.source ?? "")

            let results = try RPPHTMLTests.table(built.parsed, "Risultati attesi e conseguiti dell'obiettivo \(objectiveCode)")
            let header = try #require(results.first)
            let line = try #require(results.first { $0.first == code }, "\(figure.codice)")
            for year in 2016...2018 {
                let column = try #require(header.firstIndex(of: "Risultato atteso \(year)"))
                let target = built.plan.targets.first { $0.indicatorID == indicator.id && $0.year == year && $0.periodCode == nil }
                let printed = target.map { $0.applicable ? Self.oneLine($0.text ?? "") : "—" } ?? ""
                #expect(line[column] == printed, "\(figure.codice) \(year)")
            }
            // The 2017 result as measured (text as entered), never empty where the office entered something.
            let result2017 = try #require(header.firstIndex(of: "Risultato anno 2017"))
            let items = Set(built.plan.items.filter { $0.indicatorID == indicator.id }.map(\.id))
            for measurement in built.plan.measurements where items.contains(measurement.itemID) {
                if let text = measurement.text { #expect(line[result2017].contains(Self.oneLine(text)), "\(figure.codice)") }
            }
            #expect(header.firstIndex(of: "Risultato anno 2018").map { line[$0] } == "")
            // The degree of achievement is the engine's, and the figure attesi.yaml expects.
            let shown = try #require(line.last)
            let engine = try #require(built.scores.indicators[indicator.id]).score
            #expect(shown.hasPrefix(engine.shown), "\(figure.codice)")
            if let expected = ItalianNumber.parse(figure.atteso) {
                #expect(ItalianNumber.parse(shown) == expected, "\(figure.codice): \(shown)")
            } else {
                #expect(shown.hasPrefix(figure.atteso), "\(figure.codice): \(shown)")
            }
            checked += 1
        }
        #expect(checked == 43)
    }

    /// The 2016 results and the last value observed come from the baseline the dataset records (seed 004, Record B).
    @Test func the2016ResultsAreThoseRecorded() throws {
        let built = try Self.build()
        let results = try RPPHTMLTests.table(built.parsed, "Risultati attesi e conseguiti dell'obiettivo 012-004-001")
        let header = try #require(results.first)
        let column = try #require(header.firstIndex(of: "Risultato anno 2016"))
        let second = try #require(results.first { $0.first == "2" })
        #expect(second[column].contains("4.59"))
        #expect(second[1].hasPrefix("Le indagini di customer"))
        #expect(!second[1].contains("Risultato anno"))
        // Every baseline the dataset records is split into its two columns.
        var split = 0
        for objective in built.plan.nodes {
            for indicator in built.plan.indicators where indicator.nodeID == objective.id && indicator.baselineText != nil {
                let table = try RPPHTMLTests.table(built.parsed, "Risultati attesi e conseguiti dell'obiettivo \(objective.code)")
                let row = try #require(table.first { $0.first == indicator.code })
                let year = try #require(indicator.baselineYear)
                let column = try #require(table[0].firstIndex(of: "Risultato anno \(year)"))
                #expect(!row[1].contains("Risultato anno"), "\(objective.code)/\(indicator.code): \(row[1])")
                #expect(!row[column].isEmpty, "\(objective.code)/\(indicator.code)")
                split += 1
            }
        }
        #expect(split == 43)
    }

    @Test func theDocumentSaysWhatItWasMadeFrom() throws {
        let built = try Self.build()
        #expect(built.document.year == 2017)
        #expect(built.document.title == "Piano della performance 2016–2018")
        #expect(built.document.methodologyName == built.scores.methodology.name)
        #expect(built.parsed.texts.contains { $0.contains("Examples/lucca-2017") && $0.contains("metodologia") })
    }
}
