import Foundation

extension CivilDate {
    /// The date with the given `dayNumber` (days since 0001-01-01), the inverse of `dayNumber`.
    public init(dayNumber: Int) {
        // Civil-from-days (H. Hinnant), shifted from the Unix epoch to 0001-01-01 (day 719.162 before it).
        let z = dayNumber - 719_162 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// 1 = lunedì … 7 = domenica (0001-01-01 was a Monday).
    public var isoWeekday: Int {
        ((dayNumber % 7) + 7) % 7 + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }
}
