import Foundation

/// Numbers as Italian documents and spreadsheets write them: `1.418.965,00`, `-42,79`, `99,22%`,
/// `4,2 gg`, `30 gg.`, `€ 15.000,00`. The result is exact (`Decimal`, never `Double`); text that is
/// not such a number is `nil`, never 0.
public enum ItalianNumber {
    /// The units a number may carry after it (and `€` before), ignored when reading.
    static let units = ["%", "€", "gg.", "gg", "giorni", "giorno", "ore", "n."]

    public static func parse(_ text: String) -> Decimal? {
        var body = text.trimmingCharacters(in: .whitespaces)
        for unit in units where body.hasSuffix(unit) {
            body = String(body.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        if body.hasPrefix("€") || body.hasPrefix("n.") {
            body = String(body.dropFirst(body.hasPrefix("€") ? 1 : 2)).trimmingCharacters(in: .whitespaces)
        }
        if body.hasPrefix("+") { body.removeFirst() }
        // Thousands with dots, decimals with a comma: 1.418.965,00 | 1418965,00 | 68,4975 | 12
        guard body.wholeMatch(of: /-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?/) != nil else { return nil }
        let normalised = body.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        return Decimal(string: normalised, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// A plain machine number (`98.99`, `-3`, `1418965.00`), as YAML and JSON write them.
    public static func parseMachine(_ text: String) -> Decimal? {
        guard text.wholeMatch(of: /-?\d+(\.\d+)?([eE][-+]?\d+)?/) != nil else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}
