import Foundation

/// The patron saint's day of an Ente's seat, a local holiday on which its offices are closed
/// (Lucca: San Paolino, 12 luglio).
public struct PatronSaint: Hashable, Sendable, Codable {
    public var name: String
    public var month: Int
    public var day: Int

    public init(name: String, month: Int, day: Int) {
        self.name = name
        self.month = month
        self.day = day
    }

    /// «San Paolino (12/07)».
    public var description: String { String(format: "%@ (%02d/%02d)", name, day, month) }
}

/// A day the Ente declares its offices closed (a *chiusura* decided by the Ente, e.g. the day between a holiday
/// and a weekend).
public struct DeclaredClosure: Hashable, Sendable, Codable {
    public var date: CivilDate
    public var reason: String?

    public init(date: CivilDate, reason: String? = nil) {
        self.date = date
        self.reason = reason
    }
}

/// A span of days, both ends included: a suspension of a case (the clock stops on each of its days).
public struct DaySpan: Hashable, Sendable, Codable {
    public var from: CivilDate
    public var to: CivilDate

    public init(from: CivilDate, to: CivilDate) {
        self.from = from
        self.to = to
    }

    public func contains(_ date: CivilDate) -> Bool { from <= date && date <= to }
}

/// The Italian working-day calendar of an Ente: Monday to Friday, except the national holidays (with Easter
/// Monday), the patron saint of the Ente's seat and the closures the Ente declares. The Carta dei servizi gives
/// its standards in these days («entro 30 giorni lavorativi»).
public struct WorkingDayCalendar: Hashable, Sendable, Codable {
    public var patronSaint: PatronSaint?
    public var closures: [DeclaredClosure]

    /// The longest span a count walks (ten years): a longer one is an input error, refused before counting.
    public static let longestSpanInDays = 3_660

    public init(patronSaint: PatronSaint? = nil, closures: [DeclaredClosure] = []) {
        self.patronSaint = patronSaint
        self.closures = closures
    }

    /// Why the offices are closed on `date` («sabato», «Lunedì dell'Angelo», «San Paolino», the declared reason),
    /// or nil on a working day.
    public func closureReason(_ date: CivilDate) -> String? {
        switch date.isoWeekday {
        case 6: return "sabato"
        case 7: return "domenica"
        default: break
        }
        if let fixed = ItalianHolidays.fixed.first(where: { $0.month == date.month && $0.day == date.day }) {
            return fixed.name
        }
        if date == ItalianHolidays.easterMonday(date.year) { return "Lunedì dell'Angelo" }
        if let patronSaint, patronSaint.month == date.month, patronSaint.day == date.day {
            return "patrono: \(patronSaint.name)"
        }
        if let closure = closures.first(where: { $0.date == date }) {
            return "chiusura dell'Ente" + (closure.reason.map { ": \($0)" } ?? "")
        }
        return nil
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool { closureReason(date) == nil }

    /// The working days a case took: the working days after the day it was received up to and including the day it
    /// was closed, leaving out every day of a suspension (the clock stops). Received and closed on the same day: 0
    /// («a vista»). nil when `closed` comes before `received` or the span is longer than `longestSpanInDays`.
    public func workingDays(from received: CivilDate, to closed: CivilDate, suspensions: [DaySpan] = []) -> Int? {
        let span = closed.dayNumber - received.dayNumber
        guard span >= 0, span <= Self.longestSpanInDays else { return nil }
        var count = 0
        var day = received
        for _ in 0..<span {
            day = day.adding(days: 1)
            if isWorkingDay(day) && !suspensions.contains(where: { $0.contains(day) }) { count += 1 }
        }
        return count
    }
}
