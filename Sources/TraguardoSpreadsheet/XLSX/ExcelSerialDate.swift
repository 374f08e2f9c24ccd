import Foundation
import TraguardoCore

/// Excel's serial day numbers: in the 1900 system day 1 is 1900-01-01 and day 60 is the
/// non-existent 1900-02-29 that Lotus 1-2-3 invented; in the 1904 system day 0 is 1904-01-01.
public enum ExcelSerialDate {
    private static let base1900 = CivilDate(year: 1899, month: 12, day: 30).dayNumber
    private static let base1904 = CivilDate(year: 1904, month: 1, day: 1).dayNumber
    private static let firstReal1900 = CivilDate(year: 1900, month: 3, day: 1)

    /// The serial number of a date in the 1900 system; nil before 1900-01-01.
    public static func serial(of date: CivilDate) -> Int? {
        guard date.year >= 1900 else { return nil }
        let days = date.dayNumber - base1900
        return date < firstReal1900 ? days - 1 : days
    }

    /// The date of a serial number (its integral part; a time of day is dropped); nil when out of range.
    public static func date(serial value: Decimal, date1904: Bool = false) -> CivilDate? {
        guard !value.isNaN, value >= 0, value < 2_958_466 else { return nil }
        var whole = Decimal()
        var copy = value
        NSDecimalRound(&whole, &copy, 0, .down)
        let days = NSDecimalNumber(decimal: whole).intValue
        if date1904 { return CivilDate(dayNumber: base1904 + days) }
        switch days {
        case 0: return nil  // 1900-01-00: a time of day without a date
        case 1...59: return CivilDate(dayNumber: base1900 + days + 1)
        case 60: return CivilDate(year: 1900, month: 2, day: 28)  // the fictitious 29 February 1900
        default: return CivilDate(dayNumber: base1900 + days)
        }
    }
}
