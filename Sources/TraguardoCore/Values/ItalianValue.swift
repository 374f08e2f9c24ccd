import Foundation

/// A value as offices write it in a *scheda di rilevazione* or a report: a number with its unit
/// (`1.418.965,00`, `99,22%`, `4,2 gg`), `a vista` (zero days), a date (`31/12/2019`, `7 marzo 2013`),
/// a deadline (`entro aprile 2013`, `entro il 31/12/2013`), done or not done (`sì`, `realizzato`, `no`),
/// the marker `N.C.`. Reading is exact and strict: text that is none of these is an error, never 0.
public enum ItalianValue: Hashable, Sendable {
    case number(Decimal, unit: ValueUnit?)
    /// «a vista»: served at the counter, 0 days.
    case atSight
    case date(CivilDate)
    /// «entro aprile 2013»: the last day allowed, and the text as written.
    case deadline(CivilDate, text: String)
    case done(Bool)
    case notComputable

    /// A number of days, for times measured against a standard (`a vista` counts as 0).
    public var days: Decimal? {
        switch self {
        case .atSight: 0
        case .number(let value, let unit) where unit == nil || unit == .days: value
        default: nil
        }
    }

    /// Reads `text`; `year` completes dates written without one (`7 marzo`). Throws an Italian message
    /// saying what was found and what was expected.
    public static func parse(_ text: String, year: Int? = nil) throws(ItalianValueError) -> ItalianValue {
        if let number = ItalianNumber.parsePlain(text) { return .number(number, unit: nil) }
        let clean = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let lower = clean.lowercased()
        if clean.isEmpty { throw ItalianValueError(found: text, reason: "il valore è vuoto") }
        if let code = SpreadsheetErrorValue.code(in: clean) {
            throw ItalianValueError(found: text, reason: "è un errore del foglio di calcolo (\(code)): la formula non ha un risultato")
        }
        if ["n.c.", "n.c", "nc", "n/c", "non computabile"].contains(lower) { return .notComputable }
        if lower == "a vista" { return .atSight }
        if let done = doneWords[lower] { return .done(done) }
        if let number = ItalianNumber.parse(clean) { return .number(number, unit: ValueUnit.of(clean)) }
        if let date = ItalianDate.parse(lower, year: year) { return .date(date) }
        if lower.hasPrefix("entro ") {
            let rest = String(lower.dropFirst("entro ".count))
            let body = rest.hasPrefix("il ") ? String(rest.dropFirst(3)) : rest
            if let date = ItalianDate.parse(body, year: year) ?? ItalianDate.monthEnd(body, year: year) {
                return .deadline(date, text: clean)
            }
        }
        throw ItalianValueError(
            found: text,
            reason: "atteso un numero (1.418.965,00; 99,22%; 4,2 gg), «a vista», una data (31/12/2019), "
                + "una scadenza («entro aprile 2013»), sì/no o «N.C.»")
    }

    static let doneWords: [String: Bool] = [
        "sì": true, "si": true, "fatto": true, "realizzato": true, "raggiunto": true, "x": true,
        "no": false, "non fatto": false, "non realizzato": false, "non raggiunto": false,
    ]
}

/// The unit written beside a number.
public enum ValueUnit: String, Hashable, Sendable {
    case percent = "%"
    case days = "gg"
    case euro = "€"

    /// Whether an indicator's unit is money («€», «euro», «migliaia di €»): its amounts print with the cents.
    public static func isMoney(_ unit: String?) -> Bool {
        guard let unit = unit?.lowercased() else { return false }
        return unit.contains("€") || unit.contains("euro")
    }

    static func of(_ text: String) -> ValueUnit? {
        let lower = text.lowercased()
        if lower.hasSuffix("%") { return .percent }
        if lower.hasPrefix("€") || lower.hasSuffix("€") { return .euro }
        if ["gg", "gg.", "giorni", "giorno"].contains(where: { lower.hasSuffix($0) }) { return .days }
        return nil
    }
}

/// Why a value could not be read: the text found and what was expected, in Italian.
public struct ItalianValueError: Error, Hashable, Sendable, CustomStringConvertible {
    public var found: String
    public var reason: String

    public var description: String { "valore «\(found)» non leggibile: \(reason)" }
}

/// The error values spreadsheets print in place of a result, in Italian and English Excel and LibreOffice.
public enum SpreadsheetErrorValue {
    public static let codes = [
        "#RIF!", "#REF!", "#DIV/0!", "#VALORE!", "#VALUE!", "#N/D", "#N/A", "#NOME?", "#NAME?", "#NUM!",
        "#NULLO!", "#NULL!", "Err:502", "Err:504", "#SPILL!", "#ESPANSIONE!", "#CALC!",
    ]

    /// The error code when `text` is one (case-insensitive), else nil.
    public static func code(in text: String) -> String? {
        let upper = text.trimmedSpaces.uppercased()
        return codes.first { $0.uppercased() == upper }
    }
}

/// Dates as Italian documents write them.
enum ItalianDate {
    static let months = [
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
        "ottobre", "novembre", "dicembre",
    ]

    /// `31/12/2019`, `31.12.2019`, `31-12-2019`, `2019-12-31`, `7 marzo 2013`, `7 marzo` (with `year`).
    static func parse(_ text: String, year: Int?) -> CivilDate? {
        if let date = numeric(text) { return date }
        if let m = text.wholeMatch(of: /(\d{1,2})(?:°|º)?\s+([a-z]+)(?:\s+(\d{4}))?/),
           let month = months.firstIndex(of: String(m.2)) {
            guard let y = m.3.map({ Int($0)! }) ?? year else { return nil }
            return valid(y, month + 1, Int(m.1)!)
        }
        return nil
    }

    /// `2019-12-31`, `31/12/2019`, `31.12.2019`, `31-12-2019`, `31/12/19` (a two-digit year is 20xx): a date
    /// written in figures, the one rule for plan files, case registers and typed values.
    static func numeric(_ text: String) -> CivilDate? {
        if let iso = CivilDate(iso: text) { return iso }
        guard let m = text.wholeMatch(of: /(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4}|\d{2})/.asciiOnlyDigits()),
              let day = Int(m.1), let month = Int(m.2), var y = Int(m.3) else { return nil }
        if m.3.count == 2 { y += 2000 }
        return valid(y, month, day)
    }

    /// `aprile 2013` → 30/04/2013 (a deadline «entro aprile» is the month's last day).
    static func monthEnd(_ text: String, year: Int?) -> CivilDate? {
        guard let m = text.wholeMatch(of: /([a-z]+)(?:\s+(\d{4}))?/),
              let month = months.firstIndex(of: String(m.1)),
              let y = m.2.map({ Int($0)! }) ?? year else { return nil }
        return CivilDate(year: y, month: month + 1, day: CivilDate.daysInMonth(year: y, month: month + 1))
    }

    private static func valid(_ year: Int, _ month: Int, _ day: Int) -> CivilDate? {
        CivilDate.isValid(year: year, month: month, day: day) ? CivilDate(year: year, month: month, day: day) : nil
    }
}

extension CivilDate {
    /// A date written in figures, blanks around it ignored: `2018-12-31`, `31/12/2018`, `31.12.2018`,
    /// `31-12-2018`, `31/12/18`. Nil when it is not one, or not a day of the calendar.
    public init?(written text: String) {
        guard let date = ItalianDate.numeric(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        self = date
    }
}
