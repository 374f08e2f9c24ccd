import Foundation

/// A person holding a role, optionally in a unit and for a span of years
/// (Segretario Generale, Dirigente of an area, Responsabile d'ufficio …).
public struct RoleAssignment: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var personID: String
    public var unitID: String?
    public var role: OrganisationalRole
    /// "facente funzione": acting in the role.
    public var acting: Bool
    public var fromYear: Int?
    public var toYear: Int?

    public init(
        id: String, personID: String, unitID: String? = nil, role: OrganisationalRole, acting: Bool = false,
        fromYear: Int? = nil, toYear: Int? = nil
    ) {
        self.id = id
        self.personID = personID
        self.unitID = unitID
        self.role = role
        self.acting = acting
        self.fromYear = fromYear
        self.toYear = toYear
    }

    public func isActive(in year: Int) -> Bool {
        (fromYear.map { $0 <= year } ?? true) && (toYear.map { year <= $0 } ?? true)
    }
}

public enum OrganisationalRole: String, Sendable, Codable, CaseIterable {
    case segretarioGenerale = "segretario-generale"
    case dirigente
    case capoServizio = "capo-servizio"
    case responsabileUfficio = "responsabile-ufficio"
    case posizioneOrganizzativa = "posizione-organizzativa"
    case coordinatore
    case rpct
    case oiv
    case commissario
    case presidente

    /// The Italian label a person reads.
    public var label: String {
        switch self {
        case .segretarioGenerale: "Segretario Generale"
        case .dirigente: "Dirigente"
        case .capoServizio: "Capo Servizio"
        case .responsabileUfficio: "Responsabile d'ufficio"
        case .posizioneOrganizzativa: "Posizione organizzativa"
        case .coordinatore: "Coordinatore"
        case .rpct: "Responsabile prevenzione corruzione e trasparenza"
        case .oiv: "Organismo indipendente di valutazione"
        case .commissario: "Commissario straordinario"
        case .presidente: "Presidente"
        }
    }
}
