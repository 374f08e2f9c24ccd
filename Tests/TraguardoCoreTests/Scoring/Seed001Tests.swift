import Foundation
import Testing
@testable import TraguardoCore

/// CCIAA Lucca, "RISULTATI 2013" (`seeds/001_085c85124fd8c90e.txt`, `domain/seed-001.md` §4 and §8):
/// the inputs are transcribed from the seed lines cited; every figure is computed by the engine.
enum Lucca2013 {
    static func projects(_ b: inout PlanBuilder, _ printed: [(String, String)]) {
        for (code, value) in printed {
            b.node(code)
            b.indicator("1", .node(code), items: [.declared("1", .d(value))])
        }
    }

    static func plan() -> CyclePlan {
        var b = PlanBuilder(year: 2013, methodology: MethodologyPresets.lucca2013)
        // Allegato 1 (righe 593–608): 13 procedures; n. 6 from its offices "Svil.Imp. 75% Brevetti 100% Rag. 100%".
        let results = ["93.3", "98.89", "92.13", "95.31", "100", nil, "100", "100", "100", "100", "100", "100", "97"]
        for (i, r) in results.enumerated() {
            let id = "proc-\(i + 1)"
            b.plan.procedures.append(MonitoredProcedure(id: id, entityCode: "test", code: "\(i + 1)", name: "Procedimento \(i + 1)", sortOrder: i))
            if let r {
                b.plan.procedureResults.append(ProcedureResult(id: "r\(id)", procedureID: id, year: 2013, score: .d(r)))
            } else {
                b.plan.procedureResults.append(ProcedureResult(
                    id: "r\(id)", procedureID: id, year: 2013,
                    subResults: [ProcedureSubResult(label: "Svil.Imp.", score: 75), ProcedureSubResult(label: "Brevetti", score: 100),
                                 ProcedureSubResult(label: "Rag.", score: 100)]))
            }
        }
        // G10101 (righe 1085–1094), items as printed.
        b.node("G10101", "La comunicazione esterna integrata")
        b.indicator("1", .node("G10101"), items: [.done("1a", true), .declared("1b", 100)])
        b.indicator("2", .node("G10101"), items: [.declared("2a", 50), .declared("2b", 100),
                                                  .deadline("2c", due: day(2013, 4, 30), on: day(2013, 4, 19)), .declared("2d", 100)])
        b.indicator("3", .node("G10101"), items: [.partial("3a", got: 1, of: 2), .declared("3b", 100)])
        b.indicator("4", .node("G10101"), items: [.done("4a", true), .done("4b", true)])
        // I40101 (righe 1405–1418): 1b "entro febbraio" → "11-apr".
        b.node("I40101", "Ciclo di gestione della performance")
        b.indicator("1", .node("I40101"), items: [.done("1a", true), .deadline("1b", due: day(2013, 2, 28), on: day(2013, 4, 11)),
                                                  .declared("1c", 100), .declared("1d", 100), .done("1e", true)])
        b.indicator("2", .node("I40101"), items: [.declared("2a", 100), .declared("2b", 100)])
        b.indicator("3", .node("I40101"), items: [.declared("3", 100)])
        b.indicator("4", .node("I40101"), items: [.done("4a", true), .declared("4b", 100), .declared("4c", 100)])
        b.indicator("5", .node("I40101"), items: [.deadline("5", due: day(2013, 6, 30), on: day(2013, 6, 20))])
        b.indicator("6", .node("I40101"), items: [.done("6a", true), .declared("6b", 100)])
        // The other SG projects at their printed % (riga 2887).
        projects(&b, [("C40105", "100"), ("E30101", "100"), ("F10101", "100"), ("F20101", "100"), ("F30101", "100"),
                      ("F40101", "99"), ("G20101", "100"), ("I20109", "100"), ("I30107", "100"), ("I40102", "100")])
        let sgProjects = ["C40105", "E30101", "F10101", "F20101", "F30101", "F40101", "G10101", "G20101", "I20109",
                          "I30107", "I40101", "I40102"]
        // C30101 (righe 750–756).
        b.node("C30101", "Imprese innovative")
        b.indicator("1", .node("C30101"), items: [
            .deadline("1", due: day(2013, 2, 28), on: day(2013, 3, 7)), .deadline("2", due: day(2013, 4, 30), on: day(2013, 4, 30)),
            .deadline("3", due: day(2013, 11, 30), on: nil, done: false), .done("4", true),
            .deadline("5", due: day(2013, 4, 30), on: day(2013, 4, 26)), .done("6", true),
            .deadline("7", due: day(2013, 2, 28), on: day(2013, 2, 28)),
        ])
        // I20102 (righe 1222–1229): 8 items, 2b "almeno 2 eventi seminariali" → 1.
        b.node("I20102", "Sede di Viareggio")
        b.indicator("1", .node("I20102"), items: [.declared("1a", 100), .declared("1b", 100), .declared("2a", 100),
                                                  .partial("2b", got: 1, of: 2), .declared("3a", 100), .declared("3b", 100),
                                                  .declared("4a", 100), .declared("4b", 100)])
        // I30104 (righe 1325–1334): 3b = 92.
        b.node("I30104", "Efficienza attività contabili")
        b.indicator("1", .node("I30104"), items: ["1a", "1b", "2a", "2b", "3a", "3c", "3d", "3e", "3f"].map { .declared($0, 100) }
                        + [.declared("3b", 92)])
        // C20101 (righe 732–738): 8 items, "almeno 3 seminari" → 2 (2/3 truncated to 66).
        b.node("C20101", "Sportello Nuove Imprese")
        b.indicator("1", .node("C20101"), items: ["1", "2", "3a", "3b", "4", "5", "6"].map { .declared($0, 100) }
                        + [.partial("7", got: 2, of: 3)])

        // SG objectives (allegato 4, righe 2866–2891).
        b.objective("SG-1", manager: "sg")
        b.indicator("a", .objective("SG-1"), rule: .asScore, derivedFrom: ScoreDerivation(kind: .procedures))
        for code in ["b1", "b2", "b3", "b4", "b5", "c"] { b.indicator(code, .objective("SG-1"), items: [.declared("1", 100)]) }
        b.objective("SG-2", manager: "sg")
        b.indicator("1", .objective("SG-2"), items: [.done("1", true)])
        for n in 3...6 { b.objective("ENTE-\(n)", kind: .ente) }
        for n in 3...5 { b.indicator("1", .objective("ENTE-\(n)"), items: [.declared("1", 100)]) }
        b.indicator("a", .objective("ENTE-6"), rule: .asScore, derivedFrom: ScoreDerivation(kind: .nodes, codes: sgProjects))
        b.objective("SG-3", manager: "sg")
        b.indicator("1", .objective("SG-3"), name: "Realizzazione del 90% degli obiettivi di Ente n. 3-4-5-6",
                    rule: .threshold, comparator: .atLeast, target: 90,
                    derivedFrom: ScoreDerivation(kind: .objectives, codes: ["ENTE-3", "ENTE-4", "ENTE-5", "ENTE-6"]))
        b.objective("SG-4", "REALIZZAZIONE DEI PROGRAMMI DI AREA", manager: "sg")
        b.indicator("a", .objective("SG-4"), name: "realizzazione del 90% degli obiettivi assegnati ai servizi e uffici dell'Area",
                    rule: .asScore, derivedFrom: ScoreDerivation(kind: .nodes, codes: sgProjects))
        b.indicator("b", .objective("SG-4"), name: "Attuazione del programma di attività 2013", items: [.declared("1", 100)])
        b.indicator("c", .objective("SG-4"), name: "Proposta di riorganizzazione alla Giunta entro giugno",
                    items: [.deadline("1", due: day(2013, 6, 30), on: day(2013, 11, 18))])
        b.indicator("d", .objective("SG-4"), name: "Proposta nuovi indicatori entro maggio",
                    items: [.deadline("1", due: day(2013, 5, 31), on: nil, done: false)])

        // Dirigente A&P (righe 2896–2934).
        b.objective("AP-1", manager: "ap")
        b.indicator("a", .objective("AP-1"), rule: .asScore, derivedFrom: ScoreDerivation(kind: .procedures))
        for n in 1...7 { b.indicator("b\(n)", .objective("AP-1"), items: [.declared("1", 100)]) }
        let apProjects = [("I20107", "100"), ("I20108", "98.58"), ("I20110", "100"), ("I30104b", "99.20"), ("I30106", "100"),
                          ("I30202", "87"), ("I30203", "86"), ("H10101", "100"), ("H20101", "100"), ("I30101", "100")]
        projects(&b, apProjects)
        b.objective("AP-2", manager: "ap")
        b.indicator("a", .objective("AP-2"), rule: .asScore, derivedFrom: ScoreDerivation(kind: .nodes, codes: apProjects.map(\.0)))
        b.indicator("b", .objective("AP-2"), items: [.done("1", false)])
        b.objective("AP-3", "POLO TECNOLOGICO LUCCHESE", manager: "ap")
        b.indicator("1", .objective("AP-3"), items: [.nc("a", "entro 270 gg dal Decreto regionale: decreto non emanato")]
                        + ["b", "c", "d"].map { .declared($0, 100) })
        b.indicator("2", .objective("AP-3"), items: [.nc("a", "subentro non approvato")]
                        + ["b", "c", "d", "e", "f", "g", "h"].map { .declared($0, 100) })

        // Dirigente Anagrafico (righe 2975–3000).
        let anProjects = [("A10101", "100"), ("A20102", "100"), ("I10101", "100"), ("I20101", "100"), ("I20102b", "93.75"),
                          ("B10101", "100"), ("B10102", "98")]
        projects(&b, anProjects)
        b.objective("AN-2", manager: "an")
        b.indicator("a", .objective("AN-2"), rule: .asScore, derivedFrom: ScoreDerivation(kind: .nodes, codes: anProjects.map(\.0)))
        b.indicator("b", .objective("AN-2"), items: [.done("1", false)])

        // Dirigente Promozione, PS-2 (righe 2953–2957): the printed 96,96 and a «non realizzato».
        b.objective("PS-2", manager: "ps")
        b.indicator("a", .objective("PS-2"), items: [.declared("1", .d("96.96"))])
        b.indicator("b", .objective("PS-2"), items: [.done("1", false)])
        return b.plan
    }

    static let scores = PlanScorer.score(plan(), period: "ANNO")
}

@Suite("Seed 001 — Lucca 2013")
struct Seed001Tests {
    let s = Lucca2013.scores

    @Test("T1 RISULTATO FINALE 97,51 e T2 TOT. 91 (righe 593–608)")
    func procedures() {
        #expect(s.procedures["proc-6"]?.score.value == 91)
        #expect(s.procedures["proc-6"]?.explanation.formulaLine == "91 = tronca all'intero(media(75; 100; 100))")
        #expect(s.procedureTotal?.score.value == .d("97.51"))
    }

    @Test("T10 G10101 = 90: media degli item, non degli indicatori (righe 1085–1094)")
    func g10101() {
        #expect(s.node(code: "G10101")?.score.value == 90)
        var m = MethodologyPresets.lucca2013
        m.levels[2].countsItems = false
        var plan = Lucca2013.plan()
        plan.methodology?.rules = m
        #expect(PlanScorer.score(plan).node(code: "G10101")?.score.value == .d("90.63"))
    }

    @Test("T11–T13 e progetti con ritardo (righe 732–756, 1222–1229, 1325–1334, 1405–1418)")
    func projects() {
        #expect(s.node(code: "C30101")?.score.value == 85)
        #expect(s.node(code: "C30101")?.explanation.inputs.first?.formulaLine == "95 = ritardo di 7 giorni(07/03/2013 oltre 28/02/2013)")
        #expect(s.node(code: "I20102")?.score.value == .d("93.75"))
        #expect(s.node(code: "I30104")?.score.value == .d("99.2"))
        #expect(s.node(code: "I30104")?.score.shown == "99,20")
        #expect(s.node(code: "I40101")?.score.value == .d("98.93"))
        #expect(s.node(code: "C20101")?.score.value == .d("95.75"))
    }

    @Test("T3 68,49, T4 98,99 (righe 2887–2891)")
    func sgObjective4() throws {
        let o = try #require(s.objective(code: "SG-4"))
        #expect(o.score.value == .d("68.49"))
        #expect(o.explanation.formulaLine == "68,49 = tronca a 2 decimali(media(98,99; 100; 75; 0))")
        #expect(s.indicator("a", of: "SG-4")?.score.value == .d("98.99"))
        #expect(o.score.points == 30)
    }

    @Test("T5 97,07 e 48,53; T6 98,82 e 49,4 (righe 2912–2914, 2991–2993)")
    func areaObjectives() {
        #expect(s.indicator("a", of: "AP-2")?.score.value == .d("97.07"))
        #expect(s.objective(code: "AP-2")?.score.value == .d("48.53"))
        #expect(s.indicator("a", of: "AN-2")?.score.value == .d("98.82"))
        let an2 = s.objective(code: "AN-2")!.score.value!
        #expect(an2 == .d("49.41"))
        #expect(ItalianFormatting.number(an2, fractionDigits: 1) == "49,4")
    }

    @Test("F2 PS-2: media(96,96; 0) = 48,48, il documento stampa 48,45 (righe 2953–2957)")
    func documentArithmeticError() {
        #expect(s.objective(code: "PS-2")?.score.value == .d("48.48"))
        #expect(s.objective(code: "PS-2")?.score.shown == "48,48")
    }

    @Test("T7 99,74 ≥ 90 → 100 (righe 2880–2881)")
    func sgObjective3() {
        let i = s.indicator("1", of: "SG-3")!
        #expect(i.score.measuredValue == .d("99.74"))
        #expect(i.score.value == 100)
        #expect(s.objective(code: "SG-3")?.score.value == 100)
    }

    @Test("T8 99,68 e F1 99,64 (stampato 99,65) (righe 2868–2875, 2898–2906)")
    func sharedObjective() {
        #expect(s.objective(code: "AP-1")?.score.value == .d("99.68"))
        #expect(s.objective(code: "SG-1")?.score.value == .d("99.64"))
    }

    @Test("T9 Polo Tecnologico: N.C. esclusi → 100 (righe 2916–2933)")
    func ncExcludedAtTwoLevels() {
        let o = s.objective(code: "AP-3")!
        #expect(o.score.value == 100)
        #expect(s.indicator("1", of: "AP-3")?.score.value == 100)
        #expect(s.item("a", of: "1", in: "AP-3")?.score.value == nil)
        #expect(o.score.notes.filter { $0.kind == .notComputable }.count == 2)
    }

    @Test("T19 punteggio 30 / 20 / 20 / 50 / 50 e somma del SG 180 (§4.7)")
    func points() {
        #expect(s.objective(code: "SG-4")?.score.points == 30)
        #expect(s.objective(code: "AP-2")?.score.points == 20)
        #expect(s.objective(code: "AN-2")?.score.points == 20)
        #expect(s.objective(code: "SG-1")?.score.points == 50)
        #expect(s.objective(code: "SG-3")?.score.points == 50)
        #expect(s.managers["sg"]?.score.points == 180)
    }
}
