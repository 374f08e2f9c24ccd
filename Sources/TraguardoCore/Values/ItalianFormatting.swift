import Foundation

/// Numbers and dates as an Italian reader expects them: `1.418.965,00`, `68,49`, `99,22%`, `31/12/2019`.
///
/// Pure text building on `Decimal`: no locale lookup, no `Double`, so the same digits come out on every
/// machine. Rounding, when asked for, is explicit.
public enum ItalianFormatting {
    /// `1418965` → `1.418.965`; `68.4975` → `68,4975`; with `fractionDigits: 2` → `1.418.965,00`, `68,50`.
    ///
    /// - Parameters:
    ///   - fractionDigits: exact number of decimals (rounded with `rounding`, padded with zeros); nil keeps the
    ///     value's own decimals.
    ///   - grouping: thousands separator `.`.
    public static func number(
        _ value: Decimal, fractionDigits: Int? = nil, rounding: RoundingMode = .halfUp, grouping: Bool = true
    ) -> String {
        var v = value
        if let fractionDigits { v = value.rounded(rounding, digits: fractionDigits) }
        var text = v.plainDigits
        var negative = false
        if text.hasPrefix("-") {
            negative = true
            text.removeFirst()
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if let fractionDigits {
            if fraction.count < fractionDigits {
                fraction += String(repeating: "0", count: fractionDigits - fraction.count)
            } else if fraction.count > fractionDigits {
                fraction = String(fraction.prefix(fractionDigits))
            }
        }
        if integer.isEmpty { integer = "0" }
        if grouping { integer = grouped(integer) }
        let body = fraction.isEmpty ? integer : integer + "," + fraction
        let isZero = !body.contains(where: { $0 != "0" && $0 != "," && $0 != "." })
        return negative && !isZero ? "-" + body : body
    }

    /// `99.2222` with 2 digits → `99,22%`.
    public static func percent(_ value: Decimal, fractionDigits: Int? = nil, rounding: RoundingMode = .halfUp)
        -> String
    {
        number(value, fractionDigits: fractionDigits, rounding: rounding) + "%"
    }

    /// Money without the sign, always with its cents: `-391296.9` → `-391.296,90`. Every amount a person reads
    /// (explanations, documents) is written here.
    public static func amount(_ value: Decimal) -> String {
        number(value, fractionDigits: 2)
    }

    /// A value in its unit: an amount with the cents when the unit is money, else with its own decimals.
    public static func quantity(_ value: Decimal, unit: String?) -> String {
        ValueUnit.isMoney(unit) ? amount(value) : number(value)
    }

    /// `1418965` → `1.418.965,00 €`.
    public static func euro(_ value: Decimal) -> String {
        amount(value) + " €"
    }

    /// `31/12/2019`.
    public static func date(_ date: CivilDate) -> String {
        date.italian
    }

    /// `06/12/2026 10:15`, the time in Italy (Europe/Rome).
    public static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome") ?? TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(two(c.day))/\(two(c.month))/\(c.year ?? 0) \(two(c.hour)):\(two(c.minute))"
    }

    /// A score as the documents print it: integers without decimals (`100`), otherwise with the level's
    /// digits (`99,20`, `68,49`); `none` keeps the value's own decimals. `keepingDigits` writes the level's digits
    /// for an integer too, as totals are printed (`100,00`, `99,00`).
    public static func score(_ value: Decimal, digits: Int?, keepingDigits: Bool = false) -> String {
        number(value, fractionDigits: scoreFractionDigits(value, digits: digits, keepingDigits: keepingDigits))
    }

    /// How many decimals `score(value, digits:)` writes: none for an integer (unless `keepingDigits`), else
    /// `digits`, else the value's own.
    public static func scoreFractionDigits(_ value: Decimal, digits: Int?, keepingDigits: Bool = false) -> Int {
        if keepingDigits, let digits { return digits }
        if value == value.rounded(.truncate, digits: 0) { return 0 }
        return digits ?? value.fractionDigitCount
    }

    /// A number inside a formula: at most `maxDigits` decimals, an ellipsis when more were cut
    /// (`98,9941…`).
    public static func formulaNumber(_ value: Decimal, maxDigits: Int = 4) -> String {
        let cut = value.rounded(.truncate, digits: maxDigits)
        if cut == value { return number(value) }
        return number(cut, fractionDigits: maxDigits) + "…"
    }

    private static func grouped(_ digits: String) -> String {
        var out: [Character] = []
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return String(out.reversed())
    }
}

extension Decimal {
    /// Italian text of the value with its own decimals: `1.418.965`, `68,4975`.
    public var italian: String { ItalianFormatting.number(self) }

    /// How many decimals the value has of its own: 0 for `1418965`, 4 for `68.4975`.
    public var fractionDigitCount: Int {
        let parts = plainDigits.split(separator: ".", maxSplits: 1)
        return parts.count > 1 ? parts[1].count : 0
    }

    /// The digits with `.` as decimal separator and no exponent, whatever the value's internal form.
    var plainDigits: String {
        var copy = self
        return NSDecimalString(&copy, nil)
    }
}
