import Foundation
import Testing
@testable import TraguardoCore

/// Printed values of procedure rows and of the totals under them are compared with the computed ones.
@Suite("Valori dichiarati: righe dei procedimenti e totali")
struct DeclaredTotalTests {
    /// Two procedures scored 97 and 100 (mean 98,50), each printed as computed.
    func plan(total: String?, row2: String = "100") -> CyclePlan {
        var plan = CheckFixtures.clean()
        plan.procedures = ["1", "2"].enumerated().map { index, code in
            MonitoredProcedure(id: code, entityCode: plan.entity.code, code: code, name: "Procedimento \(code)", sortOrder: index)
        }
        let year = plan.cycle.year
        plan.procedureResults = [
            ProcedureResult(id: "1@\(year)", procedureID: "1", year: year, score: 97, declared: DeclaredResult(score: 97)),
            ProcedureResult(id: "2@\(year)", procedureID: "2", year: year, score: 100,
                            declared: DeclaredResult(score: Decimal(string: row2)!)),
        ]
        if let total {
            plan.cycle.declaredTotals = [DeclaredTotal(element: .procedures, declared: DeclaredResult(score: Decimal(string: total)!),
                                                       provenance: Provenance(source: "seed.txt", lines: "1024"))]
        }
        return plan
    }

    func declaredFindings(_ plan: CyclePlan) -> [Finding] {
        CheckCatalogue.findings(in: plan, period: nil).filter { $0.code == "VALORE-DICHIARATO" }
    }

    @Test func aPrintedTotalThatDiffersIsAFindingNamingTheTotal() throws {
        let findings = declaredFindings(plan(total: "98.84"))
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.elementKind == "totale")
        #expect(finding.elementCode == "procedimenti")
        #expect(finding.message.contains("stampa 98,84"))
        #expect(finding.message.contains("è 98,50"))
        #expect(finding.provenance?.lines == "1024")
    }

    @Test func aPrintedTotalThatAgreesIsSilent() {
        #expect(declaredFindings(plan(total: "98.50")).isEmpty)
        #expect(declaredFindings(plan(total: "98.5")).isEmpty)
        #expect(declaredFindings(plan(total: nil)).isEmpty)
    }

    @Test func aPrintedProcedureRowThatDiffersIsAFinding() throws {
        let findings = declaredFindings(plan(total: nil, row2: "96"))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.elementKind == "procedimento")
        #expect(finding.elementCode == "2")
        #expect(finding.message.contains("explain \"procedimento 2\""))
    }

    @Test func totalsAreShownWithTheMethodologysDecimals() throws {
        var plan = plan(total: nil)
        plan.procedureResults[0].score = 100
        let total = try #require(PlanScorer.score(plan).procedureTotal)
        #expect(total.score.shown == "100,00")
        #expect(total.score.shownFractionDigits == 2)
        // A row stays as printed: an integer without decimals.
        #expect(PlanScorer.score(plan).procedures["1"]?.score.shown == "100")
    }

    @Test func cyclesStoredWithoutDeclaredTotalsDecodeAndEncodeAsBefore() throws {
        let old = #"{"componentEntityCodes":[],"entityCode":"x","status":"monitoraggio","year":2018}"#
        let cycle = try JSONDecoder().decode(Cycle.self, from: Data(old.utf8))
        #expect(cycle.declaredTotals.isEmpty)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(cycle), as: UTF8.self) == old)
        var with = cycle
        with.declaredTotals = [DeclaredTotal(element: .serviceCharter, declared: DeclaredResult(score: 100))]
        #expect(try JSONDecoder().decode(Cycle.self, from: encoder.encode(with)) == with)
    }
}
