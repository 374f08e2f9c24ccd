/// A unit an account may belong to (the office of a responsabile d'ufficio, the area of a dirigente): a unit
/// *of an Ente*, by code, with its newest name. Two Enti's `SG` are two choices.
public struct UnitChoice: Sendable, Hashable {
    public var entityCode: String
    public var code: String
    public var name: String

    public init(entityCode: String, code: String, name: String) {
        self.entityCode = entityCode
        self.code = code
        self.name = name
    }

    /// What the user forms' choices send (`FormFields.Utente.unit`): `ENTE/CODICE`.
    public var value: String { Self.value(entityCode: entityCode, code: code) }

    public static func value(entityCode: String, code: String) -> String { entityCode + "/" + code }
}
