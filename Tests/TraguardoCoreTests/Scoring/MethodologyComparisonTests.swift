import Foundation
import Testing
@testable import TraguardoCore

@Suite("Confronto di metodologie")
struct MethodologyComparisonTests {
    @Test func theSameMethodologyChangesNothing() {
        let plan = CheckFixtures.clean()
        let version = MethodologyPresets.version("standard", entityCode: plan.entity.code, year: plan.cycle.year)!
        let comparison = MethodologyComparison(plan, current: version, proposed: version)
        #expect(comparison.rows.isEmpty)
        #expect(comparison.ruleDifferences.isEmpty)
        #expect(comparison.compared > 0)
    }

    @Test func aRoundingChangeIsListedWithTheFormulaAndTheRuleThatExplainsIt() throws {
        var plan = CheckFixtures.clean()
        plan.procedures = [MonitoredProcedure(id: "1", entityCode: "x", code: "1", name: "P", sortOrder: 0),
                           MonitoredProcedure(id: "2", entityCode: "x", code: "2", name: "Q", sortOrder: 1),
                           MonitoredProcedure(id: "3", entityCode: "x", code: "3", name: "R", sortOrder: 2)]
        let y = plan.cycle.year
        plan.procedureResults = [ProcedureResult(id: "a", procedureID: "1", year: y, score: 100),
                                 ProcedureResult(id: "b", procedureID: "2", year: y, score: 100),
                                 ProcedureResult(id: "c", procedureID: "3", year: y, score: 99)]
        var draft = MethodologyPresets.standard
        draft.procedures.rounding = .truncate
        let current = MethodologyVersion(entityCode: "x", year: y, version: 1, rules: MethodologyPresets.standard)
        let proposed = MethodologyVersion(entityCode: "x", year: y, version: 2, rules: draft)
        let comparison = MethodologyComparison(plan, current: current, proposed: proposed)
        let row = try #require(comparison.rows.first { $0.subject.kind == .procedureTotal })
        #expect(row.before.shown == "99,67")
        #expect(row.after.shown == "99,66")
        #expect(row.difference == Decimal(string: "-0.01"))
        #expect(row.afterFormula.hasPrefix("tronca a 2 decimali(media(100; 100; 99))"))
        #expect(comparison.ruleDifferences.contains {
            $0.hasPrefix("procedimenti:") && $0.contains("totale media arrotonda a 2 decimali → righe")
                && $0.hasSuffix("totale media tronca a 2 decimali")
        })
    }

    @Test func managersAreCountedPerBand() {
        let distribution = ScoreDistribution(values: [100, 99.5, 95, Decimal(string: "94.99"), 70, 10, nil])
        #expect(distribution.bands.map(\.count) == [1, 2, 1, 0, 1, 1, 1])
        #expect(distribution.bands.first?.label == "100 o più")
        #expect(distribution.bands[1].label == "da 95 a meno di 100")
        #expect(distribution.total == 7)
        #expect(distribution.bandsUsed == 5)
    }

    @Test func choicesAreReadAsPresetVersionOrFile() {
        #expect(MethodologyChoice.parse("lucca-2013") == .preset("lucca-2013"))
        #expect(MethodologyChoice.parse("v2") == .storedVersion(2))
        #expect(MethodologyChoice.parse("3") == .storedVersion(3))
        #expect(MethodologyChoice.parse("bozza.yaml") == .file("bozza.yaml"))
        #expect(MethodologyChoice.parse("v0") == .file("v0"))
        #expect(MethodologyChoice.unknown("v9", stored: []).contains("nessuna"))
    }
}
