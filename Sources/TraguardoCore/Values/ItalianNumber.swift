import Foundation

/// Numbers as Italian documents and spreadsheets write them: `1.418.965,00`, `-42,79`, `99,22%`,
/// `4,2 gg`, `30 gg.`, `€ 15.000,00`. The result is exact (`Decimal`, never `Double`); text that is
/// not such a number is `nil`, never 0.
public enum ItalianNumber {
    /// The units a number may carry after it (and `€` before), ignored when reading.
    static let units = ["%", "€", "gg.", "gg", "giorni", "giorno", "ore", "n."]

    public static func parse(_ text: String) -> Decimal? {
        var body = text.trimmedSpaces
        for unit in units where body.hasSuffix(unit) {
            body = String(body.dropLast(unit.count)).trimmedSpaces
            break
        }
        if body.hasPrefix("€") || body.hasPrefix("n.") {
            body = String(body.dropFirst(body.hasPrefix("€") ? 1 : 2)).trimmedSpaces
        }
        if body.hasPrefix("+") { body.removeFirst() }
        return decimal(ofItalian: body)
    }

    /// The number when `text` has only digits, `.`, `,`, `-` and `+` (`79,16`, `-1.234`, `+5`), as nearly every
    /// value of a sheet has: the same result as `parse`, without its checks for units and spaces, which such a
    /// text cannot have. nil otherwise, and when the text is not such a number (`31.12.2019` is a date).
    static func parsePlain(_ text: String) -> Decimal? {
        let utf8 = text.utf8
        guard let first = utf8.first, utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C || $0 == 0x2D || $0 == 0x2B })
        else { return nil }
        return decimal(ofItalian: first == UInt8(ascii: "+") ? String(text.dropFirst()) : text)
    }

    /// Thousands with dots, decimals with a comma: 1.418.965,00 | 1418965,00 | 68,4975 | 12, and nothing else.
    private static func decimal(ofItalian body: String) -> Decimal? {
        guard let normalised = machineText(ofItalian: body) else { return nil }
        return Decimal(string: normalised, locale: posix)
    }

    /// A plain machine number (`98.99`, `-3`, `1418965.00`), as YAML and JSON write them.
    public static func parseMachine(_ text: String) -> Decimal? {
        guard isMachineNumber(text) else { return nil }
        return Decimal(string: text, locale: posix)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// `-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?` as the same number in machine form (`1418965.00`), or nil.
    /// Read by hand, byte by byte: a sheet of a million rows reads a million numbers.
    static func machineText(ofItalian text: String) -> String? {
        let bytes = Array(text.utf8)
        var i = 0
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") {
            out.append(bytes[i])
            i += 1
        }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        // Integer part: the first group of digits, then either nothing more or groups of «.ddd».
        let start = i
        while i < bytes.count, isDigit(bytes[i]) { out.append(bytes[i]); i += 1 }
        let firstGroup = i - start
        guard firstGroup > 0 else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            guard firstGroup <= 3 else { return nil }
            while i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                guard i + 3 < bytes.count, isDigit(bytes[i + 1]), isDigit(bytes[i + 2]), isDigit(bytes[i + 3]) else { return nil }
                out.append(contentsOf: bytes[(i + 1)...(i + 3)])
                i += 4
                if i < bytes.count, isDigit(bytes[i]) { return nil }
            }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
            i += 1
            let fraction = i
            out.append(UInt8(ascii: "."))
            while i < bytes.count, isDigit(bytes[i]) { out.append(bytes[i]); i += 1 }
            guard i > fraction else { return nil }
        }
        guard i == bytes.count else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// `-?\d+(\.\d+)?([eE][-+]?\d+)?`, read by hand.
    static func isMachineNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func digits() -> Bool {
            let start = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            return i > start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() else { return false }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            guard digits() else { return false }
        }
        return i == bytes.count
    }
}
