import Foundation
import Testing
@testable import TraguardoCore

/// CCIAA Lucca, "RISULTATI 2018 SEGRETARIO GENERALE" (`seeds/000_28495518298835c5.txt`, `domain/seed-000.md`
/// §4 and appendix): inputs transcribed from the seed lines, figures computed by the engine.
enum Lucca2018 {
    struct Row {
        var code: String, std: String?, stdText: String?, days: String?, daysText: String?, total: Int?, within: Int?
        var nc: String?, justified: Bool, line: String?
        init(_ code: String, std: String?, stdText: String?, days: String?, daysText: String?, total: Int?, within: Int?,
             nc: String?, justified: Bool, line: String?) {
            self.code = code; self.std = std; self.stdText = stdText; self.days = days; self.daysText = daysText
            self.total = total; self.within = within; self.nc = nc; self.justified = justified; self.line = line
        }
    }

    /// Allegato 1, righe 929–1009: the 40 rows (standard, measured time, cases, N.C., justified deviations).
    static let rows: [Row] = [
        Row("3.1.1", std: "25", stdText: "25 gg.", days: "8.6", daysText: "8,6 gg", total: 3, within: nil, nc: nil, justified: false, line: "933"),
        Row("3.1.2", std: "30", stdText: "30 gg.", days: nil, daysText: nil, total: nil, within: nil, nc: "nessuna richiesta", justified: false, line: "935"),
        Row("3.1.3", std: "30", stdText: "30 gg.", days: "30", daysText: "30 gg.", total: nil, within: nil, nc: nil, justified: false, line: "937"),
        Row("3.1.4", std: "15", stdText: "15 gg.", days: nil, daysText: nil, total: nil, within: nil, nc: "non ci sono stati reclami nel corso del 2017", justified: false, line: "939"),
        Row("3.2.1.a", std: "4", stdText: "4 gg.", days: "3.2", daysText: "3,2 gg", total: nil, within: nil, nc: nil, justified: false, line: "942"),
        Row("3.2.1.b", std: "20", stdText: "20 gg.", days: "4.4", daysText: "4,4 gg", total: nil, within: nil, nc: nil, justified: false, line: "943"),
        Row("3.2.1.c", std: "4", stdText: "4 gg. dalla data di presentazione", days: "4", daysText: "4 gg.", total: nil, within: nil, nc: nil, justified: false, line: "944"),
        Row("3.2.1.d", std: "0", stdText: "a vista", days: "0", daysText: "a vista", total: nil, within: nil, nc: nil, justified: false, line: "948"),
        Row("3.2.1.e", std: "7", stdText: "7 gg.", days: "7", daysText: "7 gg", total: nil, within: nil, nc: nil, justified: false, line: "949"),
        Row("3.2.1.f", std: "5", stdText: "5 gg.", days: "0", daysText: "a vista", total: nil, within: nil, nc: nil, justified: false, line: "950"),
        Row("3.2.1.g", std: "10", stdText: "10 gg.", days: "10", daysText: "10 gg", total: nil, within: nil, nc: nil, justified: false, line: "951"),
        Row("3.2.1.h", std: "0", stdText: "a vista", days: "0", daysText: "a vista", total: nil, within: nil, nc: nil, justified: false, line: "952"),
        Row("3.2.1.i", std: "7", stdText: "7 gg.", days: "7", daysText: "7 gg", total: nil, within: nil, nc: nil, justified: false, line: "953"),
        Row("3.2.2", std: "20", stdText: "20 gg.", days: "1", daysText: "1 gg.", total: nil, within: nil, nc: nil, justified: false, line: "955"),
        Row("3.2.3.a", std: "0", stdText: "a vista", days: "0", daysText: "a vista", total: nil, within: nil, nc: nil, justified: false, line: "957"),
        Row("3.2.3.b", std: "0", stdText: "a vista", days: "0", daysText: "a vista", total: nil, within: nil, nc: nil, justified: false, line: "958"),
        Row("3.2.3.c", std: "5", stdText: "5 gg.", days: "5", daysText: "5 gg.", total: nil, within: nil, nc: nil, justified: false, line: "959"),
        Row("3.2.3.d", std: "0", stdText: "a vista", days: "0", daysText: "a vista", total: nil, within: nil, nc: nil, justified: false, line: "960"),
        Row("3.2.4", std: "25", stdText: "25 gg.", days: "22", daysText: "19 tempo medio 22 tempo massimo", total: nil, within: nil, nc: nil, justified: false, line: "962"),
        Row("3.3.1.a", std: "30", stdText: "30 gg. (25 gg con notifiche PEC*)", days: "30", daysText: "30 gg. (25 con notifiche PEC)", total: nil, within: nil, nc: nil, justified: true, line: "968"),
        Row("3.3.1.b", std: "180", stdText: "180 gg.", days: "78", daysText: "media di 78 gg su 3 procedure", total: nil, within: nil, nc: nil, justified: true, line: "969"),
        Row("3.3.3.a", std: "12", stdText: "12 gg.", days: "10", daysText: "10 gg", total: nil, within: nil, nc: nil, justified: false, line: "971"),
        Row("3.3.3.b", std: "0", stdText: "a vista", days: "0", daysText: "a vista", total: nil, within: nil, nc: nil, justified: false, line: "972"),
        Row("3.3.4", std: "180", stdText: "180 gg.", days: "80.36", daysText: "80,36gg", total: 415, within: 414, nc: nil, justified: true, line: "974"),
        Row("3.3.5.a", std: "50", stdText: "50 gg.", days: nil, daysText: "72%", total: 78, within: 56, nc: nil, justified: false, line: "979"),
        Row("3.3.5.b", std: "4", stdText: "4 gg.", days: "4", daysText: "4 gg", total: nil, within: nil, nc: nil, justified: false, line: "980"),
        Row("3.3.5.c", std: "0", stdText: "a vista", days: "0", daysText: "a vista", total: nil, within: nil, nc: nil, justified: false, line: "981"),
        Row("3.3.6", std: "0", stdText: "a vista", days: "0", daysText: "a vista", total: nil, within: nil, nc: nil, justified: false, line: "983"),
        Row("3.3.7", std: "3", stdText: "3 gg.", days: "1.4", daysText: "1,4 gg", total: 5, within: nil, nc: nil, justified: false, line: "985"),
        Row("3.3.8", std: "15", stdText: "15 gg.", days: nil, daysText: nil, total: nil, within: nil, nc: "nessuna richiesta formale nel 2017 solo 3 richieste informali evase nei tempi", justified: false, line: "987"),
        Row("3.3.9.a", std: "0", stdText: "a vista", days: "0", daysText: "a vista", total: nil, within: nil, nc: nil, justified: false, line: "989"),
        Row("3.3.9.b", std: "3", stdText: "3 gg.", days: "1.2", daysText: "1,2 gg lavorativi", total: nil, within: nil, nc: nil, justified: false, line: "990"),
        Row("3.3.9.c", std: "10", stdText: "10 gg.", days: "5.2", daysText: "5,2 gg lavorativi", total: nil, within: nil, nc: nil, justified: false, line: "991"),
        Row("3.3.10.a", std: "0", stdText: "a vista", days: "0", daysText: "a vista", total: nil, within: nil, nc: nil, justified: false, line: "997"),
        Row("3.3.10.b", std: "3", stdText: "3 gg.", days: "3", daysText: "3gg.", total: nil, within: nil, nc: nil, justified: false, line: "998"),
        Row("3.3.10.c", std: "60", stdText: "60 gg.", days: "45", daysText: "45gg", total: nil, within: nil, nc: nil, justified: false, line: "1000"),
        Row("3.3.10.d", std: "60", stdText: "60 gg.", days: nil, daysText: "SOSPESO per taglio DA", total: nil, within: nil, nc: "SOSPESO per taglio DA (servizio sospeso per il taglio del diritto annuale)", justified: false, line: "1001"),
        Row("3.4.1.a", std: "0", stdText: "a vista", days: "0", daysText: "a vista", total: nil, within: nil, nc: nil, justified: false, line: "1004"),
        Row("3.4.1.b", std: "30", stdText: "30 gg.", days: "30", daysText: "30 gg", total: nil, within: nil, nc: nil, justified: false, line: "1005"),
        Row("3.4.1.c", std: "3", stdText: "3 gg.", days: "3", daysText: "3gg", total: nil, within: nil, nc: nil, justified: false, line: "1006"),
    ]

    static func plan() -> CyclePlan {
        var b = PlanBuilder(year: 2018, methodology: MethodologyPresets.lucca2018)
        for (i, r) in rows.enumerated() {
            let id = "cs-\(r.code)"
            b.plan.serviceStandards.append(ServiceStandard(
                id: id, entityCode: "test", code: r.code, process: "Processo \(r.code)",
                standardDays: r.std.map { .d($0) }, standardText: r.stdText, sortOrder: i,
                provenance: Provenance(source: "seeds/000_28495518298835c5.txt", lines: r.line)))
            b.plan.serviceResults.append(ServiceResult(
                id: "r\(id)", standardID: id, year: 2018, measuredDays: r.days.map { .d($0) }, measuredText: r.daysText,
                casesTotal: r.total, casesWithinStandard: r.within, notComputableReason: r.nc,
                justifiedDeviation: r.justified, note: r.justified ? "scostamenti isolati giustificati" : nil))
        }
        // Allegato 2 (righe 1013–1024): 7 procedures; n. 3 and 4 from the value against 90%.
        let printed: [(String, String?, String?)] = [("1", "97", nil), ("2", "96", nil), ("3", nil, "93.19"), ("4", nil, "99.32"),
                                                     ("5", "100", nil), ("6", "100", nil), ("7", "100", nil)]
        for (i, p) in printed.enumerated() {
            b.plan.procedures.append(MonitoredProcedure(id: "p\(p.0)", entityCode: "test", code: p.0, name: "Procedimento \(p.0)",
                                                        targetValue: p.2 == nil ? nil : 90, comparator: .atLeast, sortOrder: i))
            b.plan.procedureResults.append(ProcedureResult(id: "rp\(p.0)", procedureID: "p\(p.0)", year: 2018,
                                                           value: p.2.map { .d($0) }, score: p.1.map { .d($0) }))
        }
        // Ente objective 1 and SG-1 (righe 1096–1100, 1145): the Carta's result, then three indicators at 100.
        for code in ["ENTE-1", "SG-1"] {
            b.objective(code, kind: code == "SG-1" ? .individual : .ente, manager: code == "SG-1" ? "sg" : nil)
            b.indicator("1", .objective(code), rule: .asScore, derivedFrom: ScoreDerivation(kind: .serviceCharter))
            for n in 2...4 { b.indicator("\(n)", .objective(code), items: [.done("1", true)]) }
        }
        // Strategic objectives 2C … 3F (nodes) with their targets: 2C T4 «in corso» and 3B T1 «—» N.C.
        for code in ["2C", "2D", "2E", "3A", "3B", "3E", "3F"] {
            b.node(code)
            b.indicator("T1", .node(code), items: [code == "3B" ? .nc("1", "risultato «—»") : .declared("1", 100)])
            if code == "2C" { b.indicator("T4", .node(code), items: [.nc("1", "risultato «in corso»")]) }
        }
        // SG-4 (righe 113–927, 1148): ind. 1 from the nodes ≥ 90, 2a realizzato, 2b N.C.
        b.objective("SG-4", manager: "sg")
        b.indicator("1", .objective("SG-4"), rule: .threshold, comparator: .atLeast, target: 90,
                    derivedFrom: ScoreDerivation(kind: .nodes, codes: ["2C", "2D", "2E", "3A", "3B", "3E", "3F"]))
        b.indicator("2a", .objective("SG-4"), items: [.done("1", true)])
        b.indicator("2b", .objective("SG-4"), items: [.nc("1", "la Giunta ha rinviato la decisione sulla fusione (12/4/2018)")])
        // DIR-2 (riga 1153) and Ente objective 6 (righe 1140–1141): mean of the Areas ≥ 90 → 100.
        b.objective("DIR-2", manager: "dir")
        b.indicator("R", .objective("DIR-2"), items: [.declared("1", .d("99.62"))])
        b.objective("ENTE-6", kind: .ente)
        b.indicator("1", .objective("ENTE-6"), rule: .threshold, comparator: .atLeast, target: 90,
                    derivedFrom: ScoreDerivation(kind: .objectives, codes: ["SG-4", "DIR-2"]))
        // Procedure 6 CRM (riga 1021): four sub-targets, all met.
        b.node("CRM")
        b.indicator("6", .node("CRM"), rule: .compositeAll, items: [
            .threshold("errore", .lessThan, 5, value: .d("3.89")), .threshold("ind1", .atLeast, .d("33.85"), value: .d("37.03")),
            .threshold("ind2", .atLeast, .d("18.27"), value: .d("20.03")), .threshold("ind3", .atLeast, .d("82.85"), value: .d("84.41")),
        ])
        return b.plan
    }

    static let scores = PlanScorer.score(plan(), period: "ANNO")
}

@Suite("Seed 000 — Lucca 2018")
struct Seed000Tests {
    let s = Lucca2018.scores

    @Test("T1 Carta dei servizi 3572/36 = 99,22; T2 56/78 → 72; T3 tempi entro lo standard")
    func serviceCharter() throws {
        let total = try #require(s.serviceCharter)
        #expect(total.score.value == .d("99.22"))
        #expect(total.explanation.notes.contains("totale 3.572 su 36 processi computati"))
        #expect(s.serviceRows["cs-3.3.5.a"]?.score.value == 72)
        for code in ["3.1.1", "3.2.1.a", "3.2.1.b", "3.1.3", "3.2.1.f", "3.2.1.d"] {
            #expect(s.serviceRows["cs-\(code)"]?.score.value == 100, "\(code)")
        }
        #expect(s.serviceRows["cs-3.3.4"]?.score.isJustifiedDeviation == true)
        #expect(s.serviceRows.values.filter { $0.score.value == nil }.count == 4)
    }

    @Test("T5 procedimenti (93,19%) 100% e X1 media 99,00 (stampato 98,84)")
    func procedures() {
        #expect(s.procedures["p3"]?.score.value == 100)
        #expect(s.procedures["p3"]?.explanation.formulaLine == "100 = massimo 100(proporzionale(93,19 / 90 × 100))")
        #expect(s.procedures["p4"]?.score.value == 100)
        #expect(s.procedureTotal?.score.value == 99)
    }

    @Test("T6 CRM: tutti i sotto-target raggiunti → 100")
    func compositeAll() {
        #expect(s.indicator("6", of: "CRM")?.score.value == 100)
    }

    @Test("T7 99,75: l'indicatore dalla Carta entra arrotondato all'intero (riga 1096)")
    func enteObjective1() {
        #expect(s.indicator("1", of: "ENTE-1")?.score.value == 99)
        #expect(s.indicator("1", of: "ENTE-1")?.score.measuredValue == .d("99.22"))
        #expect(s.objective(code: "ENTE-1")?.score.value == .d("99.75"))
        #expect(s.objective(code: "SG-1")?.score.value == .d("99.75"))
        // without the rounding of derived indicators it would be 99,81
        var plan = Lucca2018.plan()
        plan.methodology?.rules.derivedIndicatorRounding = nil
        #expect(PlanScorer.score(plan).objective(code: "ENTE-1")?.score.value == .d("99.81"))
    }

    @Test("T9 SG-4 = 100 con 2b N.C.; nodi con target N.C. esclusi")
    func sgObjective4() {
        #expect(s.node(code: "2C")?.score.value == 100)
        #expect(s.node(code: "3B")?.score.value == nil)
        #expect(s.objective(code: "SG-4")?.score.value == 100)
        #expect(s.objective(code: "SG-4")?.score.notes.contains { $0.text.contains("rinviato la decisione") } == true)
    }

    @Test("T8, T10 obiettivo di Ente 6: media d'Area 99,81 ≥ 90 → 100")
    func enteObjective6() {
        let i = s.indicator("1", of: "ENTE-6")!
        #expect(i.score.measuredValue == .d("99.81"))
        #expect(i.score.value == 100)
        #expect(s.objective(code: "ENTE-6")?.score.value == 100)
        #expect(s.objective(code: "DIR-2")?.score.value == .d("99.62"))
    }

    @Test("Ente e metodologia registrata")
    func entityAndMethodology() {
        #expect(s.entity.score.value != nil)
        #expect(s.methodology.versionID == "test/2018/v1")
        #expect(s.methodology.name == "SMVP CCIAA Lucca 2018 (ricostruito)")
    }
}
