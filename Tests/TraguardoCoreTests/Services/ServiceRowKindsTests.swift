import Foundation
import Testing
@testable import TraguardoCore

/// Carta rows whose standard is not a number of days, and the check of what the document printed.
@Suite("Carta dei servizi: righe senza giorni e valori stampati")
struct ServiceRowKindsTests {
    static func plan(_ rows: [(ServiceStandard, ServiceResult)]) -> CyclePlan {
        var plan = CyclePlan(entity: Entity(code: "lucca", name: "CCIAA Lucca"), cycle: Cycle(entityCode: "lucca", year: 2018))
        plan.serviceStandards = rows.enumerated().map { index, row in
            var standard = row.0
            standard.sortOrder = index
            return standard
        }
        plan.serviceResults = rows.map(\.1)
        return plan
    }

    static func row(_ code: String, days: Decimal? = nil, text: String?, result: (inout ServiceResult) -> Void)
        -> (ServiceStandard, ServiceResult)
    {
        let standard = ServiceStandard(id: "cs-\(code)", entityCode: "lucca", code: code, process: "Processo \(code)",
                                       standardDays: days, standardText: text)
        var value = ServiceResult(id: "\(code)@2018", standardID: standard.id, year: 2018)
        result(&value)
        return (standard, value)
    }

    static let fixture = plan([
        // Qualitative: must be available, declared met.
        row("1", text: "servizio sempre disponibile") { $0.outcome = .met; $0.declared = DeclaredResult(score: 100, text: "100") },
        // Textual, declared not met.
        row("2", text: "secondo il calendario delle sessioni") { $0.outcome = .notMet; $0.declared = DeclaredResult(score: 0, text: "0") },
        // A range, measured within its upper end.
        row("3", text: "da 5 a 10 giorni") { $0.measuredDays = 8; $0.declared = DeclaredResult(score: 100, text: "100") },
        // Printed 100 but nothing to compute it from: a finding, not a silent N.C.
        row("4", text: "secondo disponibilità") { $0.declared = DeclaredResult(score: 100, text: "100") },
        // Printed N.C. but computable.
        row("5", days: 30, text: "30 gg.") { $0.measuredDays = 12; $0.declared = DeclaredResult(text: "N.C.") },
        // A day standard, printed 100 for 40 days against 30.
        row("6", days: 30, text: "30 gg.") { $0.measuredDays = 40; $0.declared = DeclaredResult(score: 100, text: "100") },
    ])

    @Test func everyKindIsScoredByARule() {
        let scores = PlanScorer.score(Self.fixture)
        #expect(scores.serviceRows["cs-1"]?.score.value == 100)
        #expect(scores.serviceRows["cs-2"]?.score.value == 0)
        #expect(scores.serviceRows["cs-3"]?.score.value == 100)
        #expect(scores.serviceRows["cs-4"]?.score.value == nil)
        #expect(scores.serviceRows["cs-5"]?.score.value == 100)
        #expect(scores.serviceRows["cs-6"]?.score.value == 0)
        // (100 + 0 + 100 + 100 + 0) / 5 = 60
        #expect(scores.serviceCharter?.score.value == 60)
    }

    @Test func checkNamesWhatThePrintDoesNotHold() {
        let findings = ServiceCharterDeclaredCheck().findings(in: CheckContext(plan: Self.fixture, computedScore: { _ in nil }))
        let byCode = Dictionary(grouping: findings, by: \.elementCode)
        // Row 6 (printed 100, computed 0) is VALORE-DICHIARATO's, like the printed total.
        #expect(Set(byCode.keys) == ["4", "5"], "\(findings.map(\.message))")
        #expect(byCode["4"]?.first?.message.contains("stampata con il risultato 100 ma non è computabile") == true)
        #expect(byCode["5"]?.first?.message.contains("stampata N.C. ma, con la metodologia dell'Ente, vale 100") == true)
    }

    @Test func aCartaThatAgreesWithItsPrintHasNoFinding() {
        let agreeing = Self.plan([
            Self.row("1", text: "servizio sempre disponibile") { $0.outcome = .met; $0.declared = DeclaredResult(score: 100) },
            Self.row("2", days: 30, text: "30 gg.") { $0.notComputableReason = "nessuna richiesta"; $0.declared = DeclaredResult(text: "N.C.") },
        ])
        #expect(ServiceCharterDeclaredCheck().findings(in: CheckContext(plan: agreeing, computedScore: { _ in nil })).isEmpty)
        // The check reads the scores of the run it belongs to, not a scoring of its own: given the scores of a plan
        // where row 2 was measured (10 days), the row printed N.C. is a finding.
        var measured = agreeing
        measured.serviceResults[1].notComputableReason = nil
        measured.serviceResults[1].measuredDays = 10
        let context = CheckContext(plan: agreeing, computedScore: { _ in nil }, scores: PlanScorer.score(measured))
        #expect(ServiceCharterDeclaredCheck().findings(in: context).map(\.elementCode) == ["2"])
    }
}

@Suite("Carta dei servizi: ipotesi sulle righe")
struct ServiceRowWhatIfTests {
    @Test func aHypothesisOnACartaRowChangesTheRowAndTheTotal() throws {
        var plan = ServiceRowKindsTests.plan([
            ServiceRowKindsTests.row("3.1.1", days: 25, text: "25 gg.") { $0.measuredDays = 8 },
            ServiceRowKindsTests.row("3.1.2", days: 4, text: "4 gg.") { $0.notComputableReason = "nessuna richiesta" },
            ServiceRowKindsTests.row("3.3.5", days: 50, text: "50 gg.") { $0.measuredDays = 20 },
        ])
        plan.periods = MonitoringPeriod.standard(.yearEndOnly, entityCode: "lucca", year: 2018)
        let period = try #require(plan.periods.first?.code)
        let before = PlanScorer.score(plan, period: period)
        #expect(before.serviceRows["cs-3.1.2"]?.score.value == nil)
        let hypotheses = try ["3.1.2=6 gg", "3.3.5=56/78"].map { try Hypothesis.parse($0, year: 2018) }
        let result = try WhatIf.score(plan, period: period, hypotheses: hypotheses)
        #expect(result.scores.serviceRows["cs-3.1.2"]?.score.value == 0)   // 6 > 4
        #expect(result.scores.serviceRows["cs-3.3.5"]?.score.value == 72)  // 56/78 = 71,79
        #expect(result.scores.serviceCharter?.score.value == Decimal(string: "57.33"))  // (100 + 0 + 72) / 3
        #expect(result.changes.contains { $0.subject.kind == .serviceCharter })
        #expect(plan.serviceResults.first { $0.standardID == "cs-3.1.2" }?.notComputableReason == "nessuna richiesta")
        let wrong = try Hypothesis.parse("3.1.1=31/12/2018", year: 2018)
        #expect(throws: WhatIfError.self) { try WhatIf.score(plan, period: period, hypotheses: [wrong]) }
    }
}
