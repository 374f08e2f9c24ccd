import Foundation

/// A measurement's value as a person enters it, in a *scheda di rilevazione*, on the web or in a what-if:
/// an Italian value (`95`, `4,2 gg`, `a vista`, `31/12/2019`, `sì`, `N.C.`) or a count over a total
/// (`43/47`: cases within the standard over all cases, a numerator over a denominator).
public enum EnteredValue: Hashable, Sendable {
    case value(ItalianValue)
    case ratio(Decimal, Decimal)

    public static func parse(_ text: String, year: Int?) throws(ItalianValueError) -> EnteredValue {
        // `43/47`: exactly one slash, a number on each side (a date has two slashes).
        let sides = text.utf8.contains(UInt8(ascii: "/")) ? text.split(separator: "/", omittingEmptySubsequences: false) : []
        if sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty,
           let numerator = ItalianNumber.parse(String(sides[0])), let denominator = ItalianNumber.parse(String(sides[1])) {
            guard denominator != 0 else { throw ItalianValueError(found: text, reason: "il denominatore è 0") }
            return .ratio(numerator, denominator)
        }
        return .value(try ItalianValue.parse(text, year: year))
    }

    public var isNotComputable: Bool { self == .value(.notComputable) }

    /// Puts the value in `m` in place of whatever value it had (number, date, done, counts); the N.C.
    /// reason is set by the caller, who knows it.
    public func apply(to m: inout Measurement) {
        m.value = nil
        m.date = nil
        m.done = nil
        m.numerator = nil
        m.denominator = nil
        switch self {
        case .ratio(let numerator, let denominator):
            m.numerator = numerator
            m.denominator = denominator
        case .value(.number(let value, _)): m.value = value
        case .value(.atSight): m.value = 0
        case .value(.date(let date)), .value(.deadline(let date, _)): m.date = date
        case .value(.done(let done)): m.done = done
        case .value(.notComputable): break
        }
    }
}
