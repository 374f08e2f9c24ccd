import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments

/// The Scheda di valutazione written as HTML and read back with an independent XML parser: one chapter per
/// manager, the Segretario Generale first, and on each manager's sheet the engine's %, punteggio and total.
@Suite("Scheda di valutazione in HTML")
struct ValutazioneHTMLTests {
    struct Built {
        var plan: CyclePlan
        var scores: PlanScores
        var document: Document
        var parsed: XMLReader.Parsed
    }

    static func build(_ folder: String) throws -> Built {
        let plan = try Examples.plan(folder)
        let scores = PlanScorer.score(plan)
        let document = ValutazioneBuilder.build(plan: plan, scores: scores, source: "Examples/\(folder)")
        return Built(plan: plan, scores: scores, document: document, parsed: try XMLReader.parse(html: HTMLWriter.html(document)))
    }

    /// The objectives table of the manager named `name`.
    static func sheet(_ parsed: XMLReader.Parsed, of name: String) throws -> [[String]] {
        let index = try #require(parsed.captions.firstIndex { $0.hasPrefix("Obiettivi ") && $0.contains(" di \(name): ") },
                                 "nessuna scheda per «\(name)»")
        return parsed.tables[index]
    }

    static func name(_ person: Person) -> String { [person.title, person.name].compactMap { $0 }.joined(separator: " ") }

    @Test func lucca2013HasASheetPerManagerTheSegretarioFirst() throws {
        let built = try Self.build("lucca-2013")
        #expect(built.parsed.lang == "it")
        #expect(built.parsed.title.contains("Scheda di valutazione 2013"))
        let chapters = built.document.headings.filter { $0.level == 1 }.map(\.text)
        #expect(chapters == [
            "Scheda di valutazione – Segretario Generale",
            "Scheda di valutazione – Dirigente Amministrazione e Personale",
            "Scheda di valutazione – Dirigente Promozione e Sviluppo per le Imprese",
            "Scheda di valutazione – Dirigente Anagrafico Certificativo e Regolazione Mercato",
        ])
        #expect(chapters.count == built.scores.managers.count)
        for chapter in chapters { #expect(built.parsed.headings.contains(chapter)) }
        // Each chapter says the role and has the lines the OIV fills in.
        #expect(built.parsed.texts.contains { $0.contains("Ruolo: Segretario Generale – Segreteria Generale") })
        #expect(built.parsed.texts.contains { $0.contains("Ruolo: Dirigente – Area Amministrazione e Personale") })
        let oiv = built.parsed.captions.filter { $0.hasPrefix("Valutazione dell'OIV – ") }
        #expect(oiv.count == chapters.count)
        #expect(built.parsed.headings.filter { $0 == "Valutazione dell'Organismo indipendente di valutazione" }.count == chapters.count)
    }

    /// attesi.yaml's punteggi (seed 001, allegato n. 4: 50, 50, 50, 30 for the SG; 50, 20, 50 for each dirigente;
    /// 180 for the SG in all) are on the sheet of the manager the objective belongs to, on its «Esito» row.
    @Test func thePunteggiOfAttesiAreOnTheRightManagersSheet() throws {
        let built = try Self.build("lucca-2013")
        let expected = try ExpectedFigure.read("lucca-2013").filter { $0.elemento == "punteggio" }
        #expect(expected.count == 14)
        var checked = 0
        for figure in expected {
            if let objective = built.plan.objectives.first(where: { $0.code == figure.codice && $0.kind == .individual }) {
                let person = try #require(built.plan.people.first { $0.id == objective.managerPersonID })
                let sheet = try Self.sheet(built.parsed, of: Self.name(person))
                let row = try #require(sheet.first { $0.first == "Esito \(figure.codice)" }, "manca l'esito di \(figure.codice)")
                #expect(ItalianNumber.parse(row[4]) == ItalianNumber.parse(figure.atteso), "\(figure.codice): \(row[4])")
                let scored = try #require(built.scores.objectives[objective.id]).score
                #expect(row[2] == scored.shown)
                #expect(row[4] == ItalianFormatting.number(try #require(scored.points)))
                // Not on anybody else's sheet.
                for other in built.plan.people where other.id != person.id && built.scores.managers[other.id] != nil {
                    #expect(try Self.sheet(built.parsed, of: Self.name(other)).allSatisfy { $0.first != "Esito \(figure.codice)" })
                }
                checked += 1
            } else {
                // A manager's total (`sg`): the «Totale» row of that manager's sheet.
                let person = try #require(built.plan.people.first { $0.id == figure.codice }, "\(figure.codice)")
                let sheet = try Self.sheet(built.parsed, of: Self.name(person))
                let total = try #require(sheet.last)
                #expect(total.first == "Totale")
                #expect(ItalianNumber.parse(total[4]) == ItalianNumber.parse(figure.atteso))
                #expect(total[2] == built.scores.managers[person.id]?.score.shown)
                checked += 1
            }
        }
        #expect(checked == expected.count)
    }

    /// Every indicator's PROPOSTA % RAGGIUNGIMENTO is the engine's, under its objective, in the plan's order.
    @Test(arguments: ["lucca-2013", "lucca-2018"])
    func everyIndicatorIsTheEnginesUnderItsObjective(_ folder: String) throws {
        let built = try Self.build(folder)
        var checked = 0
        for (personID, manager) in built.scores.managers {
            let person = try #require(built.plan.people.first { $0.id == personID })
            let sheet = try Self.sheet(built.parsed, of: Self.name(person))
            #expect(sheet.first == ["Codice", "Obiettivo e indicatori", "Proposta % raggiungimento", "Peso", "Punteggio"])
            #expect(sheet.last?[2] == manager.score.shown)
            #expect(sheet.last?[4] == (manager.score.points.map { ItalianFormatting.number($0) } ?? ""))
            for objective in built.plan.objectives where objective.managerPersonID == personID && objective.kind == .individual {
                let start = try #require(sheet.firstIndex { $0.first == objective.code }, "\(objective.code)")
                let end = try #require(sheet.firstIndex { $0.first == "Esito \(objective.code)" })
                #expect(start < end)
                let indicators = built.plan.indicators.filter { $0.objectiveID == objective.id && built.scores.indicators[$0.id] != nil }
                // Indicator rows carry a code; the line under a derived indicator (what it is taken from) does not.
                let indicatorRows = sheet[(start + 1)..<end].filter { !$0[0].isEmpty }
                #expect(indicatorRows.count == indicators.count, "\(objective.code): una riga per indicatore")
                let derived = indicators.filter { $0.derivedFrom != nil }.count
                #expect(end - start - 1 <= indicators.count + derived)
                for (offset, indicator) in indicators.sorted(by: { $0.sortOrder < $1.sortOrder }).enumerated() {
                    let row = indicatorRows[indicatorRows.startIndex + offset]
                    #expect(row[0] == indicator.code)
                    #expect(row[2] == built.scores.indicators[indicator.id]!.score.shown, "\(objective.code)/\(indicator.code)")
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }

    /// Seed 001, riga 2887: SG-4's first indicator lists the twelve projects with their %; riga 2916-2932: AP-3 lists
    /// the indicators of the Polo Tecnologico project, two of them N.C. Here with the engine's values.
    @Test func derivedIndicatorsSayWhatTheyAreTakenFrom() throws {
        let built = try Self.build("lucca-2013")
        let sg = try Self.sheet(built.parsed, of: "Segretario Generale")
        let sg4 = try #require(built.plan.objectives.first { $0.code == "SG-4" })
        let first = try #require(built.plan.indicators.filter { $0.objectiveID == sg4.id }.min { $0.sortOrder < $1.sortOrder })
        let codes = try #require(first.derivedFrom?.codes)
        #expect(codes.count == 12)
        let at = try #require(sg.firstIndex { $0.first == "SG-4" })
        let detail = sg[at + 2][1]
        #expect(detail.hasPrefix("Derivato da: "))
        for code in codes {
            let shown = try #require(built.scores.node(code: code)).score.shown
            #expect(detail.contains("\(code) (realizzato al \(shown)%)"), "\(code)")
        }
        let ap = try Self.sheet(built.parsed, of: "Dirigente Amministrazione e Personale")
        let ap3 = try #require(ap.firstIndex { $0.first == "AP-3" })
        let polo = ap[ap3 + 2][1]
        #expect(polo.hasPrefix("Derivato dagli indicatori di C40101: "))
        #expect(polo.components(separatedBy: "N.C.").count - 1 == 2)
        // The procedures' indicator: 97,51 (allegato n. 1).
        let total = try #require(built.scores.procedureTotal).score.shown
        #expect(sg.contains { $0[1] == "Derivato dai procedimenti monitorati: risultato finale \(total)%" })
    }

    /// An objective left with only its N.C. indicator (AC-3/1 of Lucca 2013) is N.C. on the sheet, with the engine's
    /// reason, and the manager's total is the engine's over the other objectives.
    @Test func aNotComputableObjectiveSaysSo() throws {
        var plan = try Examples.plan("lucca-2013")
        let ac3 = try #require(plan.objectives.first { $0.code == "AC-3" })
        let kept = try #require(plan.indicators.first { $0.objectiveID == ac3.id && $0.code == "1" })
        plan.indicators.removeAll { $0.objectiveID == ac3.id && $0.id != kept.id }
        let scores = PlanScorer.score(plan)
        let scored = try #require(scores.objectives[ac3.id]).score
        #expect(scored.isNotComputable)
        let parsed = try XMLReader.parse(html: HTMLWriter.html(ValutazioneBuilder.build(plan: plan, scores: scores)))
        let sheet = try Self.sheet(parsed, of: "Dirigente Anagrafico Certificativo e Regolazione Mercato")
        let row = try #require(sheet.first { $0.first == "Esito AC-3" })
        #expect(row[2] == "N.C.")
        #expect(row[1].hasPrefix("Obiettivo non computabile (N.C.)"))
        #expect(!row[1].contains("N.C.: N.C."))
        #expect(row[4] == (scored.points.map { ItalianFormatting.number($0) } ?? ""))
        let manager = try #require(scores.managers[ac3.managerPersonID!]).score
        #expect(sheet.last?[2] == manager.shown)
        #expect(sheet.last?[4] == manager.points.map { ItalianFormatting.number($0) })
    }

    @Test func lucca2018HasTheSegretarioAndTheDirigente() throws {
        let built = try Self.build("lucca-2018")
        let chapters = built.document.headings.filter { $0.level == 1 }.map(\.text)
        #expect(chapters.count == 2)
        #expect(chapters.first == "Scheda di valutazione – Segretario Generale")
        #expect(chapters.last?.hasPrefix("Scheda di valutazione – Dirigente") == true)
        // SG-1 is 99,75 (seed 000), on the SG's sheet.
        let sheet = try Self.sheet(built.parsed, of: "Segretario Generale")
        let sg1 = try #require(built.scores.objective(code: "SG-1")).score
        #expect(sg1.shown == "99,75")
        #expect(sheet.first { $0.first == "Esito SG-1" }?[2] == "99,75")
        // The RPCT has no objectives, so no sheet.
        #expect(!chapters.contains { $0.contains("Bruni") })
    }

    @Test func theSheetIsPrintable() throws {
        let plan = try Examples.plan("lucca-2013")
        let html = HTMLWriter.html(ValutazioneBuilder.build(plan: plan, scores: PlanScorer.score(plan)))
        // Each manager after the first starts on a new page.
        #expect(html.components(separatedBy: "<h2 class=\"chapter\" id=").count - 1 == 3)
        #expect(html.contains(#/<h2 class="chapter no-break" id="sezione-[0-9]+">Scheda di valutazione – Segretario Generale</h2>/#))
        #expect(html.contains(ValutazioneBuilder.blankLine))
    }
}
