import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// The one table of who may do what: role × action, then ownership (an office enters only its own items,
/// a dirigente those of his area and the units below it, each in its own Ente), then the Ente the account is
/// limited to; which accounts an amministratore manages and what it may give them; what an API token may do.
public enum Permission {
    /// Role × action: the core's table (`UserRole.allows`).
    public static func allows(_ role: UserRole, _ action: Action) -> Bool { role.allows(action) }

    /// Role × action for the signed-in account, with the Ente it is limited to (`UserRole.allows(_:limitedTo:)`,
    /// the rule the navigation is drawn with).
    public static func allows(_ user: SignedInUser, _ action: Action) -> Bool {
        user.role.allows(action, limitedTo: user.account.entityCode)
    }

    /// The user may work on the Ente (an account limited to one Ente sees only that one).
    public static func reaches(_ user: SignedInUser, entityCode: String) -> Bool {
        user.account.entityCode == nil || user.account.entityCode == entityCode
    }

    /// The user may enter the measurements of the office (unit) `unit` of the plan.
    public static func mayEnter(_ user: SignedInUser, for unit: OrganisationalUnit, in plan: CyclePlan) -> Bool {
        guard allows(user.role, .enterMeasurement), reaches(user, entityCode: plan.entity.code) else { return false }
        switch user.role {
        case .administrator, .controller: return true
        case .officeHead: return ownUnit(of: user, in: plan)?.id == unit.id
        case .manager:
            guard let area = ownUnit(of: user, in: plan) else { return false }
            return plan.unitChain(from: unit).contains { $0.id == area.id }
        case .evaluator, .reader: return false
        }
    }

    /// The area of the plan a dirigente may propose changes to (`PlanArea`: the unit of his account and the units below
    /// it, with what they own), in his own Ente; nil for every other role and for a dirigente without a unit in the plan.
    public static func proposalArea(of user: SignedInUser, in plan: CyclePlan) -> PlanArea? {
        guard allows(user.role, .proposePlanChange), let unit = ownUnit(of: user, in: plan) else { return nil }
        return PlanArea(heading: unit, in: plan)
    }

    /// The office of a responsabile d'ufficio, the area of a dirigente, in the plan: the unit with the
    /// account's unit code *in the account's Ente*. An office is the pair (Ente, unit): the same code names
    /// units of different Enti, so an account without an Ente has no office anywhere (and no write rights).
    public static func ownUnit(of user: SignedInUser, in plan: CyclePlan) -> OrganisationalUnit? {
        guard user.role.hasOwnUnit, let entity = user.account.entityCode, entity == plan.entity.code,
              let code = user.account.unitCode
        else { return nil }
        return plan.unit(named: code)
    }

    // MARK: API tokens

    /// The request may change data: a browser session may (the role and the ownership above decide what),
    /// an API token only when it was created to write.
    public static func mayWrite(_ user: SignedInUser) -> Bool {
        switch user.credential {
        case .session: true
        case .apiToken: user.tokenScope == .write
        }
    }

    // MARK: Users

    /// The amministratore may see and change the account (and revoke its API tokens). One limited to an Ente:
    /// only its own account and those of its Ente that are not amministratori; one not limited: every account.
    public static func mayManage(_ user: SignedInUser, _ account: UserAccount) -> Bool {
        guard allows(user.role, .manageUsers) else { return false }
        guard let limit = user.account.entityCode, account.username != user.username else { return true }
        return account.entityCode == limit && account.userRole != .administrator
    }

    /// Why the amministratore may not give the account `target` (nil: a new account) this role, Ente and
    /// active flag; empty when it may. Nobody changes their own role, Ente or active flag (another
    /// amministratore does); only an amministratore not limited to an Ente makes amministratori; one limited
    /// to an Ente gives only that Ente (never none, which would mean every Ente).
    public static func refusals(
        _ user: SignedInUser, giving role: UserRole?, entityCode: String?, active: Bool, to target: UserAccount?
    ) -> [AccountRefusal] {
        guard allows(user.role, .manageUsers) else { return [.notAnAdministrator] }
        if let target, target.username == user.username {
            return [
                role.map { $0 != .administrator } == true ? .ownRole : nil,
                entityCode != user.account.entityCode ? .ownEntity : nil,
                active ? nil : .ownDeactivation,
            ].compactMap { $0 }
        }
        guard let limit = user.account.entityCode else { return [] }
        return [
            role == .administrator ? .administratorRole : nil,
            entityCode != limit ? .outsideOwnEntity(limit) : nil,
        ].compactMap { $0 }
    }
}

/// What `Permission.refusals` finds wrong in a change of an account, with the field of the form it belongs to
/// and the Italian reason.
public enum AccountRefusal: Hashable, Sendable {
    case notAnAdministrator
    case ownRole
    case ownEntity
    case ownDeactivation
    case administratorRole
    case outsideOwnEntity(String)

    /// The field of the user forms (`FormFields.Utente`).
    public var field: String {
        typealias F = FormFields.Utente
        switch self {
        case .notAnAdministrator, .ownRole, .administratorRole: return F.role
        case .ownEntity, .outsideOwnEntity: return F.entity
        case .ownDeactivation: return F.active
        }
    }

    public var message: String {
        switch self {
        case .notAnAdministrator: "Solo un amministratore gestisce gli utenti."
        case .ownRole: "Non puoi toglierti il ruolo di amministratore: lo può fare un altro amministratore."
        case .ownEntity: "Non puoi cambiare l'Ente a cui è limitato il tuo stesso utente: lo può fare un altro amministratore."
        case .ownDeactivation: "Non puoi disattivare il tuo stesso utente: lo può fare un altro amministratore."
        case .administratorRole: "Solo un amministratore non limitato a un Ente può creare o modificare amministratori."
        case .outsideOwnEntity(let limit):
            "Sei limitato all'Ente «\(limit)»: anche gli utenti che aggiungi o modifichi devono esserlo (scegli «\(limit)»)."
        }
    }
}

