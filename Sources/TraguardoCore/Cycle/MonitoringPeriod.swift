import Foundation

/// A monitoring period of an Ente-year: a quarter, a half-year, 30 September, year end …
/// Configurable per Ente; a closed period is a frozen snapshot.
public struct MonitoringPeriod: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var entityCode: String
    public var year: Int
    /// Short code used by `--period`: `T1`, `S1`, `30-09`, `ANNO` …
    public var code: String
    public var name: String
    public var kind: PeriodKind
    public var startsOn: CivilDate?
    public var endsOn: CivilDate
    /// Position in the year, for ordering and for "previous period".
    public var sequence: Int
    public var status: PeriodStatus

    public init(
        id: String, entityCode: String, year: Int, code: String, name: String, kind: PeriodKind,
        startsOn: CivilDate? = nil, endsOn: CivilDate, sequence: Int, status: PeriodStatus = .open
    ) {
        self.id = id
        self.entityCode = entityCode
        self.year = year
        self.code = code
        self.name = name
        self.kind = kind
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.sequence = sequence
        self.status = status
    }

    /// The standard periods of a year for a given scheme (quarters, half-years, 30 September, year end).
    public static func standard(_ scheme: PeriodScheme, entityCode: String, year: Int) -> [MonitoringPeriod] {
        func period(_ code: String, _ name: String, _ kind: PeriodKind, _ month: Int, _ day: Int, _ seq: Int)
            -> MonitoringPeriod
        {
            MonitoringPeriod(
                id: "\(entityCode)/\(year)/\(code)", entityCode: entityCode, year: year, code: code, name: name,
                kind: kind, endsOn: CivilDate(year: year, month: month, day: day), sequence: seq)
        }
        switch scheme {
        case .quarters:
            return [
                period("T1", "Primo trimestre", .quarter, 3, 31, 1),
                period("T2", "Secondo trimestre", .quarter, 6, 30, 2),
                period("T3", "Terzo trimestre", .quarter, 9, 30, 3),
                period("ANNO", "Consuntivo annuale", .yearEnd, 12, 31, 4),
            ]
        case .halfYears:
            return [
                period("S1", "Primo semestre", .halfYear, 6, 30, 1),
                period("ANNO", "Consuntivo annuale", .yearEnd, 12, 31, 2),
            ]
        case .septemberAndYearEnd:
            return [
                period("30-09", "Stato di attuazione al 30 settembre", .september30, 9, 30, 1),
                period("ANNO", "Consuntivo annuale", .yearEnd, 12, 31, 2),
            ]
        case .yearEndOnly:
            return [period("ANNO", "Consuntivo annuale", .yearEnd, 12, 31, 1)]
        }
    }
}

public enum PeriodKind: String, Sendable, Codable, CaseIterable {
    case quarter = "trimestre"
    case halfYear = "semestre"
    case september30 = "30-settembre"
    case yearEnd = "annuale"
    case other = "altro"
}

public enum PeriodStatus: String, Sendable, Codable, CaseIterable {
    case open = "aperto"
    case closed = "chiuso"
}

public enum PeriodScheme: String, Sendable, Codable, CaseIterable {
    case quarters = "trimestri"
    case halfYears = "semestri"
    case septemberAndYearEnd = "settembre-e-anno"
    case yearEndOnly = "solo-anno"
}
