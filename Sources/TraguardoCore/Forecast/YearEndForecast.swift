import Foundation

/// The year-end forecast of every measured item at an interim period, from the periods measured so far, and
/// whether it misses the year's target («a rischio»). Whether an indicator is cumulative or a level is read from
/// what the plan says of it (`Basis`), in this order:
///
/// - a ratio (`rapporto`, or a numerator and denominator), a «minore è meglio» rule, a target «al massimo»,
///   «meno di» or «uguale»: a **level**;
/// - interim targets of the year's periods (`Target.periodCode`): growing towards the year's target, **cumulative**;
///   the same as the year's target, a **level**;
/// - the indicator's type: `volume` is **cumulative**; efficienza, qualità, economicità, salute economica, contesto
///   are **levels**;
/// - only when the plan says none of these (efficacia, impatto or no type): the unit decides, as a last resort
///   (percentages, times, averages, indices, euro are levels; counts are cumulative), and the line says so.
///
/// Cumulative: the value so far projected linearly to 31 December, value × days of the year ÷ days from 1 January
/// to the period's end. Level: the last value measured. Deadlines and milestones (`entro`, `realizzato`), and items
/// without a numeric target or value, are not forecast.
///
/// Pure: the periods' dates come from the plan, never from the clock.
public struct YearEndForecast: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable {
        case linear = "lineare (indicatore cumulativo)"
        case lastValue = "ultimo valore (indicatore di livello)"
    }

    /// What in the plan said whether the indicator is cumulative or a level.
    public enum Basis: String, Hashable, Sendable {
        case ratio = "rapporto"
        case comparator = "target al massimo o uguale"
        case interimTargets = "target intermedi"
        case type = "tipo di indicatore"
        case unit = "unità di misura"
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
        /// What said the method: the plan's own statement, or the unit as a last resort.
        public var basis: Basis?
        public var forecast: Decimal?
        public var status: Status
    }

    public var periodCode: String
    public var lines: [Line]

    /// The rule as the report states it.
    public static let ruleText =
        "Previsione a fine anno: per gli indicatori cumulativi il valore rilevato proiettato in modo lineare al "
        + "31 dicembre (valore × giorni dell'anno ÷ giorni trascorsi alla fine del periodo); per gli indicatori di "
        + "livello l'ultimo valore rilevato. Cumulativo o di livello lo dice il piano: i rapporti, le regole «minore è "
        + "meglio» e i target «al massimo» o «uguale» sono di livello; i target intermedi che crescono verso quello "
        + "dell'anno sono cumulativi, quelli uguali al target dell'anno di livello; il tipo «volume» è cumulativo, i "
        + "tipi efficienza, qualità, economicità, salute economica e contesto sono di livello. Solo quando il piano "
        + "non lo dice decide l'unità di misura (percentuali, tempi, medie, indici ed euro sono di livello), e la "
        + "riga lo indica. «A rischio» quando la previsione non raggiunge il target dell'anno. Scadenze e "
        + "realizzazioni non hanno previsione."

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
                lastValue: found?.0.value, lastPeriodCode: found?.1.code, method: nil, basis: nil, forecast: nil, status: .notForecast)
            guard let comparator, let target, [.atLeast, .greaterThan, .atMost, .lessThan, .equal].contains(comparator) else {
                return line
            }
            guard let (measurement, measuredIn) = found, let value = measurement.value else {
                line.status = .missing
                return line
            }
            let interim = plan.targets.filter { $0.indicatorID == item.indicatorID && $0.year == year && $0.periodCode != nil }
            let (cumulative, basis) = kind(item: item, indicator: indicator, comparator: comparator, target: target,
                                           interimTargets: interim, measurement: measurement)
            line.method = cumulative ? .linear : .lastValue
            line.basis = basis
            let forecast = cumulative ? linear(value, through: measuredIn.endsOn, year: year) : value
            line.forecast = forecast
            line.status = meets(forecast, comparator, target) ? .onTrack : .atRisk
            return line
        }
        return YearEndForecast(periodCode: code, lines: lines)
    }

    /// Cumulative or a level, and what in the plan says so (see the type's description for the order).
    static func kind(
        item: MeasuredItem, indicator: Indicator?, comparator: Comparator, target: Decimal, interimTargets: [Target],
        measurement: Measurement
    ) -> (cumulative: Bool, basis: Basis) {
        if indicator?.rule == .ratio || measurement.numerator != nil || indicator?.numerator != nil || indicator?.denominator != nil {
            return (false, .ratio)
        }
        if indicator?.rule == .lowerIsBetter || !(comparator == .atLeast || comparator == .greaterThan) { return (false, .comparator) }
        let interimValues = interimTargets.compactMap(\.value)
        if !interimValues.isEmpty {
            return (interimValues.contains { $0 < target }, .interimTargets)
        }
        switch indicator?.type {
        case .volume: return (true, .type)
        case .efficienza, .qualita, .economicita, .saluteEconomica, .contesto: return (false, .type)
        case .efficacia, .impatto, .realizzazione, nil: break
        }
        let unit = ((item.unit ?? "") + " " + (indicator?.unit ?? "")).lowercased()
        let levelWords = ["%", "percent", "giorn", "gg", "ore", "minut", "tempo", "media", "medio", "rapporto", "indice", "€", "euro"]
        return (!levelWords.contains { unit.contains($0) }, .unit)
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
