import TraguardoCore

/// A unit an account may belong to (the office of a responsabile d'ufficio, the area of a dirigente): a unit
/// *of an Ente*, by code, with its newest name. Two Enti's `SG` are two choices. The core's
/// `UserProfileRule.UnitName`, which the rule checks the form's choice against.
public typealias UnitChoice = UserProfileRule.UnitName

extension UserProfileRule.UnitName {
    /// What the user forms' choices send (`FormFields.Utente.unit`): `ENTE/CODICE`.
    public var value: String { Self.value(entityCode: entityCode, code: code) }

    public static func value(entityCode: String, code: String) -> String { entityCode + "/" + code }
}
