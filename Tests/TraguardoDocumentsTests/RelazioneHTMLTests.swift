import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange

enum Examples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    static func plan(_ folder: String, entity: String = "lucca") throws -> CyclePlan {
        let plans = try PlanFileReader.read(paths: [root.appendingPathComponent(folder).path])
        return try #require(plans.first { $0.entity.code == entity })
    }
}

/// The Relazione of the example datasets, written as HTML and read back with an independent XML parser:
/// the headings and the figures the Ente printed are where a reader looks for them.
@Suite("Relazione sulla performance in HTML")
struct RelazioneHTMLTests {
    struct Built {
        var plan: CyclePlan
        var scores: PlanScores
        var document: Document
        var parsed: XMLReader.Parsed
    }

    static func build(_ folder: String) throws -> Built {
        let plan = try Examples.plan(folder)
        let scores = PlanScorer.score(plan)
        let document = RelazioneBuilder.build(plan: plan, scores: scores, source: "Examples/\(folder)")
        let parsed = try XMLReader.parse(html: HTMLWriter.html(document))
        return Built(plan: plan, scores: scores, document: document, parsed: parsed)
    }

    /// The table whose caption contains `caption`.
    static func table(_ parsed: XMLReader.Parsed, caption: String) throws -> [[String]] {
        let index = try #require(parsed.captions.firstIndex { $0.contains(caption) }, "nessuna tabella «\(caption)»")
        return parsed.tables[index]
    }

    @Test func lucca2013HasTheSeedsChaptersAndFigures() throws {
        let built = try Self.build("lucca-2013")
        let parsed = built.parsed
        #expect(parsed.lang == "it")
        #expect(parsed.title.contains("Relazione sulla performance 2013"))
        #expect(parsed.headings.contains("Relazione sulla performance 2013"))
        #expect(parsed.headings.contains("Sintesi dei risultati 2013"))
        #expect(parsed.headings.contains { $0.hasPrefix("Allegato n.") && $0.contains("Procedimenti") })
        #expect(parsed.headings.contains { $0.hasPrefix("Allegato n.") && $0.contains("dirigenti") })
        #expect(parsed.headings.contains { $0.hasPrefix("SG-4 – ") })

        // Procedures (allegato n. 1 of the seed): the total row shows 97,51, as the engine does.
        let total = try #require(built.scores.procedureTotal)
        #expect(total.score.shown == "97,51")
        let procedures = try Self.table(parsed, caption: "Procedimenti monitorati")
        let totalRow = try #require(procedures.last)
        #expect(totalRow.first == "Risultato finale complessivo")
        #expect(totalRow.contains("97,51"))
        #expect(procedures.count == built.plan.procedures.count + 2, "intestazione, una riga per procedimento, totale")

        // SG-4 in the managers' summary: the engine's value, on the SG-4 row.
        let sg4 = try #require(built.scores.objective(code: "SG-4")).score.shown
        let summary = try Self.table(parsed, caption: "Proposta di % di raggiungimento")
        let row = try #require(summary.first { $0.first == "SG-4" })
        #expect(row[2] == sg4)
        // And in the indicators' table of SG-4, each indicator with the engine's shown value.
        let indicators = try Self.table(parsed, caption: "Indicatori dell'obiettivo SG-4")
        for code in ["a", "b", "c", "d"] {
            let expected = try #require(built.scores.indicator(code, of: "SG-4")).score.shown
            let line = try #require(indicators.first { $0.first == code }, "manca l'indicatore SG-4/\(code)")
            #expect(line[2].hasPrefix(expected))
        }
    }

    @Test func lucca2018HasTheCartaDeiServiziAndSG1() throws {
        let built = try Self.build("lucca-2018")
        let parsed = built.parsed
        #expect(parsed.headings.contains("Relazione sulla performance 2018"))
        #expect(parsed.headings.contains { $0.hasPrefix("Allegato n.") && $0.contains("Carta dei servizi") })

        let charter = try #require(built.scores.serviceCharter).score.shown
        #expect(charter == "99,22")
        let table = try Self.table(parsed, caption: "Carta dei servizi")
        let totalRow = try #require(table.last)
        #expect(totalRow.first == "Totale")
        #expect(totalRow.contains("99,22"))

        // A justified deviation is marked; an N.C. row carries its reason.
        let justified = try #require(table.first { $0.first == "3.3.1.b" })
        #expect(justified[4] == "100")
        #expect(justified[5].hasPrefix("Scostamento giustificato"))
        #expect(!justified[5].lowercased().contains("giustificato: scostamento giustificato"))
        let notComputable = try #require(table.first { $0.first == "3.1.2" })
        #expect(notComputable[4].hasPrefix("N.C.: "))
        #expect(notComputable[4].count > "N.C.: ".count)

        let sg1 = try #require(built.scores.objective(code: "SG-1")).score.shown
        #expect(sg1 == "99,75")
        let summary = try Self.table(parsed, caption: "Proposta di % di raggiungimento")
        let row = try #require(summary.first { $0.first == "SG-1" })
        #expect(row[2] == "99,75")
    }

    /// Issue 22: the narrative data of Lucca 2018 in their allegato: the MuSA table with the TOTALE its rows give and
    /// the one printed; the sub-indicators with value, baseline, change and outcome.
    @Test func lucca2018PrintsTheNarrativeTablesAndSubIndicators() throws {
        let built = try Self.build("lucca-2018")
        #expect(built.parsed.headings.contains { $0.hasPrefix("Allegato n.") && $0.contains("Dati delle narrative") })
        let musa = try Self.table(built.parsed, caption: "Eventi organizzati al MuSA e relative presenze (indicatore 2E/T3)")
        #expect(musa.first == ["Voce", "Attività", "Partecipanti"])
        #expect(musa.contains(["N° visite guidate scuole", "10", "415"]))
        #expect(musa.contains(["TOTALE", "77", "2.165"]))
        #expect(musa.last == ["TOTALE stampato nel documento", "46", "1.702"])
        let subs = try Self.table(built.parsed, caption: "Sotto-indicatori delle narrative 2018")
        #expect(subs.contains(["indicatore 2E/T2", "Visitatori del Museo Casa Natale di Puccini al 31 dicembre", "38.477", "ingressi",
                               "37.418 (2017)", "+2,83%", "raggiunto"]))
        #expect(subs.contains { $0.first == "procedimento 6" && $0.last == "raggiunto" && $0[1].hasPrefix("Ind. 1") })
        // Lucca 2013 has none: no allegato.
        #expect(!(try Self.build("lucca-2013")).parsed.headings.contains { $0.contains("Dati delle narrative") })
    }

    @Test func everyManagerHasAChapterAndARowInTheSummary() throws {
        for folder in ["lucca-2013", "lucca-2018"] {
            let built = try Self.build(folder)
            let summary = try Self.table(built.parsed, caption: "Risultati dei dirigenti")
            #expect(summary.count == built.scores.managers.count + 1)
            for manager in built.scores.managers.values {
                #expect(built.parsed.headings.contains("Obiettivi di \(manager.subject.code)"))
                let row = try #require(summary.first { $0.first == manager.subject.code })
                #expect(row[2] == manager.score.shown || row[2].hasPrefix("N.C."))
            }
        }
    }

    /// Every objective's % and punteggio in the managers' summary, and every procedure's result, is the engine's.
    @Test(arguments: ["lucca-2013", "lucca-2018"])
    func everyFigureIsTheEngines(_ folder: String) throws {
        let built = try Self.build(folder)
        let summary = try Self.table(built.parsed, caption: "Proposta di % di raggiungimento")
        var checked = 0
        for objective in built.plan.objectives where objective.kind == .individual {
            guard let scored = built.scores.objectives[objective.id] else { continue }
            let row = try #require(summary.first { $0.first == objective.code }, "manca \(objective.code)")
            #expect(row[2].hasPrefix(scored.score.shown), "\(objective.code)")
            #expect(row[3] == (scored.score.points.map { ItalianFormatting.number($0) } ?? ""), "\(objective.code)")
            checked += 1
        }
        #expect(checked > 0)
        let ente = try Self.table(built.parsed, caption: "Obiettivi di Ente")
        #expect(ente.last?.first == "Ente")
        #expect(ente.last?.contains(built.scores.entity.score.shown) == true)
        for procedure in built.plan.procedures {
            guard let scored = built.scores.procedures[procedure.id] else { continue }
            let table = try Self.table(built.parsed, caption: "Procedimenti monitorati")
            let row = try #require(table.first { $0.first == procedure.code })
            #expect(row[3].hasPrefix(scored.score.shown), "procedimento \(procedure.code)")
        }
    }

    @Test func theDocumentSaysWhatItWasMadeFrom() throws {
        let built = try Self.build("lucca-2013")
        #expect(built.document.entityCode == "lucca")
        #expect(built.document.year == 2013)
        #expect(built.document.methodologyName == built.scores.methodology.name)
        #expect(built.document.methodologyVersion == built.scores.methodology.version)
        #expect(built.parsed.texts.contains { $0.contains("Examples/lucca-2013") && $0.contains("metodologia") })
        #expect(built.parsed.texts.contains { $0.contains("Anno 2013") })
    }

    @Test func printStyleIsInline() throws {
        let plan = try Examples.plan("lucca-2018")
        let html = HTMLWriter.html(RelazioneBuilder.build(plan: plan, scores: PlanScorer.score(plan)))
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
        #expect(html.contains("size: A4"))
        #expect(html.contains("page-break-before: always"))
        #expect(html.contains("@top-center"))
        #expect(html.contains("<thead>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
    }
}
