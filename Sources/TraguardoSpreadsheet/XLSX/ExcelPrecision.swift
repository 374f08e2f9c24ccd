import Foundation

/// Excel keeps numbers as binary doubles and shows at most 15 significant digits; its files may spell a
/// value with the 17 digits of the double (`0.30000000000000004`, `99.219999999999999`). Such a value is
/// read as the 15-digit number the person saw. Integers are left alone, however long.
public enum ExcelPrecision {
    public static let significantDigits = 15

    public static func rounded(_ value: Decimal) -> Decimal {
        guard !value.isNaN, value != 0 else { return value }
        let plain = DecimalText.format(value < 0 ? -value : value)
        guard let point = plain.firstIndex(of: ".") else { return value }
        let integerPart = plain[..<point]
        let fraction = plain[plain.index(after: point)...]
        let significant: Int
        let scale: Int
        if integerPart == "0" {
            let leadingZeros = fraction.prefix { $0 == "0" }.count
            significant = fraction.count - leadingZeros
            scale = leadingZeros + significantDigits
        } else {
            significant = integerPart.count + fraction.count
            scale = significantDigits - integerPart.count
        }
        guard significant > significantDigits else { return value }
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, max(scale, 0), .plain)
        NSDecimalCompact(&result)
        return result
    }
}
