import Foundation
import Testing
@testable import TraguardoCore

/// CCIAA Lucca, Relazione sulla performance 2017 (`seeds/004_aed7fa250b012e3d.txt`, `domain/seed-004.md`
/// §5–§6; figures of `Examples/lucca-2017/attesi.yaml`), inputs transcribed from the seed lines.
@Suite("Seed 004 — Lucca 2017")
struct Seed004Tests {
    static func plan() -> CyclePlan {
        var b = PlanBuilder(year: 2017, methodology: MethodologyPresets.lucca2017)
        // 012-004-001/1 (righe 1510–1562): almeno 2 campagne, di cui almeno 1 in ambito diverso → n. 2 / n. 1.
        b.node("012-004-001")
        b.indicator("1", .node("012-004-001"), rule: .compositeAll, items: [
            .threshold("1a", .atLeast, 2, value: 2), .threshold("1b", .atLeast, 1, value: 1)])
        // 012-004-001/2 (righe 1592–1692): gradimento 4.7 e 4.9, non inferiore a 3.
        b.indicator("2", .node("012-004-001"), rule: .compositeAll, items: [
            .threshold("2a", .atLeast, 3, value: .d("4.7")), .threshold("2b", .atLeast, 3, value: .d("4.9"))])
        // 012-004-003/1 (righe 1993–2027): domande allo sportello 2016 n. 21 → 2017 n. 33.
        b.node("012-004-003")
        var change = ItemSpec("1")
        change.rule = .changeFromBase
        change.comparator = .greaterThan
        change.target = 0
        change.value = 33
        b.indicator("1", .node("012-004-003"), baseline: 21, baselineYear: 2016, items: [change])
        // 012-004-004/1 (righe 2050–2068): target printed "> 5 giorni" on a mean time of 2,9 gg (document error).
        b.node("012-004-004")
        b.indicator("1", .node("012-004-004"), items: [.threshold("1", .greaterThan, 5, value: .d("2.9"))])
        // 011-005-004 (righe 727–1015): 1 «rinviato» → non realizzato; 2–4 «100%».
        b.node("011-005-004")
        b.indicator("1", .node("011-005-004"), items: [.done("1", false)])
        for n in 2...4 { b.indicator("\(n)", .node("011-005-004"), items: [.declared("1", 100)]) }
        // 032-003-001/3 (riga 3552): "-6,06% rispetto al 2016" < 0.
        b.node("032-003-001")
        b.indicator("3", .node("032-003-001"), items: [.threshold("1", .lessThan, 0, value: .d("-6.06"))])
        // 011-005-002/2 (righe 502–531): "___ ___", no target in 2017.
        b.node("011-005-002")
        b.indicator("2", .node("011-005-002"), rule: .declaredProgress, applicable: false, items: [.declared("1", 100)])
        return b.plan
    }

    let s = PlanScorer.score(plan(), period: "ANNO")

    @Test func indicators() {
        #expect(s.indicator("1", of: "012-004-001")?.score.value == 100)
        #expect(s.indicator("2", of: "012-004-001")?.score.value == 100)
        let change = s.indicator("1", of: "012-004-003")!
        #expect(change.score.value == 100)
        #expect(s.item("1", of: "1", in: "012-004-003")?.explanation.notes.contains("variazione 12 (57,14%) rispetto al 2016") == true)
        #expect(s.indicator("1", of: "012-004-004")?.score.value == 0)
        #expect(s.indicator("1", of: "011-005-004")?.score.value == 0)
        #expect(s.indicator("3", of: "032-003-001")?.score.value == 100)
        #expect(s.indicator("2", of: "011-005-002")?.score.value == nil)
    }

    @Test func nodes() {
        #expect(s.node(code: "012-004-001")?.score.value == 100)
        #expect(s.node(code: "011-005-004")?.score.value == 75)
        #expect(s.node(code: "011-005-002")?.score.value == nil)
        // the Ente: mean of the root nodes (no Ente objectives), N.C. node excluded
        #expect(s.entity.score.value == Decimal(100 + 100 + 0 + 75 + 100) / 5)
    }
}
