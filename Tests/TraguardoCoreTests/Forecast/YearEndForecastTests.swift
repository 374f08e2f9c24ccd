import Foundation
import Testing
import TraguardoCore

/// The year-end forecast of the interim report: linear for counts, last value for levels, «a rischio» when
/// the forecast misses the year's target, nothing forecast for deadlines or without a value.
@Suite("Previsione a fine anno")
struct YearEndForecastTests {
    /// 2024 (a leap year: 366 days), quarters; four items of one indicator each.
    static func plan() -> CyclePlan {
        let year = 2024
        var plan = CyclePlan(
            entity: Entity(code: "e", name: "Ente di prova"), cycle: Cycle(entityCode: "e", year: year, horizonFrom: year, horizonTo: year))
        plan.periods = MonitoringPeriod.standard(.quarters, entityCode: "e", year: year)
        func indicator(_ id: String, _ comparator: Comparator, unit: String?) -> Indicator {
            Indicator(id: id, entityCode: "e", year: year, code: id, name: id, comparator: comparator, unit: unit)
        }
        plan.indicators = [
            indicator("pratiche", .atLeast, unit: "n."), indicator("soddisfazione", .atLeast, unit: "%"),
            indicator("tempi", .atMost, unit: "giorni"), indicator("sito", .byDate, unit: nil),
            indicator("eventi", .atLeast, unit: "n."),
        ]
        plan.targets = [
            Target(id: "pratiche/t", indicatorID: "pratiche", year: year, comparator: .atLeast, value: 400),
            Target(id: "soddisfazione/t", indicatorID: "soddisfazione", year: year, comparator: .atLeast, value: 80),
            Target(id: "tempi/t", indicatorID: "tempi", year: year, comparator: .atMost, value: 5),
            Target(id: "sito/t", indicatorID: "sito", year: year, comparator: .byDate, deadline: CivilDate(year: year, month: 6, day: 30)),
            Target(id: "eventi/t", indicatorID: "eventi", year: year, comparator: .atLeast, value: 10),
        ]
        plan.items = plan.indicators.map { MeasuredItem(id: $0.id + "/a", indicatorID: $0.id, code: "a", description: $0.id) }
        let t1 = plan.periods[0].id, t2 = plan.periods[1].id
        plan.measurements = [
            Measurement(id: "1", itemID: "pratiche/a", periodID: t1, value: 90),
            Measurement(id: "2", itemID: "pratiche/a", periodID: t2, value: 182),
            Measurement(id: "3", itemID: "soddisfazione/a", periodID: t1, value: 85),
            Measurement(id: "4", itemID: "soddisfazione/a", periodID: t2, value: 78),
            Measurement(id: "5", itemID: "tempi/a", periodID: t2, value: Decimal(string: "4.5")),
            Measurement(id: "6", itemID: "sito/a", periodID: t2, date: CivilDate(year: year, month: 5, day: 2)),
        ]
        return plan
    }

    @Test func cumulativeIsLinearAndLevelIsTheLastValue() throws {
        let forecast = YearEndForecast.compute(Self.plan(), period: "T2")
        let lines = Dictionary(uniqueKeysWithValues: forecast.lines.map { ($0.itemID, $0) })
        // 182 by 30 June (182 days of 366): 182 × 366 ÷ 182 = 366 < 400.
        let count = try #require(lines["pratiche/a"])
        #expect(count.method == .linear)
        #expect(count.forecast == 366)
        #expect(count.status == .atRisk)
        // A percentage is a level: the last value, 78 < 80.
        let level = try #require(lines["soddisfazione/a"])
        #expect(level.method == .lastValue)
        #expect(level.forecast == 78)
        #expect(level.lastPeriodCode == "T2")
        #expect(level.status == .atRisk)
        // A time to keep below 5: 4,5 is in line.
        #expect(lines["tempi/a"]?.method == .lastValue)
        #expect(lines["tempi/a"]?.status == .onTrack)
        // A deadline is not forecast; a count with nothing measured is missing.
        #expect(lines["sito/a"]?.status == .notForecast)
        #expect(lines["eventi/a"]?.status == .missing)
        #expect(forecast.atRiskIndicators == ["pratiche", "soddisfazione"])
    }

    @Test func onlyThePeriodsUpToTheOneAskedCount() throws {
        // At T1: 90 by 31 March (91 days of 366): 90 × 366 ÷ 91 = 361,98 < 400; the percentage is 85 ≥ 80.
        let forecast = YearEndForecast.compute(Self.plan(), period: "T1")
        let lines = Dictionary(uniqueKeysWithValues: forecast.lines.map { ($0.itemID, $0) })
        #expect(lines["pratiche/a"]?.forecast == Decimal(string: "361.98"))
        #expect(lines["pratiche/a"]?.status == .atRisk)
        #expect(lines["soddisfazione/a"]?.forecast == 85)
        #expect(lines["soddisfazione/a"]?.status == .onTrack)
        #expect(lines["tempi/a"]?.status == .missing)
        // A count on track: 120 by 31 March projects to 482,64 ≥ 400.
        var plan = Self.plan()
        plan.measurements[0].value = 120
        #expect(YearEndForecast.compute(plan, period: "T1").lines.first { $0.itemID == "pratiche/a" }?.status == .onTrack)
        // An unknown period forecasts nothing.
        #expect(YearEndForecast.compute(plan, period: "X").lines.isEmpty)
    }

    /// Issue 18: cumulative or level is what the plan says of the indicator, not a guess from its unit. A
    /// satisfaction score in «punti» (type qualità) is a level; hours of training (type volume) accumulate; interim
    /// targets that grow towards the year's make an indicator cumulative whatever its unit.
    @Test func thePlanSaysWhetherAnIndicatorIsCumulative() throws {
        var plan = Self.plan()
        let year = 2024
        plan.indicators += [
            Indicator(id: "gradimento", entityCode: "e", year: year, code: "gradimento", name: "gradimento", type: .qualita,
                      comparator: .atLeast, unit: "punti"),
            Indicator(id: "formazione", entityCode: "e", year: year, code: "formazione", name: "formazione", type: .volume,
                      comparator: .atLeast, unit: "ore"),
            Indicator(id: "visite", entityCode: "e", year: year, code: "visite", name: "visite", comparator: .atLeast, unit: "%"),
        ]
        plan.targets += [
            Target(id: "gradimento/t", indicatorID: "gradimento", year: year, comparator: .atLeast, value: 4),
            Target(id: "formazione/t", indicatorID: "formazione", year: year, comparator: .atLeast, value: 300),
            Target(id: "visite/t", indicatorID: "visite", year: year, comparator: .atLeast, value: 100),
            Target(id: "visite/T2", indicatorID: "visite", year: year, periodCode: "T2", comparator: .atLeast, value: 50),
        ]
        plan.items += ["gradimento", "formazione", "visite"].map { MeasuredItem(id: $0 + "/a", indicatorID: $0, code: "a", description: $0) }
        let t2 = plan.periods[1].id
        plan.measurements += [
            Measurement(id: "g", itemID: "gradimento/a", periodID: t2, value: Decimal(string: "4.2")),
            Measurement(id: "f", itemID: "formazione/a", periodID: t2, value: 160),
            Measurement(id: "v", itemID: "visite/a", periodID: t2, value: 55),
        ]
        let lines = Dictionary(uniqueKeysWithValues: YearEndForecast.compute(plan, period: "T2").lines.map { ($0.itemID, $0) })
        // 4,2 points is a level (the old guess projected it to 8,45).
        let score = try #require(lines["gradimento/a"])
        #expect(score.method == .lastValue && score.basis == .type && score.forecast == Decimal(string: "4.2"))
        #expect(score.status == .onTrack)
        // 160 hours by 30 June: 160 × 366 ÷ 182 = 321,76 ≥ 300 (the old guess read «ore» as a level: 160, a rischio).
        let hours = try #require(lines["formazione/a"])
        #expect(hours.method == .linear && hours.basis == .type && hours.forecast == Decimal(string: "321.76"))
        #expect(hours.status == .onTrack)
        // Interim target 50 at T2 of 100 for the year: cumulative, whatever the «%» says.
        let visits = try #require(lines["visite/a"])
        #expect(visits.method == .linear && visits.basis == .interimTargets)
        // What the plan does not say is still decided by the unit, and the line says so.
        #expect(lines["pratiche/a"]?.basis == .unit)
        #expect(lines["tempi/a"]?.basis == .comparator)
    }
}
