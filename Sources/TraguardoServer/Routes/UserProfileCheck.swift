import Foundation
import TraguardoStore
import TraguardoWeb

/// What the add and the change forms of a user check alike: the role is known, the Ente the account is
/// limited to exists (and the administrator reaches it), the unit is one of the plans' (of that Ente), and
/// a responsabile d'ufficio or a dirigente has one. The errors are keyed by field, in Italian.
enum UserProfileCheck {
    typealias F = FormFields.Utente

    static func errors(
        roleText: String, entity: String, unit: String, store: Store, user: SignedInUser
    ) async throws -> [String: String] {
        let role = WebRole(rawValue: roleText)
        var errors: [String: String] = [:]
        if role == nil {
            errors[F.role] = "Ruolo «\(roleText)» sconosciuto: atteso uno fra \(UserRules.roleCodes.joined(separator: ", "))."
        }
        var entityKnown = true
        if !entity.isEmpty, try await store.entity(entity) == nil || !Permission.reaches(user, entityCode: entity) {
            entityKnown = false
            let codes = try await store.entities().map(\.code).filter { Permission.reaches(user, entityCode: $0) }
            errors[F.entity] = "Ente «\(entity)» sconosciuto: atteso il codice di un Ente del database (\(codes.joined(separator: ", "))) o nessuno."
        }
        if !unit.isEmpty, entityKnown {
            let choices = try await AdminRoutes.unitChoices(store, user: user, entityCode: entity.isEmpty ? nil : entity)
            if !choices.contains(where: { $0.id == unit }) {
                errors[F.unit] = "Ufficio «\(unit)» sconosciuto: atteso il codice di un'unità dei piani"
                    + (entity.isEmpty ? "" : " dell'Ente «\(entity)»") + " o nessuno."
            }
        } else if unit.isEmpty, role == .officeHead {
            errors[F.unit] = "Un responsabile d'ufficio ha bisogno del suo ufficio."
        } else if unit.isEmpty, role == .manager {
            errors[F.unit] = "Un dirigente ha bisogno della sua area."
        }
        return errors
    }
}
