import Foundation

/// The year-end forecast of every measured item at an interim period, from the periods measured so far, and
/// whether it misses the year's target («a rischio»). The rule, printed in the interim report:
///
/// - **cumulative** items (a count that grows over the year: comparator ≥ or >, not a ratio, not a percentage,
///   not a time): the value so far projected linearly to 31 December, value × days of the year ÷ days
///   from 1 January to the period's end;
/// - **level** items (percentages, ratios, times, averages, and every ≤, < or = target): the last value measured;
/// - deadlines and milestones (`entro`, `realizzato`), and items without a numeric target or value, are not forecast.
///
/// Pure: the periods' dates come from the plan, never from the clock.
public struct YearEndForecast: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable {
        case linear = "lineare (indicatore cumulativo)"
        case lastValue = "ultimo valore (indicatore di livello)"
    }

    public enum Status: String, Hashable, Sendable {
        case onTrack = "in linea"
        case atRisk = "a rischio"
        /// No value measured yet for the item.
        case missing = "valore mancante"
        /// A deadline, a milestone, an item without a numeric target: no forecast.
        case notForecast = "non prevedibile"
    }

    public struct Line: Hashable, Sendable {
        public var itemID: String
        public var indicatorID: String
        public var comparator: Comparator?
        public var target: Decimal?
        /// The last value measured up to the period, and the period it was measured in.
        public var lastValue: Decimal?
        public var lastPeriodCode: String?
        public var method: Method?
        public var forecast: Decimal?
        public var status: Status
    }

    public var periodCode: String
    public var lines: [Line]

    /// The rule as the report states it.
    public static let ruleText =
        "Previsione a fine anno: per gli indicatori cumulativi (conteggi con target «almeno», non percentuali, "
        + "rapporti o tempi) il valore rilevato proiettato in modo lineare al 31 dicembre (valore × giorni "
        + "dell'anno ÷ giorni trascorsi alla fine del periodo); per gli indicatori di livello (percentuali, "
        + "rapporti, tempi, medie, target «al massimo» o «uguale») l'ultimo valore rilevato. «A rischio» quando "
        + "la previsione non raggiunge il target dell'anno. Scadenze e realizzazioni non hanno previsione."

    /// The lines at `period` (a code of the plan), one per item, in the plan's order.
    public static func compute(_ plan: CyclePlan, period code: String) -> YearEndForecast {
        guard let period = plan.period(code: code) else { return YearEndForecast(periodCode: code, lines: []) }
        let upTo = plan.periods.filter { $0.sequence <= period.sequence }
        let sequenceByID = Dictionary(upTo.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var latest: [String: (Measurement, MonitoringPeriod)] = [:]
        for m in plan.measurements {
            guard let p = sequenceByID[m.periodID] ?? upTo.first(where: { $0.code == m.periodID }), m.value != nil,
                  m.notComputableReason == nil
            else { continue }
            if let known = latest[m.itemID], known.1.sequence > p.sequence { continue }
            latest[m.itemID] = (m, p)
        }
        let indicators = Dictionary(plan.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let year = plan.cycle.year
        let lines = plan.items.map { item -> Line in
            let indicator = indicators[item.indicatorID]
            let yearTarget = plan.targets.first { $0.indicatorID == item.indicatorID && $0.year == year && $0.periodCode == nil }
            let comparator = item.comparator ?? yearTarget?.comparator ?? indicator?.comparator
            let target = item.targetValue ?? yearTarget?.value
            let found = latest[item.id]
            var line = Line(
                itemID: item.id, indicatorID: item.indicatorID, comparator: comparator, target: target,
                lastValue: found?.0.value, lastPeriodCode: found?.1.code, method: nil, forecast: nil, status: .notForecast)
            guard let comparator, let target, [.atLeast, .greaterThan, .atMost, .lessThan, .equal].contains(comparator) else {
                return line
            }
            guard let (measurement, measuredIn) = found, let value = measurement.value else {
                line.status = .missing
                return line
            }
            let cumulative = isCumulative(item: item, indicator: indicator, comparator: comparator, measurement: measurement)
            line.method = cumulative ? .linear : .lastValue
            let forecast = cumulative ? linear(value, through: measuredIn.endsOn, year: year) : value
            line.forecast = forecast
            line.status = meets(forecast, comparator, target) ? .onTrack : .atRisk
            return line
        }
        return YearEndForecast(periodCode: code, lines: lines)
    }

    /// Cumulative: a count to reach (≥, >), not a ratio, not a percentage, not a time or an average.
    static func isCumulative(item: MeasuredItem, indicator: Indicator?, comparator: Comparator, measurement: Measurement) -> Bool {
        guard comparator == .atLeast || comparator == .greaterThan else { return false }
        if measurement.numerator != nil || indicator?.numerator != nil || indicator?.denominator != nil { return false }
        let unit = ((item.unit ?? "") + " " + (indicator?.unit ?? "")).lowercased()
        let levelWords = ["%", "percent", "giorn", "gg", "ore", "minut", "tempo", "media", "medio", "rapporto", "indice", "€", "euro"]
        return !levelWords.contains { unit.contains($0) }
    }

    /// `value × days of the year ÷ days from 1 January to `end` (inclusive)`, rounded to 2 decimals.
    static func linear(_ value: Decimal, through end: CivilDate, year: Int) -> Decimal {
        let first = CivilDate(year: year, month: 1, day: 1).dayNumber
        let elapsed = end.dayNumber - first + 1
        let total = CivilDate(year: year, month: 12, day: 31).dayNumber - first + 1
        guard elapsed > 0, elapsed < total else { return value }
        var projected = value * Decimal(total) / Decimal(elapsed)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &projected, 2, .plain)
        return rounded
    }

    static func meets(_ value: Decimal, _ comparator: Comparator, _ target: Decimal) -> Bool {
        switch comparator {
        case .atLeast: value >= target
        case .greaterThan: value > target
        case .atMost: value <= target
        case .lessThan: value < target
        case .equal: value == target
        case .byDate, .done: true
        }
    }

    /// The items at risk, by indicator id: what the cruscotto flags.
    public var atRiskIndicators: Set<String> { Set(lines.filter { $0.status == .atRisk }.map(\.indicatorID)) }
}
