import Foundation

/// What a Carta dei servizi standard asks, read from the standard as printed:
/// - `workingDays`: «25 gg.», «entro 30 giorni lavorativi» — at most N working days;
/// - `onTheSpot`: «a vista» — the same day (0 working days);
/// - `perChannel`: «30 gg. (25 gg con notifiche PEC*)» — N days, fewer on a named channel;
/// - `range`: «da 5 a 10 giorni» — met within the upper end;
/// - `qualitative`: a service that must be available («servizio disponibile», «garantito»), no day count;
/// - `textual`: any other wording; only a declared outcome can score it.
public enum ServiceStandardKind: Hashable, Sendable {
    case workingDays(Int)
    case onTheSpot
    case perChannel(days: Int, channels: [String: Int])
    case range(from: Int, to: Int)
    case qualitative(String)
    case textual(String)

    /// The kind of a standard: from its printed text, else from its number of days; nil when neither is there.
    public init?(_ standard: ServiceStandard) {
        if let text = standard.standardText?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty,
           let kind = Self(text: text, days: standard.standardDays) {
            self = kind
        } else if let days = standard.standardDays, let whole = Int(exactly: NSDecimalNumber(decimal: days).doubleValue),
                  whole >= 0 {
            self = whole == 0 ? .onTheSpot : .workingDays(whole)
        } else {
            return nil
        }
    }

    /// Reads a printed standard. `days` (the standard's number, when the plan has one) wins over the text's first
    /// number for a plain day count.
    public init?(text: String, days: Decimal? = nil) {
        let lower = text.lowercased()
        let numbers = Self.numbers(in: lower)
        if lower.contains("a vista") || lower.contains("immediat") || lower.contains("stesso giorno") {
            self = .onTheSpot
        } else if lower.hasPrefix("da "), numbers.count >= 2, lower.contains(" a "), numbers[0] <= numbers[1] {
            self = .range(from: numbers[0], to: numbers[1])
        } else if let first = numbers.first, Self.speaksOfDays(lower) {
            let base = days.flatMap { Int(exactly: NSDecimalNumber(decimal: $0).doubleValue) } ?? first
            if numbers.count >= 2, let channel = Self.channel(in: lower) {
                self = .perChannel(days: base, channels: [channel: numbers[1]])
            } else {
                self = .workingDays(base)
            }
        } else if numbers.isEmpty, ["disponib", "garantit", "assicurat", "attiv", "presente"].contains(where: lower.contains) {
            self = .qualitative(text)
        } else {
            self = .textual(text)
        }
    }

    /// The most working days a case on `channel` may take; nil for a standard without a day count.
    public func limit(forChannel channel: String?) -> Int? {
        switch self {
        case .workingDays(let days): return days
        case .onTheSpot: return 0
        case .perChannel(let days, let channels):
            if let channel, let own = channels.first(where: { $0.key.caseInsensitiveCompare(channel) == .orderedSame }) {
                return own.value
            }
            return days
        case .range(_, let to): return to
        case .qualitative, .textual: return nil
        }
    }

    /// Channels the standard names (PEC …), for checking a case's channel.
    public var channels: [String] {
        if case .perChannel(_, let channels) = self { return channels.keys.sorted() }
        return []
    }

    /// In Italian, for tables and messages: «entro 25 giorni lavorativi», «a vista», «da 5 a 10 giorni lavorativi».
    public var italian: String {
        switch self {
        case .workingDays(let days): return "entro \(days) giorni lavorativi"
        case .onTheSpot: return "a vista (in giornata)"
        case .perChannel(let days, let channels):
            let others = channels.sorted { $0.key < $1.key }.map { "\($0.value) con \($0.key)" }.joined(separator: ", ")
            return "entro \(days) giorni lavorativi (\(others))"
        case .range(let from, let to): return "da \(from) a \(to) giorni lavorativi"
        case .qualitative(let text): return "standard qualitativo: \(text)"
        case .textual(let text): return "standard testuale: \(text)"
        }
    }

    private static func speaksOfDays(_ lower: String) -> Bool {
        lower.contains("gg") || lower.contains("giorn")
    }

    /// The channel of a second, shorter limit: «(25 gg con notifiche PEC*)» → «PEC».
    private static func channel(in lower: String) -> String? {
        if lower.contains("pec") { return "PEC" }
        guard let range = lower.range(of: " con ") else { return nil }
        let rest = lower[range.upperBound...].split(whereSeparator: { !$0.isLetter }).last { !["notifica", "notifiche", "invio", "tramite"].contains(String($0)) }
        return rest.map { String($0).uppercased() }
    }

    /// The whole numbers in a text, in order («30 gg. (25 gg con…)» → [30, 25]).
    static func numbers(in text: String) -> [Int] {
        var found: [Int] = []
        var current = ""
        for character in text + " " {
            if character.isASCII && character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                if current.count <= 6, let value = Int(current) { found.append(value) }
                current = ""
            }
        }
        return found
    }
}
