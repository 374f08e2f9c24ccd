import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoWeb

/// The menu and the server's authorisation read the same table: for every role, every entry of the menu is a
/// page the role may open, and every page it may open is in the menu.
@Suite("Navigazione: il menu segue la tabella dei permessi")
struct NavigationPermissionTests {
    @Test func everyMenuEntryIsAllowedAndEveryAllowedPageIsInTheMenu() {
        let scope = WebScope(entityCode: "lucca", entityName: "Comune di Lucca", year: 2013, openPeriodCode: "S1")
        for role in UserRole.allCases {
            let chrome = PageChrome.make(userName: "x", role: role, csrf: "t", current: nil, scope: scope)
            let shown = Set(chrome.nav.map(\.label))
            for section in WebSection.allCases where section != .amministrazione {
                let allowed = Permission.allows(role, section.action!)
                #expect(shown.contains(section.label) == allowed, "\(role) \(section)")
            }
            for page in AdminPage.allCases {
                let links = AdminNavigation.links(role: role, current: page, scope: scope).map(\.label)
                #expect(links.contains(page.label) == Permission.allows(role, page.action), "\(role) \(page)")
            }
            let anyAdminPage = AdminPage.allCases.contains { Permission.allows(role, $0.action) }
            #expect(shown.contains(WebSection.amministrazione.label) == anyAdminPage, "\(role)")
        }
    }

    /// Readers and office heads may open Verifiche (`viewPlan`): the menu used to hide it from them.
    @Test func readersAndOfficeHeadsSeeVerifiche() {
        #expect(UserRole.reader.may(see: .verifiche))
        #expect(UserRole.officeHead.may(see: .verifiche))
        #expect(!UserRole.reader.may(see: .rilevazione))
    }

    /// A stored role this build does not know is read as none, never as another role.
    @Test func anUnknownStoredRoleIsNoRole() {
        #expect(UserAccount(username: "x", displayName: "x", role: "capo").userRole == nil)
        #expect(UserAccount(username: "x", displayName: "x", role: "oiv").userRole == .evaluator)
    }
}
