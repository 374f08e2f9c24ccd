import Foundation
import Testing
@testable import TraguardoCore

/// What is outstanding per office, person and period: the items come from the core's rule of who enters what,
/// the escalation from the plan's role assignments up the unit chain, the state from the stored submissions
/// bound to the fingerprint of the values they judged.
@Suite struct OutstandingWorkTests {
    /// Area AREA (dirigente Rossi) above office UFF (responsabile Bianchi) and office VUOTO (no holder); node N
    /// owned by UFF with two items, node M owned by VUOTO with one; the ANNO period open with deadline 20/01.
    static func plan() -> CyclePlan {
        var b = PlanBuilder(year: 2026)
        b.node("N")
        b.node("M")
        b.indicator("1", .node("N"), items: [ItemSpec.declared("a", 50), { var s = ItemSpec("b"); s.measured = false; return s }()])
        b.indicator("2", .node("M"), items: [{ var s = ItemSpec("c"); s.measured = false; return s }()])
        var plan = b.plan
        plan.units = [
            OrganisationalUnit(id: "AREA", entityCode: "test", name: "Area servizi", kind: .areaDirigenziale),
            OrganisationalUnit(id: "UFF", entityCode: "test", parentID: "AREA", name: "Ufficio studi", kind: .ufficio),
            OrganisationalUnit(id: "VUOTO", entityCode: "test", parentID: "AREA", name: "Ufficio vuoto", kind: .ufficio),
        ]
        plan.people = [
            Person(id: "rossi", entityCode: "test", name: "Rossi", email: "rossi@example.org"),
            Person(id: "bianchi", entityCode: "test", name: "Bianchi"),
            Person(id: "verdi", entityCode: "test", name: "Verdi"),
        ]
        plan.roles = [
            RoleAssignment(id: "r1", personID: "rossi", unitID: "AREA", role: .dirigente),
            RoleAssignment(id: "r2", personID: "bianchi", unitID: "UFF", role: .responsabileUfficio),
            // Held until 2025: not Verdi's office in 2026.
            RoleAssignment(id: "r3", personID: "verdi", unitID: "VUOTO", role: .responsabileUfficio, toYear: 2025),
        ]
        plan.nodes[0].ownerUnitID = "UFF"
        plan.nodes[1].ownerUnitID = "VUOTO"
        plan.periods[0].status = .open
        plan.periods[0].deadline = CivilDate(year: 2027, month: 1, day: 20)
        return plan
    }

    @Test func officeWorkListsTheItemsTheOfficeEntersWithTheirState() throws {
        let plan = Self.plan()
        let work = OutstandingWork.compute(plan: plan, submissions: [], today: CivilDate(year: 2027, month: 1, day: 15))
        let uff = try #require(work.office("UFF").first)
        #expect(uff.items.map(\.item.id) == plan.items(enteredBy: plan.units[1]).map(\.id))
        #expect(uff.items.map(\.state) == [.entered, .missing])
        #expect(uff.missing.map(\.item.code) == ["b"])
        #expect(uff.completionPercent == 50)
        #expect(uff.submission == .draft)
        #expect(uff.daysToDeadline == 5)
        #expect(uff.isOutstanding && !uff.isOverdue)
        #expect(uff.escalation.officeHolders.map(\.id) == ["bianchi"])
        #expect(uff.escalation.dirigenti.map(\.id) == ["rossi"])
        // An office without a holder in the year goes to its dirigente; the area itself enters nothing.
        let vuoto = try #require(work.office("VUOTO").first)
        #expect(vuoto.escalation.officeHolders.map(\.id) == ["rossi"])
        #expect(work.office("AREA").isEmpty)
        #expect(work.offices(under: "AREA", in: plan).count == 2)
    }

    @Test func overdueAfterTheDeadlineAndNothingOutstandingOnceSubmitted() throws {
        let plan = Self.plan()
        let late = OutstandingWork.compute(plan: plan, submissions: [], today: CivilDate(year: 2027, month: 1, day: 21))
        #expect(late.office("UFF").first?.isOverdue == true)
        let period = plan.periods[0]
        let fingerprint = SubmissionFingerprint.of(plan, unit: plan.units[1], period: period)
        let submitted = OfficeSubmission(unitID: "UFF", periodCode: period.code, state: .submitted, fingerprint: fingerprint, submittedBy: "bianchi.web")
        let work = OutstandingWork.compute(plan: plan, submissions: [submitted], today: CivilDate(year: 2027, month: 1, day: 21))
        let uff = try #require(work.office("UFF").first)
        #expect(uff.submission == .submitted)
        #expect(uff.submittedBy == "bianchi.web")
        #expect(!uff.isOutstanding && !uff.isOverdue)
        #expect(work.outstanding.map(\.unit.id) == ["VUOTO"])
    }

    @Test func aChangedValueDropsTheOldStateBackToDraft() throws {
        var plan = Self.plan()
        let period = plan.periods[0]
        let unit = plan.units[1]
        let before = SubmissionFingerprint.of(plan, unit: unit, period: period)
        let validated = OfficeSubmission(unitID: "UFF", periodCode: period.code, state: .validated, fingerprint: before)
        #expect(validated.effectiveState(current: before) == .validated)
        plan.measurements[0].value = 40
        let after = SubmissionFingerprint.of(plan, unit: unit, period: period)
        #expect(after != before)
        #expect(validated.effectiveState(current: after) == .draft)
        // Who typed it and when is not what was judged.
        plan.measurements[0].value = 50
        plan.measurements[0].author = "altri"
        plan.measurements[0].recordedAt = Date(timeIntervalSince1970: 1)
        #expect(SubmissionFingerprint.of(plan, unit: unit, period: period) == before)
        // Another office's values are not this office's.
        plan.measurements.append(Measurement(id: "x", itemID: plan.items[2].id, periodID: period.id, value: 1))
        #expect(SubmissionFingerprint.of(plan, unit: unit, period: period) == before)
    }

    @Test func byPersonGivesHoldersTheirOfficesAndDirigentiEveryOfficeBelow() {
        let plan = Self.plan()
        let people = OutstandingWork.compute(plan: plan, submissions: [], today: CivilDate(year: 2027, month: 1, day: 1)).byPerson
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.person.id, $0) })
        #expect(byID["bianchi"]?.entries.map(\.work.unit.id) == ["UFF"])
        #expect(byID["bianchi"]?.entries.map(\.role) == [.office])
        #expect(Set(byID["rossi"]?.entries.map(\.work.unit.id) ?? []) == ["UFF", "VUOTO"])
        #expect(byID["verdi"] == nil)
    }

    @Test func periodsToOpenAndClosedPeriodsOweNothing() {
        var plan = Self.plan()
        plan.periods[0].status = .toOpen
        #expect(OutstandingWork.compute(plan: plan, submissions: [], today: CivilDate(year: 2027, month: 1, day: 1)).offices.isEmpty)
        plan.periods[0].status = .closed
        let closed = OutstandingWork.compute(plan: plan, submissions: [], today: CivilDate(year: 2027, month: 1, day: 1))
        #expect(closed.offices.count == 2 && closed.outstanding.isEmpty)
        plan.periods[0].status = .reopened
        #expect(OutstandingWork.compute(plan: plan, submissions: [], today: CivilDate(year: 2027, month: 1, day: 1)).outstanding.count == 2)
    }

    @Test func oldStoredPeriodsAreStillRead() throws {
        let old = #"{"id":"x/2018/ANNO","entityCode":"x","year":2018,"code":"ANNO","name":"Consuntivo","kind":"annuale","endsOn":"2018-12-31","sequence":1,"status":"chiuso"}"#
        let period = try JSONDecoder().decode(MonitoringPeriod.self, from: Data(old.utf8))
        #expect(period.status == .closed && period.deadline == nil && period.opensOn == nil)
        let open = try JSONDecoder().decode(MonitoringPeriod.self, from: Data(old.replacingOccurrences(of: "chiuso", with: "aperto").utf8))
        #expect(open.status == .open && open.status.acceptsEntries)
    }
}
