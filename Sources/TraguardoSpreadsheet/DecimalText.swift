import Foundation

/// Decimal numbers as spreadsheet files spell them: `.` as decimal separator, no exponent, no grouping.
public enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Parses `1418965`, `-0.5`, `9.9E-2`; nil when the text is not a number.
    public static func parse(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, let value = Decimal(string: trimmed, locale: posix), !value.isNaN else { return nil }
        // Decimal(string:) stops at the first character it does not understand: "12abc" must not be 12.
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return value
    }

    /// `1418965`, `99.22`, `-0.5`, `0`: the plain positional form, never an exponent.
    public static func format(_ value: Decimal) -> String {
        guard !value.isNaN else { return "0" }
        var compact = value
        NSDecimalCompact(&compact)
        let text = compact.description
        guard text.contains(where: { $0 == "e" || $0 == "E" }) else { return text }
        return expand(compact)
    }

    /// Writes significand and exponent out in full (a fallback if `description` ever used an exponent).
    private static func expand(_ value: Decimal) -> String {
        let negative = value < 0
        let magnitude = negative ? -value : value
        var digits = ""
        var significand = magnitude.significand
        var exponent = magnitude.exponent
        // Reduce the significand to an integer string.
        while significand != 0 {
            var quotient = Decimal()
            var dividend = significand / 10
            NSDecimalRound(&quotient, &dividend, 0, .down)
            let digit = significand - quotient * 10
            digits = String(NSDecimalNumber(decimal: digit).intValue) + digits
            significand = quotient
        }
        if digits.isEmpty { return "0" }
        if exponent >= 0 {
            digits += String(repeating: "0", count: exponent)
        } else {
            exponent = -exponent
            if digits.count <= exponent { digits = String(repeating: "0", count: exponent - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -exponent))
        }
        return (negative ? "-" : "") + digits
    }
}
