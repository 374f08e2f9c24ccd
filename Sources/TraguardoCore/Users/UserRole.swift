/// What a user of the web server and of the API is: the one list of roles, stored by its code in the users table
/// (`UserAccount.role`), taken by `traguardo user add --role` and the user forms. What each role may do is the
/// table `UserRole.allows(_:)`; the server authorises with it and the web draws its menu from it.
public enum UserRole: String, Sendable, Codable, CaseIterable {
    case administrator = "amministratore"
    case controller = "controllo-di-gestione"
    case manager = "dirigente"
    case officeHead = "responsabile-ufficio"
    case evaluator = "oiv"
    case reader = "lettore"

    /// The Italian label a person reads.
    public var label: String {
        switch self {
        case .administrator: "Amministratore"
        case .controller: "Controllo di gestione"
        case .manager: "Dirigente"
        case .officeHead: "Responsabile d'ufficio"
        case .evaluator: "OIV"
        case .reader: "Lettore"
        }
    }

    /// Whether an account of this role belongs to a unit of an Ente: the office of a responsabile d'ufficio,
    /// the area of a dirigente. Such an account needs both the Ente and the unit.
    public var hasOwnUnit: Bool { self == .officeHead || self == .manager }

    /// Whether the role enters measurements for any office (else only for its own unit).
    public var entersForAnyOffice: Bool { self == .administrator || self == .controller }
}
