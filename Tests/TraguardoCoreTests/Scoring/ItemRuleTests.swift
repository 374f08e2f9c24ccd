import Foundation
import Testing
@testable import TraguardoCore

/// Scores one item in a one-indicator plan and returns it.
func scoreOne(_ spec: ItemSpec, methodology: Methodology = MethodologyPresets.standard, indicatorRule: ScoringRuleKind? = nil,
              unit: String? = nil, polarity: Polarity? = nil, baseline: Decimal? = nil, baselineYear: Int? = nil)
    -> ScoredElement
{
    var b = PlanBuilder(year: 2013, methodology: methodology)
    b.node("P")
    b.indicator("1", .node("P"), rule: indicatorRule, unit: unit, polarity: polarity, baseline: baseline,
                baselineYear: baselineYear, items: [spec])
    let scores = PlanScorer.score(b.plan, period: "ANNO")
    return scores.item(spec.code, of: "1", in: "P")!
}

@Suite("Regole degli item")
struct ItemRuleTests {
    @Test func thresholdMetIsCappedAt100() {
        // seed 001 riga 806: "almeno 10 eventi" → 23
        let s = scoreOne(.threshold("1", .atLeast, 10, value: 23))
        #expect(s.score.value == 100)
        #expect(s.explanation.formulaLine == "100 = soglia raggiunta(23 ≥ 10)")
    }

    @Test func thresholdMissedIsZeroOrProportional() {
        #expect(scoreOne(.threshold("1", .atLeast, 10, value: 8)).score.value == 0)
        var m = MethodologyPresets.standard
        m.thresholdMiss = .proportional
        #expect(scoreOne(.threshold("1", .atLeast, 10, value: 8), methodology: m).score.value == 80)
    }

    @Test func proportionalPartialQuantity() {
        // seed 001 riga 1091: "n. 2 video promozionali" → 1 = 50
        #expect(scoreOne(.partial("1", got: 1, of: 2)).score.value == 50)
        // seed 001 riga 691: "43 su 47 = 91%" (91,49 truncated to an integer in the Lucca 2013 preset)
        let lucca = scoreOne(.partial("1", got: 43, of: 47), methodology: MethodologyPresets.lucca2013)
        #expect(lucca.score.value == 91)
        #expect(lucca.explanation.formulaLine == "91 = tronca all'intero(proporzionale(43 / 47 × 100))")
        // the standard rules round half-up to 2 decimals
        #expect(scoreOne(.partial("1", got: 43, of: 47)).score.value == .d("91.49"))
    }

    @Test func overAchievementOnlyWhenAllowed() {
        #expect(scoreOne(.partial("1", got: 3, of: 2)).score.value == 100)
        var m = MethodologyPresets.standard
        m.allowOverAchievement = true
        #expect(scoreOne(.partial("1", got: 3, of: 2), methodology: m).score.value == 150)
    }

    @Test func declaredProgressTakenAsEntered() {
        // seed 001 riga 1386: "realizzazione 100% attività piano di azione 2013" → 36%
        let s = scoreOne(.declared("1", 36))
        #expect(s.score.value == 36)
        #expect(s.explanation.formulaLine == "36 = avanzamento dichiarato(36)")
    }

    @Test func deadlineOnTimeAndLate() {
        let lucca = MethodologyPresets.lucca2013
        #expect(scoreOne(.deadline("1", due: day(2013, 4, 30), on: day(2013, 4, 30)), methodology: lucca).score.value == 100)
        // seed 001 riga 750: "entro febbraio" → "7 marzo = 95%"
        let late = scoreOne(.deadline("1", due: day(2013, 2, 28), on: day(2013, 3, 7)), methodology: lucca)
        #expect(late.score.value == 95)
        #expect(late.explanation.formulaLine == "95 = ritardo di 7 giorni(07/03/2013 oltre 28/02/2013)")
        #expect(scoreOne(.deadline("1", due: day(2013, 2, 28), on: day(2013, 4, 11)), methodology: lucca).score.value == 85)
        #expect(scoreOne(.deadline("1", due: day(2013, 2, 28), on: day(2014, 2, 28)), methodology: lucca).score.value == 0)
        #expect(scoreOne(.deadline("1", due: day(2013, 11, 30), on: nil, done: false), methodology: lucca).score.value == 0)
    }

    @Test func doneOrNotDone() {
        #expect(scoreOne(.done("1", true)).score.value == 100)
        let no = scoreOne(.done("1", false))
        #expect(no.score.value == 0)
        #expect(no.explanation.formulaLine == "0 = non realizzato")
    }

    @Test func notComputableKeepsItsReason() {
        let s = scoreOne(.nc("1", "rinvio della Giunta"))
        #expect(s.score.value == nil)
        #expect(s.score.shown == "N.C.")
        #expect(s.score.notes.contains { $0.kind == .notComputable && $0.text.contains("rinvio della Giunta") })
    }

    @Test func lowerIsBetter() {
        // seed 001 riga 601: "inferiore a 5 giorni" → 4,2 gg
        var s = ItemSpec("1")
        s.rule = .lowerIsBetter
        s.comparator = .lessThan
        s.target = 5
        s.value = .d("4.2")
        #expect(scoreOne(s).score.value == 100)
        s.value = 6
        #expect(scoreOne(s).score.value == .d("83.33"))
    }

    @Test func ratioAgainstThreshold() {
        // seed 001 riga 1238: "N. contratti attivati / N. contratti in scadenza … 1 o > di 1" → 1
        var s = ItemSpec("1")
        s.rule = .ratio
        s.comparator = .atLeast
        s.target = 1
        s.numerator = 4
        s.denominator = 4
        #expect(scoreOne(s).score.value == 100)
        // a % ratio: verbali definiti / pervenuti "=> 95%" (riga 677)
        s.target = 95
        s.numerator = 90
        s.denominator = 100
        #expect(scoreOne(s, unit: "%").score.value == 0)
        s.numerator = 96
        #expect(scoreOne(s, unit: "%").score.value == 100)
        s.denominator = 0
        #expect(scoreOne(s, unit: "%").score.value == nil)
    }

    @Test func multiYearAverageAgainstBaseline() {
        // seed 001 riga 697: media 2010-2013 258,5 vs media 2007-2009 197,33
        var s = ItemSpec("1")
        s.rule = .multiYearAverage
        s.value = .d("258.5")
        let met = scoreOne(s, baseline: .d("197.33"))
        #expect(met.score.value == 100)
        // riga 726: 7,33 vs 10, not met
        s.value = .d("7.33")
        #expect(scoreOne(s, baseline: 10).score.value == 0)
        // from the yearly values: (67 × 3 + 69) / 4 = 67,5 (riga 828, D2-I01) against 88
        s.value = nil
        s.series = [YearValue(year: 2010, value: 67), YearValue(year: 2011, value: 67),
                    YearValue(year: 2012, value: 67), YearValue(year: 2013, value: 69)]
        let series = scoreOne(s, baseline: 88)
        #expect(series.score.value == 0)
        #expect(series.score.measuredValue == .d("67.5"))
    }

    @Test func changeFromBaseYear() {
        // seed 000 righe 764–769: 3.458.488,29 − 3.920.649,00 (2014) = −462.160,71 (−11,8%)
        var s = ItemSpec("1")
        s.rule = .changeFromBase
        s.comparator = .lessThan
        s.target = 0
        s.value = .d("3458488.29")
        let r = scoreOne(s, unit: "€", polarity: .decreasing, baseline: .d("3920649.00"), baselineYear: 2014)
        #expect(r.score.value == 100)
        #expect(r.score.measuredValue == .d("-462160.71"))
        let pct = r.score.measuredValue! / .d("3920649.00") * 100
        #expect(ItalianFormatting.number(pct, fractionDigits: 1) == "-11,8")
        #expect(r.explanation.notes.contains("variazione -462.160,71 (-11,79%) rispetto al 2014"))
        // seed 004 righe 1993–1995: sportello 2016 n. 21 → 2017 n. 33 (+57,14%) > 0
        var up = ItemSpec("1")
        up.rule = .changeFromBase
        up.comparator = .greaterThan
        up.target = 0
        up.value = 33
        let u = scoreOne(up, baseline: 21, baselineYear: 2016)
        #expect(u.score.value == 100)
        #expect(ItalianFormatting.number(u.score.measuredValue! / 21 * 100, fractionDigits: 2) == "57,14")
    }

    @Test func shareWithinStandard() {
        // seed 000 riga 979: 78 verifiche, 56 entro 50 gg → 71,79 → 72
        var s = ItemSpec("1")
        s.rule = .shareWithinStandard
        s.numerator = 56
        s.denominator = 78
        var m = MethodologyPresets.standard
        m.levels = [LevelRule(level: .item, rounding: .halfUp, digits: 0)]
        let r = scoreOne(s, methodology: m)
        #expect(r.score.value == 72)
        #expect(r.explanation.formulaLine == "72 = arrotonda all'intero(quota entro lo standard(56 / 78 × 100))")
    }

    @Test func timeWithinStandardWithOnTheSpot() {
        var s = ItemSpec("1")
        s.rule = .timeWithinStandard
        s.target = 25
        s.value = .d("8.6")
        #expect(scoreOne(s).score.value == 100)
        s.target = 30
        s.value = 30
        #expect(scoreOne(s).score.value == 100)
        // "a vista" counts as 0 days (seed 000 riga 950: a vista vs 5 gg)
        s.target = 5
        s.value = nil
        s.text = "a vista"
        #expect(scoreOne(s).score.value == 100)
        s.target = nil
        s.targetText = "a vista"
        #expect(scoreOne(s).score.value == 100)
        s.text = nil
        s.value = 2
        #expect(scoreOne(s).score.value == 0)
    }

    @Test func justifiedDeviationScores100WithItsNote() {
        var s = ItemSpec.threshold("1", .atMost, 180, value: 186)
        s.justified = true
        s.note = "1 ordinanza emessa dopo 186 gg per ottenere il pagamento in via bonaria"
        let r = scoreOne(s)
        #expect(r.score.value == 100)
        #expect(r.score.isJustifiedDeviation)
        #expect(r.explanation.notes.first?.contains("pagamento in via bonaria") == true)
    }

    @Test func manualOverrideIsFlagged() {
        // seed 001 riga 978: E30101 1a "entro marzo" → "14-ago" still scored 100
        var s = ItemSpec.deadline("1a", due: day(2013, 3, 31), on: day(2013, 8, 14))
        s.override = ScoreOverride(score: 100, reason: "ritardo dovuto a cause esterne", approvedBy: "Segretario Generale")
        let r = scoreOne(s, methodology: MethodologyPresets.lucca2013)
        #expect(r.score.value == 100)
        #expect(r.score.isOverridden)
        #expect(r.score.notes.first?.text.contains("approvato da Segretario Generale") == true)
        #expect(r.explanation.formulaLine == "100 = modifica manuale(100)")
    }

    @Test func targetNotApplicableIsNotComputable() {
        // seed 004 riga 531: "___ ___" no target in 2017
        var b = PlanBuilder(year: 2017, methodology: MethodologyPresets.lucca2017)
        b.node("011-005-002")
        var spec = ItemSpec.declared("1", 100)
        spec.rule = nil
        b.indicator("2", .node("011-005-002"), rule: .declaredProgress, applicable: false, items: [spec])
        let scores = PlanScorer.score(b.plan)
        #expect(scores.indicator("2", of: "011-005-002")?.score.value == nil)
    }
}
