import Foundation
import Testing
@testable import TraguardoCore

@Suite("Spiegazioni")
struct ExplanationTests {
    @Test("68,49 = tronca a 2 decimali(media(98,99; 100; 75; 0)), ogni ingresso seguito fino alla sua spiegazione")
    func treeRendering() throws {
        let o = try #require(Lucca2013.scores.objective(code: "SG-4"))
        let text = o.explanation.rendered()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Obiettivo SG-4 «REALIZZAZIONE DEI PROGRAMMI DI AREA»: 68,49 = tronca a 2 decimali(media(98,99; 100; 75; 0))")
        #expect(lines[1].hasPrefix("  Indicatore SG-4/a «realizzazione del 90% degli obiettivi assegnati"))
        #expect(lines[1].hasSuffix(": 98,99 = punteggio diretto(98,99)"))
        #expect(lines.contains { $0.hasPrefix("    Indicatore SG-4/a «valore rilevato: nodi C40105") && $0.contains("98,99 = tronca a 2 decimali(media(") })
        #expect(lines.contains("      Nodo G10101 «La comunicazione esterna integrata»: 90 = media(100; 100; 50; 100; 100; 100; 50; 100; 100; 100)"))
        #expect(lines.contains("        Item G10101/3/3a «Item 3a»: 50 = proporzionale(1 / 2 × 100)"))
        #expect(lines.contains { $0 == "  Indicatore SG-4/c «Proposta di riorganizzazione alla Giunta entro giugno»: 75 = media(75)" })
        #expect(lines.contains { $0.hasPrefix("    Item SG-4/c/1 «Item 1»: 75 = ritardo di 141 giorni(18/11/2013 oltre 30/06/2013)") })
    }

    @Test func notesTravelWithTheNumber() {
        let s = Lucca2018.scores.objective(code: "SG-4")!
        let text = s.explanation.rendered()
        #expect(text.contains("escluso perché N.C.: 2b"))
        #expect(text.contains("N.C.: la Giunta ha rinviato la decisione sulla fusione (12/4/2018)"))
    }

    @Test func valueTreeIsCodable() throws {
        let e = Lucca2013.scores.objective(code: "SG-4")!
        let data = try JSONEncoder().encode(e)
        let back = try JSONDecoder().decode(ScoredElement.self, from: data)
        #expect(back == e)
        #expect(back.explanation.inputs.count == 4)
        if case .call(let name, let args) = back.explanation.formula {
            #expect(name == "tronca a 2 decimali")
            #expect(args.count == 1)
        } else {
            Issue.record("formula attesa: chiamata")
        }
    }
}

@Suite("Metodologia: campi aggiunti e preset")
struct MethodologyCompatibilityTests {
    @Test func decodesAValueWrittenBeforeTheNewFields() throws {
        let json = """
        {"name":"vecchia","defaultRules":{},"fallbackRule":"soglia","allowOverAchievement":false,"lateness":[],
         "levels":[{"level":"item","aggregation":"media","rounding":"tronca","digits":2,"roundBeforeUse":true}],
         "pointBands":[],"trafficLights":[]}
        """
        let m = try JSONDecoder().decode(Methodology.self, from: Data(json.utf8))
        #expect(m.thresholdMiss == .zero)
        #expect(m.derivedIndicatorRounding == nil)
        #expect(m.serviceCharter == CollectionRule())
        #expect(m.entityScoreSource == .automatic)
        #expect(m.levels[0].countsItems == false)
        #expect(m.levels[0].rounding == .truncate)
    }

    @Test func presetsRoundTrip() throws {
        for (key, preset) in MethodologyPresets.all {
            let back = try JSONDecoder().decode(Methodology.self, from: JSONEncoder().encode(preset))
            #expect(back == preset, "\(key)")
        }
        #expect(MethodologyPresets.version("lucca-2013", entityCode: "lucca", year: 2013)?.id == "lucca/2013/v1")
    }
}

@Suite("Ricerca per percorso")
struct ElementPathTests {
    @Test func findsWhatTheCommandLineNames() {
        let s = Lucca2013.scores
        #expect(s.element(path: "SG-4")?.subject.kind == .objective)
        #expect(s.element(path: "SG-4/c")?.score.value == 75)
        #expect(s.element(path: "G10101/3/3a")?.score.value == 50)
        #expect(s.element(path: "procedimento 6")?.score.value == 91)
        #expect(s.element(path: "procedimenti")?.score.value == .d("97.51"))
        #expect(s.element(path: "ente") != nil)
        #expect(s.element(path: "inesistente") == nil)
        #expect(Lucca2018.scores.element(path: "3.3.5.a")?.score.value == 72)
    }
}

@Suite("Esempio di spiegazione")
struct ExplanationSampleTests {
    @Test func enteObjective1Sample() {
        let text = Lucca2018.scores.objective(code: "ENTE-1")!.explanation.rendered(maxDepth: 2)
        #expect(text.hasPrefix("Obiettivo ENTE-1 «Obiettivo ENTE-1»: 99,75 = media(99; 100; 100; 100)"))
        #expect(text.contains("  Indicatore ENTE-1/1 «Indicatore 1»: 99 = arrotonda all'intero(punteggio diretto(99,22))"))
        #expect(text.contains("    Carta dei servizi «risultato conseguito sui processi computati, 2018»: 99,22 = arrotonda a 2 decimali(media("))
    }
}

@Suite("Formula in parole")
struct FormulaWordsTests {
    @Test func roundingAndAveragesAreSaidInItalianWords() {
        let formula = Formula.call("tronca a 2 decimali", [.call("media", [.number(98.99), .number(100), .number(75), .number(0)])])
        #expect(formula.text == "tronca a 2 decimali(media(98,99; 100; 75; 0))")
        #expect(formula.words == "media di 4 valori (98,99; 100; 75; 0), troncato a 2 decimali")
        let ratio = Formula.call("massimo 100", [.infix(.infix(.number(43), "/", .number(47)), "×", .number(100))])
        #expect(ratio.words == "(43 diviso 47) per 100, al massimo 100")
        #expect(Formula.call("realizzato", [.text("31/12/2013")]).words == "realizzato: 31/12/2013")
    }
}
