import Foundation

/// A version of a plan as a person names it: its number (`3`, `v3`) or a day (`20/12/2018`, `2018-12-20`: the
/// last version saved by the end of that day, UTC). Read the same way by `traguardo diff` and the web page.
public enum PlanVersionReference: Hashable, Sendable {
    case number(Int)
    case day(CivilDate)

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard trimmed.count <= 20 else { return nil }
        let digits = trimmed.hasPrefix("v") ? String(trimmed.dropFirst()) : trimmed
        if let number = Int(digits), number > 0 {
            self = .number(number)
        } else if let date = CivilDate(iso: trimmed) {
            self = .day(date)
        } else {
            let parts = trimmed.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 3, CivilDate.isValid(year: parts[2], month: parts[1], day: parts[0]) else { return nil }
            self = .day(CivilDate(year: parts[2], month: parts[1], day: parts[0]))
        }
    }

    /// The number of the version named among `versions` (oldest first), nil when none matches.
    public func resolve(in versions: [PlanVersion]) -> Int? {
        switch self {
        case .number(let number):
            return versions.contains { $0.number == number } ? number : nil
        case .day(let day):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            return versions.last { version in
                let parts = calendar.dateComponents([.year, .month, .day], from: version.at)
                return CivilDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0) <= day
            }?.number
        }
    }

    public static let expected = "un numero di versione (3 o v3) o una data (20/12/2018 o 2018-12-20)"
}
