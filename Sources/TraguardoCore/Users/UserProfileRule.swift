/// What the role, the Ente and the unit of an account must be, for `traguardo user add` and the web forms
/// (add and change) alike: the role is known; the Ente, when given, is one of the database; a responsabile
/// d'ufficio or a dirigente has an Ente and a unit *of that Ente* (an office is the pair (Ente, unit): the same
/// code names units of different Enti). Pure: what the database holds comes in as a `Directory`, looked up at
/// the edge (`Store.userProfileDirectory`). The errors are in Italian, keyed by `Field`.
public enum UserProfileRule {
    /// What an error stands beside: the form's field, the command's option.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case role, entity, unit
    }

    /// A unit of an Ente, as the choices name it.
    public struct UnitName: Sendable, Hashable {
        public var entityCode: String
        public var code: String
        public var name: String

        public init(entityCode: String, code: String, name: String) {
            self.entityCode = entityCode
            self.code = code
            self.name = name
        }
    }

    /// What the database holds that the check needs, for the Ente and unit texts given.
    public struct Directory: Sendable, Hashable {
        /// Whether the Ente named is in the database (true when none is named).
        public var entityExists: Bool
        /// The Enti an error may list (those the acting person reaches).
        public var entityCodes: [String]
        /// The units of the Ente named.
        public var units: [UnitName]
        /// When the unit is written `ENTE/CODICE` of another Ente that has it: that unit.
        public var otherEntityUnit: UnitName?

        public init(entityExists: Bool, entityCodes: [String], units: [UnitName], otherEntityUnit: UnitName? = nil) {
            self.entityExists = entityExists
            self.entityCodes = entityCodes
            self.units = units
            self.otherEntityUnit = otherEntityUnit
        }
    }

    /// A role, Ente and unit that passed the check.
    public struct Profile: Sendable, Hashable {
        public var role: UserRole
        /// nil: every Ente.
        public var entityCode: String?
        /// Only for a role with its own unit (`UserRole.hasOwnUnit`).
        public var unitCode: String?

        public init(role: UserRole, entityCode: String?, unitCode: String?) {
            self.role = role
            self.entityCode = entityCode
            self.unitCode = unitCode
        }
    }

    /// `ENTE/CODICE`, the other half of a unit written with its Ente, when it names another Ente than `entity`.
    public static func otherEntityUnitCode(_ unit: String, besides entity: String) -> (entityCode: String, code: String)? {
        guard let slash = unit.firstIndex(of: "/") else { return nil }
        let other = String(unit[..<slash]), code = String(unit[unit.index(after: slash)...])
        return other == entity ? nil : (other, code)
    }

    /// The profile the texts describe, or the errors beside the fields.
    /// - Parameters:
    ///   - unit: the code of a unit of `entity`, or `ENTE/CODICE` as the pages' choices send it.
    ///   - limited: the acting amministratore is limited to one Ente (the messages then offer no «nessuno»).
    public static func check(
        roleText: String, entity: String, unit: String, directory: Directory, limited: Bool = false
    ) -> (profile: Profile?, errors: [Field: String]) {
        let role = UserRole(rawValue: roleText)
        var errors: [Field: String] = [:]
        if role == nil {
            errors[.role] = "Ruolo «\(roleText)» sconosciuto: atteso uno fra \(UserRules.roleCodes.joined(separator: ", "))."
        }
        let entityKnown = !entity.isEmpty && directory.entityExists
        if !entity.isEmpty, !directory.entityExists {
            errors[.entity] = "Ente «\(entity)» sconosciuto: atteso il codice di un Ente del database "
                + "(\(directory.entityCodes.joined(separator: ", ")))" + (limited ? "." : " o nessuno.")
        }
        var unitCode: String?
        if let role, role.hasOwnUnit {
            let officeHead = role == .officeHead
            if entity.isEmpty {
                errors[.entity] = "\(officeHead ? "Un responsabile d'ufficio" : "Un dirigente") lavora per un Ente: "
                    + "scegliere l'Ente \(officeHead ? "del suo ufficio" : "della sua area")."
            }
            if unit.isEmpty {
                errors[.unit] = officeHead ? "Un responsabile d'ufficio ha bisogno del suo ufficio." : "Un dirigente ha bisogno della sua area."
            } else if entityKnown {
                if let found = directory.units.first(where: { $0.code == unit || "\($0.entityCode)/\($0.code)" == unit }) {
                    unitCode = found.code
                } else if let other = directory.otherEntityUnit {
                    errors[.unit] = "L'ufficio «\(other.name)» è dell'Ente «\(other.entityCode)», non di «\(entity)»: "
                        + "scegliere un ufficio di «\(entity)» o l'Ente «\(other.entityCode)»."
                } else {
                    let codes = directory.units.map(\.code)
                    errors[.unit] = "Ufficio «\(unit)» sconosciuto: atteso il codice di un'unità dei piani dell'Ente «\(entity)»"
                        + (codes.isEmpty ? " (l'Ente non ne ha)." : " (\(codes.joined(separator: ", "))).")
                }
            }
        }
        guard let role, errors.isEmpty else { return (nil, errors) }
        return (Profile(role: role, entityCode: entity.isEmpty ? nil : entity, unitCode: unitCode), [:])
    }
}
