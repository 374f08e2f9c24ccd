import Testing
import TraguardoCore

/// The one rule for an account's role, Ente and unit (`traguardo user add` and the web forms), pure: what the
/// database holds comes in as a `Directory`.
@Suite("Profilo di un utente: una sola regola nel core")
struct UserProfileRuleTests {
    static let lucca = UserProfileRule.Directory(
        entityExists: true, entityCodes: [],
        units: [.init(entityCode: "lucca", code: "SG", name: "Segreteria Generale"), .init(entityCode: "lucca", code: "RI", name: "Registro Imprese")])

    @Test func anOfficeHeadGetsTheUnitOfItsEnteByCodeOrByEnteAndCode() throws {
        for unit in ["SG", "lucca/SG"] {
            let (profile, errors) = UserProfileRule.check(roleText: "responsabile-ufficio", entity: "lucca", unit: unit, directory: Self.lucca)
            #expect(errors.isEmpty)
            #expect(profile == UserProfileRule.Profile(role: .officeHead, entityCode: "lucca", unitCode: "SG"))
        }
    }

    @Test func anUnknownUnitIsRefusedListingTheEntesUnits() {
        let (profile, errors) = UserProfileRule.check(roleText: "dirigente", entity: "lucca", unit: "PERS", directory: Self.lucca)
        #expect(profile == nil)
        #expect(errors == [.unit: "Ufficio «PERS» sconosciuto: atteso il codice di un'unità dei piani dell'Ente «lucca» (SG, RI)."])
    }

    @Test func aUnitOfAnotherEnteIsNamedAsSuch() {
        var directory = Self.lucca
        directory.otherEntityUnit = .init(entityCode: "pisa", code: "PERS", name: "Personale")
        let (_, errors) = UserProfileRule.check(roleText: "responsabile-ufficio", entity: "lucca", unit: "pisa/PERS", directory: directory)
        #expect(errors[.unit] == "L'ufficio «Personale» è dell'Ente «pisa», non di «lucca»: scegliere un ufficio di «lucca» o l'Ente «pisa».")
    }

    @Test func anUnknownEnteAndRoleAreRefusedTogether() {
        let missing = UserProfileRule.Directory(entityExists: false, entityCodes: ["lucca", "pisa"], units: [])
        let (profile, errors) = UserProfileRule.check(roleText: "capo", entity: "milano", unit: "", directory: missing)
        #expect(profile == nil)
        #expect(errors[.role]?.hasPrefix("Ruolo «capo» sconosciuto") == true)
        #expect(errors[.entity] == "Ente «milano» sconosciuto: atteso il codice di un Ente del database (lucca, pisa) o nessuno.")
        let limited = UserProfileRule.check(roleText: "lettore", entity: "milano", unit: "", directory: missing, limited: true)
        #expect(limited.errors[.entity]?.hasSuffix("(lucca, pisa).") == true)
    }

    @Test func aReaderNeedsNoEnteAndIgnoresTheUnit() {
        let (profile, errors) = UserProfileRule.check(
            roleText: "lettore", entity: "", unit: "SG", directory: UserProfileRule.Directory(entityExists: true, entityCodes: [], units: []))
        #expect(errors.isEmpty)
        #expect(profile == UserProfileRule.Profile(role: .reader, entityCode: nil, unitCode: nil))
    }

    @Test func aRoleWithItsOwnUnitNeedsEnteAndUnit() {
        let none = UserProfileRule.Directory(entityExists: true, entityCodes: [], units: [])
        let (_, errors) = UserProfileRule.check(roleText: "dirigente", entity: "", unit: "", directory: none)
        #expect(errors[.entity] == "Un dirigente lavora per un Ente: scegliere l'Ente della sua area.")
        #expect(errors[.unit] == "Un dirigente ha bisogno della sua area.")
    }
}
