import Foundation

/// The Carta dei servizi of a period computed from its cases instead of typed results: every row's result is
/// the summary of its cases on the Ente's working-day calendar (a row without cases is N.C.), and the rows and
/// the total are then scored by the same rules as typed results (`PlanScorer`), so the allegato reads as the
/// documents print it: TOTALE and «% RISULTATO CONSEGUITO SU N PROCESSI».
public struct ServiceCharterFromCases: Sendable {
    /// One summary per Carta row, in the Carta's order.
    public let summaries: [ServiceCaseSummary]
    /// The plan with every Carta row's result of the year replaced by the one computed from its cases.
    public let plan: CyclePlan
    /// The days counted: from the period's start (1 January without one) to its end, both included.
    public let span: DaySpan

    /// - Parameters:
    ///   - period: the period code or id (`ANNO`, `S1`); nil: the whole year.
    public init(plan source: CyclePlan, cases: [ServiceCase], period: String? = nil) {
        let year = source.cycle.year
        let chosen = period.flatMap { key in source.periods.first { $0.code == key || $0.id == key } }
        let start = chosen?.startsOn ?? CivilDate(year: year, month: 1, day: 1)
        let end = chosen?.endsOn ?? CivilDate(year: year, month: 12, day: 31)
        span = DaySpan(from: start, to: end)
        let calendar = source.entity.workingDayCalendar
        let byService = Dictionary(grouping: cases, by: \.serviceCode)
        let standards = source.serviceStandards.stableSorted { $0.sortOrder < $1.sortOrder }
        summaries = standards.map {
            ServiceCaseSummary(standard: $0, cases: byService[$0.code] ?? [], calendar: calendar, period: DaySpan(from: start, to: end))
        }
        var plan = source
        plan.serviceResults.removeAll { $0.year == year }
        plan.serviceResults += summaries.map { summary in
            var result = summary.result(year: year)
            // The printed outcome stays beside the computed one, for the declared-values check.
            result.declared = source.serviceResults.first { $0.standardID == summary.standard.id && $0.year == year }?.declared
            return result
        }
        self.plan = plan
    }
}

extension ServiceCharterFromCases {
    /// «Carta dei servizi calcolata dai casi registrati (3.572 casi, 3.560 conclusi dal 01/01/2018 al 31/12/2018),
    /// sul calendario dei giorni lavorativi dell'Ente, non dai risultati digitati.»: what `--carta-da-casi` and the
    /// web's Carta dei servizi page say above the computed rows.
    public func sourceNote(storedCases: Int) -> String {
        let counted = summaries.reduce(0) { $0 + $1.cases }
        return "Carta dei servizi calcolata dai casi registrati (\(ItalianFormatting.number(Decimal(storedCases))) casi, "
            + "\(ItalianFormatting.number(Decimal(counted))) conclusi dal \(span.from.italian) al \(span.to.italian)), "
            + "sul calendario dei giorni lavorativi dell'Ente, non dai risultati digitati."
    }
}
