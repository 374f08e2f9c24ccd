import Foundation
import Testing
@testable import TraguardoCore

private func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

private func standard(_ code: String, days: Decimal? = nil, text: String? = nil) -> ServiceStandard {
    ServiceStandard(id: "cs-\(code)", entityCode: "lucca", code: code, process: "Processo \(code)",
                    standardDays: days, standardText: text)
}

private let year2018 = DaySpan(from: date("2018-01-01"), to: date("2018-12-31"))
private let lucca = WorkingDayCalendar(patronSaint: PatronSaint(name: "San Paolino", month: 7, day: 12))

/// `days` working days after Monday 8 January 2018 (no holiday until Easter Monday).
private func closedAfter(_ days: Int) -> CivilDate {
    var day = date("2018-01-08"), counted = 0
    while counted < days {
        day = day.adding(days: 1)
        if lucca.isWorkingDay(day) { counted += 1 }
    }
    return day
}

private func cases(_ code: String, _ days: [Int], channel: String? = nil, reason: String? = nil) -> [ServiceCase] {
    days.enumerated().map { index, count in
        ServiceCase(serviceCode: code, caseID: "\(code)-\(index)", received: date("2018-01-08"), closed: closedAfter(count),
                    channel: channel, justification: reason)
    }
}

@Suite("Carta dei servizi: standard e casi")
struct ServiceCaseSummaryTests {
    @Test func standardKindsAreReadFromThePrintedStandard() {
        #expect(ServiceStandardKind(standard("a", days: 25, text: "25 gg.")) == .workingDays(25))
        #expect(ServiceStandardKind(standard("a", text: "entro 30 giorni lavorativi")) == .workingDays(30))
        #expect(ServiceStandardKind(standard("a", days: 0, text: "a vista")) == .onTheSpot)
        #expect(ServiceStandardKind(standard("a", days: 30, text: "30 gg. (25 gg con notifiche PEC*)"))
            == .perChannel(days: 30, channels: ["PEC": 25]))
        #expect(ServiceStandardKind(standard("a", text: "da 5 a 10 giorni")) == .range(from: 5, to: 10))
        #expect(ServiceStandardKind(standard("a", text: "servizio sempre disponibile online")) == .qualitative("servizio sempre disponibile online"))
        #expect(ServiceStandardKind(standard("a", text: "secondo il calendario delle sessioni")) == .textual("secondo il calendario delle sessioni"))
        #expect(ServiceStandardKind(standard("a", days: 4)) == .workingDays(4))
        #expect(ServiceStandardKind(standard("a")) == nil)
        #expect(ServiceStandardKind.perChannel(days: 30, channels: ["PEC": 25]).limit(forChannel: "pec") == 25)
        #expect(ServiceStandardKind.perChannel(days: 30, channels: ["PEC": 25]).limit(forChannel: "raccomandata") == 30)
        #expect(ServiceStandardKind.range(from: 5, to: 10).limit(forChannel: nil) == 10)
        #expect(ServiceStandardKind.qualitative("x").limit(forChannel: nil) == nil)
    }

    @Test func everyCaseWithinTheStandardMeetsIt() {
        let row = standard("3.1.1", days: 25, text: "25 gg.")
        let summary = ServiceCaseSummary(standard: row, cases: cases("3.1.1", [8, 9, 9]), calendar: lucca, period: year2018)
        #expect(summary.cases == 3)
        #expect(summary.maximumDays == 9)
        #expect(summary.meanDays!.rounded(.halfUp, digits: 2) == Decimal(string: "8.67"))
        #expect(summary.withinStandard == 3)
        let result = summary.result(year: 2018)
        #expect(result.casesTotal == 3 && result.casesWithinStandard == 3 && result.notComputableReason == nil)
    }

    /// Verifica periodica (seed 000 l. 979): 56 of 78 within 50 days → the share, 72 once rounded.
    @Test func lateCasesWithoutAReasonGiveTheShare() throws {
        let row = standard("3.3.5.a", days: 50, text: "50 gg.")
        let all = cases("3.3.5.a", Array(repeating: 30, count: 56) + Array(repeating: 60, count: 22))
        let summary = ServiceCaseSummary(standard: row, cases: all, calendar: lucca, period: year2018)
        #expect(summary.late == 22 && summary.withinStandard == 56)
        var plan = CyclePlan(entity: Entity(code: "lucca", name: "CCIAA Lucca"), cycle: Cycle(entityCode: "lucca", year: 2018))
        plan.serviceStandards = [row]
        plan.serviceResults = [summary.result(year: 2018)]
        let scores = PlanScorer.score(plan)
        #expect(scores.serviceRows[row.id]?.score.value == 72)
    }

    /// The lodo (seed 000 l. 969): one extinct, three within, one late with the parties' consent → 100 and the mean
    /// of the three.
    @Test func justifiedLateCasesStillMeetTheStandard() {
        let row = standard("3.3.1.b", days: 180, text: "180 gg.")
        var all = cases("3.3.1.b", [68, 89, 77]) + cases("x", [])
        all.append(ServiceCase(serviceCode: "3.3.1.b", caseID: "estinta", received: date("2018-02-01")))
        all.append(ServiceCase(serviceCode: "3.3.1.b", caseID: "proroga", received: date("2017-01-09"),
                               closed: date("2018-06-29"), justification: "proroga con il consenso delle parti"))
        let summary = ServiceCaseSummary(standard: row, cases: all, calendar: lucca, period: year2018)
        #expect(summary.cases == 4 && summary.justified == 1 && summary.notConcluded == 1)
        #expect(summary.meanDays == 78)
        let result = summary.result(year: 2018)
        #expect(result.justifiedDeviation)
        #expect(result.note?.contains("proroga con il consenso delle parti") == true)
    }

    @Test func theChannelChoosesTheLimit() {
        let row = standard("3.3.1.a", days: 30, text: "30 gg. (25 gg con notifiche PEC*)")
        let summary = ServiceCaseSummary(
            standard: row, cases: cases("3.3.1.a", [27], channel: "PEC") + cases("3.3.1.a", [27], channel: "raccomandata"),
            calendar: lucca, period: year2018)
        #expect(summary.late == 1 && summary.withinStandard == 1)
    }

    @Test func noCasesIsNotComputable() {
        let row = standard("3.1.2", days: 30, text: "30 gg.")
        let outside = ServiceCase(serviceCode: "3.1.2", caseID: "1", received: date("2017-03-01"), closed: date("2017-03-10"))
        let summary = ServiceCaseSummary(standard: row, cases: [outside], calendar: lucca, period: year2018)
        #expect(summary.cases == 0)
        #expect(summary.result(year: 2018).notComputableReason == "nessun caso nel periodo")
        // A textual standard cannot judge cases: N.C. that says why, never a silent one.
        let textual = standard("t", text: "secondo il calendario delle sessioni")
        let judged = ServiceCaseSummary(standard: textual, cases: cases("t", [3]), calendar: lucca, period: year2018)
        #expect(judged.result(year: 2018).notComputableReason?.contains("non è un numero di giorni") == true)
    }
}
