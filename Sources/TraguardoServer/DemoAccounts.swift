import Foundation
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// The accounts `traguardo demo` creates, one per role, all with the same public password (a demo database
/// only), and the period it opens so that the offices can enter measurements.
public enum DemoAccounts {
    public static let password = "traguardo-demo"

    public static let accounts: [UserAccount] = [
        UserAccount(username: "admin", displayName: "Amministratore", role: UserRole.administrator.rawValue),
        UserAccount(username: "controllo", displayName: "Controllo di gestione", role: UserRole.controller.rawValue),
        UserAccount(
            username: "dirigente.promozione", displayName: "Dirigente Area Promozione e Sviluppo", role: UserRole.manager.rawValue,
            entityCode: "lucca", unitCode: "APS"),
        UserAccount(
            username: "ufficio.prog", displayName: "Ufficio Programmazione e controllo", role: UserRole.officeHead.rawValue,
            entityCode: "lucca", unitCode: "PROG"),
        UserAccount(
            username: "ufficio.pers", displayName: "Ufficio Personale", role: UserRole.officeHead.rawValue,
            entityCode: "lucca", unitCode: "PERS"),
        UserAccount(username: "oiv", displayName: "Organismo indipendente di valutazione", role: UserRole.evaluator.rawValue),
        UserAccount(username: "lettore", displayName: "Lettore", role: UserRole.reader.rawValue),
    ]

    /// The cycles whose last period the demo opens for data entry.
    public static let openedCycles = [CycleScope(entityCode: "lucca", year: 2018), CycleScope(entityCode: "lucca", year: 2013)]

    /// Creates the accounts and opens the periods; returns the periods opened (as «lucca 2018 ANNO»).
    @discardableResult
    public static func install(in store: Store, bcryptCost: UInt8 = 10, actor: String = "demo") async throws -> [String] {
        let hash = await PasswordHashing.hash(password, cost: bcryptCost)
        for account in accounts where try await store.user(account.username) == nil {
            try await store.addUser(account, passwordHash: hash, actor: actor)
        }
        var opened: [String] = []
        for scope in openedCycles {
            guard let plan = try await store.loadPlan(scope),
                  var period = plan.periods.max(by: { $0.sequence < $1.sequence }) else { continue }
            if !period.status.acceptsEntries {
                period.status = .open
                try await store.update(period, in: scope, actor: actor)
            }
            opened.append("\(scope.entityCode) \(scope.year) \(period.code)")
        }
        return opened
    }
}
