import Testing
import TraguardoServer
import TraguardoWeb

@Suite("Permessi: ruolo × azione")
struct PermissionTests {
    @Test func onlyTheOIVValidatesAndOnlyTheAdministratorManagesUsers() {
        for role in WebRole.allCases {
            #expect(Permission.allows(role, .validate) == (role == .oiv))
            #expect(Permission.allows(role, .manageUsers) == (role == .amministratore))
            #expect(Permission.allows(role, .viewPlan))
        }
        #expect(!Permission.allows(.oiv, .enterMeasurement))
        #expect(!Permission.allows(.lettore, .enterMeasurement))
    }
}
