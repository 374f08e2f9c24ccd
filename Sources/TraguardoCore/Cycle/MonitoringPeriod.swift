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
    /// The day the offices may start entering the period's values (the calendar of the year); nil: not set.
    /// Optional so that periods stored before the calendar existed are still read.
    public var opensOn: CivilDate?
    /// The day by which the offices must have submitted the period's values; nil: not set.
    public var deadline: CivilDate?
    /// Why the period was reopened, when its status is `riaperto`.
    public var reopenReason: String?

    public init(
        id: String, entityCode: String, year: Int, code: String, name: String, kind: PeriodKind,
        startsOn: CivilDate? = nil, endsOn: CivilDate, sequence: Int, status: PeriodStatus = .open,
        opensOn: CivilDate? = nil, deadline: CivilDate? = nil, reopenReason: String? = nil
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
        self.opensOn = opensOn
        self.deadline = deadline
        self.reopenReason = reopenReason
    }

    /// «Primo trimestre (T1)».
    public var label: String { "\(name) (\(code))" }

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

/// Where a period is in the year: `da aprire → aperto → in verifica → chiuso`, and `riaperto` (with a reason)
/// after a close. The stored codes `aperto` and `chiuso` are those of the periods stored before the calendar.
public enum PeriodStatus: String, Sendable, Codable, CaseIterable {
    case toOpen = "da-aprire"
    case open = "aperto"
    case underReview = "in-verifica"
    case closed = "chiuso"
    case reopened = "riaperto"

    /// The Italian label a person reads.
    public var label: String {
        switch self {
        case .toOpen: "da aprire"
        case .open: "aperto"
        case .underReview: "in verifica"
        case .closed: "chiuso"
        case .reopened: "riaperto"
        }
    }

    /// Whether the offices may enter and change values in a period in this status (aperto, riaperto).
    public var acceptsEntries: Bool { self == .open || self == .reopened }
}

public enum PeriodScheme: String, Sendable, Codable, CaseIterable {
    case quarters = "trimestri"
    case halfYears = "semestri"
    case septemberAndYearEnd = "settembre-e-anno"
    case yearEndOnly = "solo-anno"
}

extension Sequence where Element == MonitoringPeriod {
    /// The latest period (by sequence) that accepts entries (aperto or riaperto): «the open period» of the
    /// pages and forms.
    public var latestOpen: MonitoringPeriod? {
        filter { $0.status.acceptsEntries }.max { $0.sequence < $1.sequence }
    }

    /// The period whose results a summary shows when none is asked for: the open period, else the latest one
    /// already opened (in verifica, chiuso); nil while none has been opened.
    public var resultsPeriod: MonitoringPeriod? {
        latestOpen ?? filter { $0.status != .toOpen }.max { $0.sequence < $1.sequence }
    }
}
