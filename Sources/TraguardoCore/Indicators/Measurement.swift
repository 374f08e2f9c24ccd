import Foundation

/// A measurement (*valore rilevato*) of an item in a monitoring period.
///
/// It carries a typed value (number, date, done/not done, numerator and denominator), or is
/// N.C. (*non computabile*) with its reason; it may be a justified deviation (scored 100 with its
/// note shown), or carry a manual override of the score with reason and approver.
public struct Measurement: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var itemID: String
    public var periodID: String
    public var value: Decimal?
    /// Completion date, for deadlines ("7 marzo").
    public var date: CivilDate?
    /// Done / not done, for milestones.
    public var done: Bool?
    public var numerator: Decimal?
    public var denominator: Decimal?
    /// The value as entered or printed ("4,2 gg", "a vista", "n. 80 aziende").
    public var text: String?
    /// Set when the measurement is N.C.: the reason ("nessuna richiesta", "rinvio della Giunta").
    public var notComputableReason: String?
    /// A deviation accepted with a justification: scored 100, the note shown wherever the score is.
    public var justifiedDeviation: Bool
    public var justificationNote: String?
    public var override: ScoreOverride?
    public var narrative: String?
    /// References to evidence: documents, attachments, registers ("vedi allegato n. 3").
    public var evidence: [String]
    public var author: String?
    public var recordedAt: Date?
    public var provenance: Provenance?
    /// Yearly values behind a multi-year average ("media 2010-2013: 258,5"), when entered one by one.
    public var series: [YearValue]?

    public init(
        id: String, itemID: String, periodID: String, value: Decimal? = nil, date: CivilDate? = nil,
        done: Bool? = nil, numerator: Decimal? = nil, denominator: Decimal? = nil, text: String? = nil,
        notComputableReason: String? = nil, justifiedDeviation: Bool = false, justificationNote: String? = nil,
        override: ScoreOverride? = nil, narrative: String? = nil, evidence: [String] = [],
        author: String? = nil, recordedAt: Date? = nil, provenance: Provenance? = nil, series: [YearValue]? = nil
    ) {
        self.id = id
        self.itemID = itemID
        self.periodID = periodID
        self.value = value
        self.date = date
        self.done = done
        self.numerator = numerator
        self.denominator = denominator
        self.text = text
        self.notComputableReason = notComputableReason
        self.justifiedDeviation = justifiedDeviation
        self.justificationNote = justificationNote
        self.override = override
        self.narrative = narrative
        self.evidence = evidence
        self.author = author
        self.recordedAt = recordedAt
        self.provenance = provenance
        self.series = series
    }

    /// N.C.: excluded from numerator and denominator at every level.
    public var isNotComputable: Bool { notComputableReason != nil }
}

/// A score set by hand, with who approved it and why; always shown as such.
public struct ScoreOverride: Hashable, Sendable, Codable {
    public var score: Decimal
    public var reason: String
    public var approvedBy: String

    public init(score: Decimal, reason: String, approvedBy: String) {
        self.score = score
        self.reason = reason
        self.approvedBy = approvedBy
    }
}

/// One year's value of a series (multi-year averages).
public struct YearValue: Hashable, Sendable, Codable {
    public var year: Int
    public var value: Decimal

    public init(year: Int, value: Decimal) {
        self.year = year
        self.value = value
    }
}
