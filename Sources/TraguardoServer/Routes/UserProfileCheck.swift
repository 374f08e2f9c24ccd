import Foundation
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// What the role, the Ente and the unit of an account must be, for the web forms (add and change) and for
/// `traguardo user add` alike: the role is known; the Ente, when given, is one of the database; a
/// responsabile d'ufficio or a dirigente has an Ente and a unit *of that Ente* (an office is the pair
/// (Ente, unit): the same code names units of different Enti). The web forms add `Permission.refusals`.
/// The errors are keyed by field (`FormFields.Utente`), in Italian.
public enum UserProfileCheck {
    typealias F = FormFields.Utente

    /// The keys of the errors: the fields of the user forms (the command line names its options after them).
    public static let fields = (role: F.role, entity: F.entity, unit: F.unit)

    /// A role, Ente and unit that passed the check.
    public struct Profile: Sendable, Hashable {
        public var role: UserRole
        /// nil: every Ente.
        public var entityCode: String?
        /// Only for a role with its own unit (`UserRole.hasOwnUnit`).
        public var unitCode: String?
    }

    /// The units of every Ente (only of `entityCode` when given), once per Ente and code, by Ente and name.
    ///
    /// One query on the `units` table (`Store.unitDirectory`), not a load of every plan: at national scale
    /// (60 Enti × 10 years) whole plans would be read just for these names. The newest year comes first, so
    /// a unit renamed over the years shows its latest name.
    public static func unitChoices(_ store: Store, entityCode: String? = nil) async throws -> [UnitChoice] {
        var choices: [UnitChoice] = []
        var seen: Set<String> = []
        for (scope, unit) in try await store.unitDirectory(entityCode: entityCode) {
            let choice = UnitChoice(entityCode: scope.entityCode, code: unit.code ?? unit.id, name: unit.name)
            if seen.insert(choice.value).inserted { choices.append(choice) }
        }
        return choices.sorted { ($0.entityCode, $0.name, $0.code) < ($1.entityCode, $1.name, $1.code) }
    }

    /// The profile the texts describe, or the errors beside the fields.
    /// - Parameters:
    ///   - unit: the code of a unit of `entity`, or `ENTE/CODICE` as the pages' choices send it.
    ///   - limit: the Ente the acting amministratore is limited to (nil: not limited, or the command line):
    ///     the messages list only the Enti it reaches.
    public static func check(
        roleText: String, entity: String, unit: String, store: Store, limit: String? = nil
    ) async throws -> (profile: Profile?, errors: [String: String]) {
        let role = UserRole(rawValue: roleText)
        var errors: [String: String] = [:]
        if role == nil {
            errors[F.role] = "Ruolo «\(roleText)» sconosciuto: atteso uno fra \(UserRules.roleCodes.joined(separator: ", "))."
        }
        var entityKnown = !entity.isEmpty
        if !entity.isEmpty, try await store.entity(entity) == nil {
            entityKnown = false
            let codes = try await store.entities().map(\.code).filter { limit == nil || $0 == limit }
            errors[F.entity] = "Ente «\(entity)» sconosciuto: atteso il codice di un Ente del database (\(codes.joined(separator: ", ")))"
                + (limit == nil ? " o nessuno." : ".")
        }
        var unitCode: String?
        if let role, role.hasOwnUnit {
            let who = role == .officeHead ? "Un responsabile d'ufficio" : "Un dirigente"
            if entity.isEmpty {
                errors[F.entity] = "\(who) lavora per un Ente: scegliere l'Ente \(role == .officeHead ? "del suo ufficio" : "della sua area")."
            }
            if unit.isEmpty {
                errors[F.unit] = role == .officeHead ? "Un responsabile d'ufficio ha bisogno del suo ufficio." : "Un dirigente ha bisogno della sua area."
            } else if entityKnown {
                switch try await resolve(unit, in: entity, store: store) {
                case .found(let code): unitCode = code
                case .otherEntity(let choice):
                    errors[F.unit] = "L'ufficio «\(choice.name)» è dell'Ente «\(choice.entityCode)», non di «\(entity)»: "
                        + "scegliere un ufficio di «\(entity)» o l'Ente «\(choice.entityCode)»."
                case .unknown(let codes):
                    errors[F.unit] = "Ufficio «\(unit)» sconosciuto: atteso il codice di un'unità dei piani dell'Ente «\(entity)»"
                        + (codes.isEmpty ? " (l'Ente non ne ha)." : " (\(codes.joined(separator: ", "))).")
                }
            }
        }
        guard let role, errors.isEmpty else { return (nil, errors) }
        return (Profile(role: role, entityCode: entity.isEmpty ? nil : entity, unitCode: unitCode), [:])
    }

    /// The web forms' check: the profile's, then what `Permission.refusals` says of the acting amministratore
    /// giving it (and the active flag) to `target` (nil: a new account).
    static func check(
        roleText: String, entity: String, unit: String, active: Bool, target: UserAccount?, store: Store, user: SignedInUser
    ) async throws -> (profile: Profile?, errors: [String: String]) {
        var (profile, errors) = try await check(roleText: roleText, entity: entity, unit: unit, store: store, limit: user.account.entityCode)
        let refusals = Permission.refusals(
            user, giving: UserRole(rawValue: roleText), entityCode: entity.isEmpty ? nil : entity, active: active, to: target)
        for refusal in refusals where errors[refusal.field] == nil { errors[refusal.field] = refusal.message }
        if !refusals.isEmpty { profile = nil }
        return (profile, errors)
    }

    private enum Resolution {
        case found(String)
        case otherEntity(UnitChoice)
        case unknown([String])
    }

    /// The unit `text` names in the Ente: its code, `ENTE/CODICE` of this Ente, or of another one (refused).
    private static func resolve(_ text: String, in entity: String, store: Store) async throws -> Resolution {
        let units = try await unitChoices(store, entityCode: entity)
        if let choice = units.first(where: { $0.code == text || $0.value == text }) { return .found(choice.code) }
        if let slash = text.firstIndex(of: "/") {
            let other = String(text[..<slash]), code = String(text[text.index(after: slash)...])
            if other != entity, let choice = try await unitChoices(store, entityCode: other).first(where: { $0.code == code }) {
                return .otherEntity(choice)
            }
        }
        return .unknown(units.map(\.code))
    }
}
