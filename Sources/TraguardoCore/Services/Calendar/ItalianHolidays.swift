import Foundation

/// The national holidays of the Italian Republic (L. 260/1949 and later amendments), the days on which public
/// offices are closed in every Ente: the fixed ones, Easter Sunday and Easter Monday (Lunedì dell'Angelo).
public enum ItalianHolidays {
    /// The fixed national holidays as (month, day, name).
    public static let fixed: [(month: Int, day: Int, name: String)] = [
        (1, 1, "Capodanno"), (1, 6, "Epifania"), (4, 25, "Festa della Liberazione"), (5, 1, "Festa del lavoro"),
        (6, 2, "Festa della Repubblica"), (8, 15, "Ferragosto"), (11, 1, "Ognissanti"),
        (12, 8, "Immacolata Concezione"), (12, 25, "Natale"), (12, 26, "Santo Stefano"),
    ]

    /// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)
    }

    public static func easterMonday(_ year: Int) -> CivilDate {
        easterSunday(year).adding(days: 1)
    }

    /// Every national holiday of `year` with its name, in date order.
    public static func holidays(in year: Int) -> [(date: CivilDate, name: String)] {
        var days = fixed.map { (date: CivilDate(year: year, month: $0.month, day: $0.day), name: $0.name) }
        days.append((easterSunday(year), "Pasqua"))
        days.append((easterMonday(year), "Lunedì dell'Angelo"))
        return days.sorted { $0.date < $1.date }
    }
}
