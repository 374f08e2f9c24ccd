import Foundation
import Testing
@testable import TraguardoCore

/// Verdict texts in every form the documents print them.
@Suite("Giudizi in tutte le forme")
struct VerdictFormsTests {
    func findings(_ text: String, printed: String) -> [Finding] {
        var plan = CheckFixtures.clean()
        plan.nodes[2].declared = DeclaredResult(score: Decimal(string: printed)!, text: text)
        return VerdictCheck().findings(in: CheckContext(plan: plan, computedScore: { $0 == "n3" ? Decimal(string: printed) : nil }))
    }

    @Test(arguments: [
        ("OBIETTIVI COMPLESSIVAMENTE REALIZZATI AL 99.95%", "99.95"),
        ("azioni realizzate al 99,95 %", "99.95"),
        ("obiettivo realizzato al 99.95%", "99.95"),
        ("progetti realizzati al 100%", "100"),
    ])
    func pluralAndDotDecimalsAreRead(_ text: String, _ value: String) {
        #expect(VerdictCheck.statedPercentage(in: text) == Decimal(string: value))
        #expect(findings(text, printed: value).isEmpty)
    }

    @Test func aPluralVerdictWithADifferentNumberIsAFinding() throws {
        let found = findings("I PROGETTI SONO STATI REALIZZATI AL 99.95%", printed: "98.5")
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message.contains("indica 99,95%"))
        #expect(finding.message.contains("98,5%"))
    }

    @Test(arguments: ["OBIETTIVO REALIZZATO AL", "obiettivo realizzato al %", "Obiettivi realizzati al.", "REALIZZATO AL\n"])
    func aVerdictWithoutItsNumberIsAFinding(_ text: String) throws {
        let found = findings(text, printed: "100")
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.code == "GIUDIZIO-INCOERENTE")
        #expect(finding.message.contains("manca la percentuale"))
        #expect(finding.message.contains("il risultato è 100%"))
    }

    @Test func aVerdictThatGoesOnIsNotCutShort() {
        #expect(!VerdictCheck.lacksItsNumber("progetto realizzato al fine di ridurre i tempi"))
        #expect(!VerdictCheck.lacksItsNumber("OBIETTIVO REALIZZATO AL 100%"))
    }
}
