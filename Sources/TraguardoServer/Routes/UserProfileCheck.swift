import Foundation
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// The web forms' side of `UserProfileRule` (the core's one rule for an account's role, Ente and unit, which
/// `traguardo user add` calls too): what the store holds, looked up here; the errors keyed by the forms'
/// fields (`FormFields.Utente`); and what `Permission.refusals` says of the acting amministratore.
enum UserProfileCheck {
    typealias F = FormFields.Utente

    /// The form's field of each of the rule's fields.
    static func field(_ field: UserProfileRule.Field) -> String {
        switch field {
        case .role: F.role
        case .entity: F.entity
        case .unit: F.unit
        }
    }

    /// The units of every Ente (only of `entityCode` when given), once per Ente and code, by Ente and name.
    ///
    /// One query on the `units` table (`Store.unitNames`), not a load of every plan: at national scale
    /// (60 Enti × 10 years) whole plans would be read just for these names.
    static func unitChoices(_ store: Store, entityCode: String? = nil) async throws -> [UnitChoice] {
        try await store.unitNames(entityCode: entityCode)
    }

    /// The rule's profile for the form's texts, then what `Permission.refusals` says of the acting amministratore
    /// giving it (and the active flag) to `target` (nil: a new account); errors by form field.
    static func check(
        roleText: String, entity: String, unit: String, active: Bool, target: UserAccount?, store: Store, user: SignedInUser
    ) async throws -> (profile: UserProfileRule.Profile?, errors: [String: String]) {
        let limit = user.account.entityCode
        let directory = try await store.userProfileDirectory(entity: entity, unit: unit, limit: limit)
        let checked = UserProfileRule.check(
            roleText: roleText, entity: entity, unit: unit, directory: directory, limited: limit != nil)
        var profile = checked.profile
        var errors = Dictionary(uniqueKeysWithValues: checked.errors.map { (field($0.key), $0.value) })
        let refusals = Permission.refusals(
            user, giving: UserRole(rawValue: roleText), entityCode: entity.isEmpty ? nil : entity, active: active, to: target)
        for refusal in refusals where errors[refusal.field] == nil { errors[refusal.field] = refusal.message }
        if !refusals.isEmpty { profile = nil }
        return (profile, errors)
    }
}
