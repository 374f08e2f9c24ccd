import Foundation

/// An organisational unit of an Ente: area dirigenziale, servizio, ufficio, posizione organizzativa,
/// centro di costo. Units form a tree through `parentID`.
public struct OrganisationalUnit: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var entityCode: String
    public var parentID: String?
    /// The Ente's own code or abbreviation (`RI`, `AA`, `CdC 12`), when it has one.
    public var code: String?
    public var name: String
    public var kind: UnitKind
    public var provenance: Provenance?

    public init(
        id: String, entityCode: String, parentID: String? = nil, code: String? = nil, name: String,
        kind: UnitKind, provenance: Provenance? = nil
    ) {
        self.id = id
        self.entityCode = entityCode
        self.parentID = parentID
        self.code = code
        self.name = name
        self.kind = kind
        self.provenance = provenance
    }
}

public enum UnitKind: String, Sendable, Codable, CaseIterable {
    case segreteriaGenerale = "segreteria-generale"
    case areaDirigenziale = "area-dirigenziale"
    case servizio
    case ufficio
    case gruppo
    case posizioneOrganizzativa = "posizione-organizzativa"
    case centroDiCosto = "centro-di-costo"
    case staff
}
