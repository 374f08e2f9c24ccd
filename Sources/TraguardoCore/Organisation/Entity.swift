import Foundation

/// An Ente: a public body that runs its own performance cycle (CCIAA Lucca, CCIAA Toscana Nord-Ovest …).
///
/// A merger makes a new Ente from several: `mergedFrom` lists their codes.
public struct Entity: Hashable, Sendable, Codable, Identifiable {
    /// Short stable code used by every command: `lucca`, `pisa`, `massa-carrara`, `toscana-nord-ovest`.
    public var code: String
    /// Legal name, e.g. "Camera di Commercio, Industria, Artigianato e Agricoltura di Lucca".
    public var name: String
    public var shortName: String?
    public var kind: EntityKind
    public var status: EntityStatus
    public var fiscalCode: String?
    public var establishedOn: CivilDate?
    /// Codes of the Enti this one was made from (a merger), in order.
    public var mergedFrom: [String]
    public var website: String?
    /// The patron saint of the Ente's seat: a closing day of its working-day calendar.
    public var patronSaint: PatronSaint?
    /// Days the Ente declares its offices closed, beyond weekends and holidays.
    public var closures: [DeclaredClosure]?
    public var provenance: Provenance?

    public var id: String { code }

    public init(
        code: String, name: String, shortName: String? = nil, kind: EntityKind = .cameraDiCommercio,
        status: EntityStatus = .active, fiscalCode: String? = nil, establishedOn: CivilDate? = nil,
        mergedFrom: [String] = [], website: String? = nil, provenance: Provenance? = nil
    ) {
        self.code = code
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.status = status
        self.fiscalCode = fiscalCode
        self.establishedOn = establishedOn
        self.mergedFrom = mergedFrom
        self.website = website
        self.provenance = provenance
    }

    /// The Ente's working-day calendar: weekends, national holidays, its patron saint and declared closures.
    public var workingDayCalendar: WorkingDayCalendar {
        WorkingDayCalendar(patronSaint: patronSaint, closures: closures ?? [])
    }
}

public enum EntityKind: String, Sendable, Codable, CaseIterable {
    case cameraDiCommercio = "camera-di-commercio"
    case aziendaSpeciale = "azienda-speciale"
    case enteLocale = "ente-locale"
    case altro
}

public enum EntityStatus: String, Sendable, Codable, CaseIterable {
    case active = "attivo"
    case underMerger = "in-accorpamento"
    case merged = "accorpato"
    case commissioned = "commissariato"
}
