import Foundation

/// A service standard of the *Carta dei servizi*: a process with its maximum time in working days,
/// or "a vista" (on the spot, 0 days).
public struct ServiceStandard: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var entityCode: String
    /// The Carta's code (`3.1.1`).
    public var code: String
    public var section: String?
    public var groupName: String?
    public var process: String
    public var offices: [String]
    /// When the clock starts ("Tempo massimo da presentazione domanda").
    public var indicatorText: String?
    /// The standard in working days; 0 for "a vista".
    public var standardDays: Decimal?
    /// The standard as printed ("30 gg. (25 gg con notifiche PEC*)", "a vista").
    public var standardText: String?
    public var sortOrder: Int
    public var provenance: Provenance?

    public init(
        id: String, entityCode: String, code: String, section: String? = nil, groupName: String? = nil,
        process: String, offices: [String] = [], indicatorText: String? = nil, standardDays: Decimal? = nil,
        standardText: String? = nil, sortOrder: Int = 0, provenance: Provenance? = nil
    ) {
        self.id = id
        self.entityCode = entityCode
        self.code = code
        self.section = section
        self.groupName = groupName
        self.process = process
        self.offices = offices
        self.indicatorText = indicatorText
        self.standardDays = standardDays
        self.standardText = standardText
        self.sortOrder = sortOrder
        self.provenance = provenance
    }
}

/// The yearly compliance of a service standard.
public struct ServiceResult: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var standardID: String
    public var year: Int
    /// Measured time in working days (average over cases); 0 for "a vista".
    public var measuredDays: Decimal?
    /// As printed ("8,6 gg", "media di 78 gg su 3 procedure").
    public var measuredText: String?
    public var casesTotal: Int?
    public var casesWithinStandard: Int?
    /// Set when N.C. ("nessuna richiesta", "SOSPESO per taglio DA").
    public var notComputableReason: String?
    public var justifiedDeviation: Bool
    /// The outcome as the office declares it, without a day count («rispettato»): how a qualitative or textual
    /// standard is scored (met → 100, not met → 0).
    public var outcome: ServiceOutcome?
    public var note: String?
    public var declared: DeclaredResult?
    public var provenance: Provenance?

    public init(
        id: String, standardID: String, year: Int, measuredDays: Decimal? = nil, measuredText: String? = nil,
        casesTotal: Int? = nil, casesWithinStandard: Int? = nil, notComputableReason: String? = nil,
        justifiedDeviation: Bool = false, note: String? = nil, declared: DeclaredResult? = nil,
        provenance: Provenance? = nil
    ) {
        self.id = id
        self.standardID = standardID
        self.year = year
        self.measuredDays = measuredDays
        self.measuredText = measuredText
        self.casesTotal = casesTotal
        self.casesWithinStandard = casesWithinStandard
        self.notComputableReason = notComputableReason
        self.justifiedDeviation = justifiedDeviation
        self.note = note
        self.declared = declared
        self.provenance = provenance
    }
}

/// A declared outcome of a Carta row: the standard met or not, without a number of days.
public enum ServiceOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    case met = "rispettato"
    case notMet = "non-rispettato"
}
