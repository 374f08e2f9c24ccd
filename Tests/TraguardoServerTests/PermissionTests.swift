import TraguardoCore
import Testing
import TraguardoServer
import TraguardoWeb

@Suite("Permessi: ruolo × azione")
struct PermissionTests {
    @Test func onlyTheOIVValidatesAndOnlyTheAdministratorManagesUsers() {
        for role in UserRole.allCases {
            #expect(Permission.allows(role, .validate) == (role == .evaluator))
            #expect(Permission.allows(role, .manageUsers) == (role == .administrator))
            #expect(Permission.allows(role, .viewPlan))
        }
        #expect(!Permission.allows(.evaluator, .enterMeasurement))
        #expect(!Permission.allows(.reader, .enterMeasurement))
    }
}
