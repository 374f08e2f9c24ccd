import Foundation

/// A service's cases in a period, counted on the Ente's working-day calendar: how many, the mean and maximum
/// working days, how many within the standard, how many late with a justification; and the row's result for the
/// Carta as the methodology scores it (seed 000 §4.1):
/// - no concluded case in the period → N.C. («nessun caso»);
/// - every case within the standard → 100 (share of cases within the standard: 100%);
/// - the only late cases are justified → 100, a justified deviation, the reasons in the note;
/// - otherwise the share of cases within the standard (justified ones counted as within), rounded by the
///   methodology's row rule (Verifica periodica: 56 su 78 → 72).
/// Cases not concluded, or closed outside the period, are not counted. The mean leaves out the justified late
/// cases (the lodo: «media di 78 gg su 3 procedure», the one with a proroga left out).
public struct ServiceCaseSummary: Hashable, Sendable {
    public var standard: ServiceStandard
    public var kind: ServiceStandardKind?
    public var cases: Int
    public var meanDays: Decimal?
    public var maximumDays: Int?
    public var withinStandard: Int
    /// Late cases with a reason.
    public var justified: Int
    /// Late cases without a reason.
    public var late: Int
    /// The reasons of the justified cases, «protocollo: motivo».
    public var justifications: [String]
    /// Cases not concluded in the period (open at its end, or extinct): not counted.
    public var notConcluded: Int
    /// Set when the standard has no day count: the cases cannot be judged against it.
    public var withoutDayLimit: Bool

    /// Counts `cases` (all of `standard`'s, any period) closed within `period` (both ends included).
    public init(standard: ServiceStandard, cases: [ServiceCase], calendar: WorkingDayCalendar, period: DaySpan) {
        self.standard = standard
        kind = ServiceStandardKind(standard)
        var counted: [Int] = []
        var meanParts: [Int] = []
        var within = 0, justified = 0, late = 0, notConcluded = 0
        var reasons: [String] = []
        var noLimit = false
        for item in cases where item.serviceCode == standard.code {
            guard let closed = item.closed else {
                if period.contains(item.received) { notConcluded += 1 }
                continue
            }
            guard period.contains(closed) else { continue }
            guard let days = calendar.workingDays(from: item.received, to: closed, suspensions: item.suspensions) else {
                notConcluded += 1
                continue
            }
            counted.append(days)
            guard let limit = kind?.limit(forChannel: item.channel) else {
                noLimit = true
                meanParts.append(days)
                continue
            }
            if days <= limit {
                within += 1
                meanParts.append(days)
            } else if let reason = item.justification, !reason.isEmpty {
                justified += 1
                reasons.append("\(item.caseID): \(reason)")
            } else {
                late += 1
                meanParts.append(days)
            }
        }
        self.cases = counted.count
        self.meanDays = meanParts.isEmpty ? nil : Decimal(meanParts.reduce(0, +)) / Decimal(meanParts.count)
        self.maximumDays = counted.max()
        self.withinStandard = within
        self.justified = justified
        self.late = late
        self.justifications = reasons
        self.notConcluded = notConcluded
        self.withoutDayLimit = noLimit
    }

    /// The share of counted cases within the standard, in % (unrounded); nil without cases.
    public var shareWithinStandard: Decimal? {
        cases == 0 ? nil : Decimal(withinStandard) * 100 / Decimal(cases)
    }

    /// The row's yearly result as the scoring reads it: the cases, the mean, and N.C. or the justified deviation.
    public func result(year: Int) -> ServiceResult {
        var result = ServiceResult(id: "\(standard.id)/casi/\(year)", standardID: standard.id, year: year)
        result.measuredDays = meanDays.map { $0.rounded(.halfUp, digits: 2) }
        result.measuredText = measuredText
        if cases == 0 {
            result.notComputableReason = notConcluded > 0
                ? "nessun caso concluso nel periodo (\(notConcluded) non conclusi)" : "nessun caso nel periodo"
            return result
        }
        if withoutDayLimit {
            result.notComputableReason = "lo standard «\(standard.standardText ?? "")» non è un numero di giorni: i casi non si possono confrontare"
            return result
        }
        if late == 0 && justified > 0 {
            result.justifiedDeviation = true
            result.note = "\(justified) casi oltre lo standard, giustificati — " + justifications.joined(separator: "; ")
            return result
        }
        result.casesTotal = cases
        result.casesWithinStandard = withinStandard + justified
        return result
    }

    /// «media 8,67 gg, massimo 12 gg su 3 casi».
    public var measuredText: String {
        guard cases > 0 else { return "nessun caso" }
        var parts: [String] = []
        if let meanDays { parts.append("media \(ItalianFormatting.number(meanDays.rounded(.halfUp, digits: 2))) gg") }
        if let maximumDays { parts.append("massimo \(maximumDays) gg") }
        return parts.joined(separator: ", ") + " su \(cases) casi"
    }
}
