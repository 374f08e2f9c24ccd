import Foundation
import Testing
@testable import TraguardoCore

/// Checks across years of the same Ente, each proved on a fixture: the clean plan of 2018 and its copy as 2019.
@Suite("Verifiche fra gli anni dello stesso Ente")
struct CrossYearCheckTests {
    func pair() -> (CyclePlan, CyclePlan) {
        let first = CheckFixtures.clean()
        var next = first
        next.cycle.year = 2019
        return (first, next)
    }

    func findings(_ plan: CyclePlan, _ others: [CyclePlan]) -> [Finding] {
        CrossYearCheck().findings(in: CheckContext(plan: plan, otherYears: others))
    }

    @Test func twoIdenticalYearsAgree() {
        let (a, b) = pair()
        #expect(findings(b, [a]).isEmpty)
        #expect(findings(b, []).isEmpty)
    }

    @Test func anActCitedWithAnotherDateIsAFinding() throws {
        var (a, b) = pair()
        b.acts[0].date = CivilDate(year: 2018, month: 4, day: 21)
        let finding = try #require(findings(b, [a]).first)
        #expect(finding.code == "ANNI-DISCORDANTI")
        #expect(finding.elementKind == "atto")
        #expect(finding.message.contains("citato nel 2018 con la data 12/04/2018"))
        a.acts[0].date = b.acts[0].date
        #expect(findings(b, [a]).isEmpty)
    }

    @Test func anActCitedWithAnotherNumberIsAFinding() throws {
        var (a, b) = pair()
        b.acts[1].number = "39"
        let finding = try #require(findings(b, [a]).first)
        #expect(finding.message.contains("con il numero 38"))
    }

    @Test func aSeriesValuePrintedDifferentlyIsAFinding() throws {
        var (a, b) = pair()
        a.indicators[0].baselineYear = 2016
        a.indicators[0].baselineValue = 334
        b.indicators[0].baselineYear = 2016
        b.indicators[0].baselineValue = 347
        let finding = try #require(findings(b, [a]).first)
        #expect(finding.elementKind == "indicatore")
        #expect(finding.elementCode == "2C/1")
        #expect(finding.message.contains("Il valore del 2016 è 347 qui e 334 nei documenti del 2018"))
        b.indicators[0].baselineValue = 334
        #expect(findings(b, [a]).isEmpty)
    }

    @Test func aTitleChangedWithoutAVariationIsAFindingAndWithOneIsNot() throws {
        var (a, b) = pair()
        b.nodes[1].title = "Un altro obiettivo"
        let finding = try #require(findings(b, [a]).first)
        #expect(finding.elementCode == b.nodes[1].code)
        #expect(finding.message.contains("cambia fra il 2018"))
        b.variations = [PlanVariation(id: "v", actID: "act1", nodeID: b.nodes[1].id, kind: .change, description: "nuovo titolo")]
        #expect(findings(b, [a]).isEmpty)
    }

    @Test func aCodeChangedWithoutAVariationIsAFinding() throws {
        var (a, b) = pair()
        b.nodes[1].code = "2Z"
        let finding = try #require(findings(b, [a]).first)
        #expect(finding.elementCode == "2Z")
        #expect(finding.message.contains("è 2C nel 2018 e 2Z nel 2019"))
        // Years of different plans (no overlap of horizons) are not compared.
        a.cycle.horizonTo = 2018
        b.cycle.year = 2025
        b.cycle.horizonFrom = 2025
        b.cycle.horizonTo = 2027
        #expect(findings(b, [a]).isEmpty)
    }
}
