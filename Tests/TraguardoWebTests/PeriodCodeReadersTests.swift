import Foundation
import Testing
import TraguardoCore
import TraguardoExchange
import TraguardoTestSupport
import TraguardoWeb

/// A measurement written by hand in a plan file names its period by code (`ANNO`), a stored one by id
/// (`lucca/2013/ANNO`): every reader finds both, through `CyclePlan.measurement(of:in:)`.
@Suite struct PeriodCodeReadersTests {
    @Test func readersFindAMeasurementStoredUnderThePeriodCode() throws {
        var plan = SamplePlan.make()
        let period = try #require(plan.periods.last)
        #expect(period.id != period.code)
        let index = try #require(plan.measurements.firstIndex { $0.itemID == "G1/I1/a" })
        plan.measurements[index].periodID = period.code
        let stored = plan.measurements[index]

        #expect(plan.measurement(of: "G1/I1/a", in: period) == stored)
        #expect(plan.measurementsByItem(in: period)["G1/I1/a"] == stored)
        #expect(plan.measurements(inPeriodNamed: period.code) == [stored])
        // The scorer scores it (not «non rilevato»).
        let scores = PlanScorer.score(plan, period: period.code)
        #expect(scores.items["G1/I1/a"]?.score.value != nil)
        // The sheet exports its value, and reads it back unchanged.
        let sheet = try MeasurementSheet.make(plan: plan, periodCode: period.code, office: nil)
        #expect(sheet.rows.first { $0.code.hasSuffix("a") }?.value == stored.enteredText)
        // The form shows it and takes it back as unchanged: nothing written.
        let office = try #require(plan.responsibleUnits()["G1/I1/a"])
        let form = RilevazioneForm.read(
            entries: ["G1/I1/a": MeasurementEntry(showing: stored)], plan: plan, period: period.code, office: office, author: "x")
        #expect(form.errors.isEmpty && form.measurements.isEmpty)
        // A new value keeps the stored identity (no second measurement under the period id).
        let changed = RilevazioneForm.read(
            entries: ["G1/I1/a": MeasurementEntry(value: "5")], plan: plan, period: period.code, office: office, author: "x")
        #expect(changed.measurements.map(\.id) == [stored.id])
    }
}
