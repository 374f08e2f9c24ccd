import Foundation
import Testing
import TraguardoCore

/// The fingerprint a document prints of the data it was made from.
@Suite("Impronta dei dati")
struct PlanFingerprintTests {
    @Test func sameDataSameFingerprintAndAnyChangeChangesIt() throws {
        let plan = Lucca2018.plan()
        let fingerprint = PlanFingerprint.of(plan)
        #expect(fingerprint == PlanFingerprint.of(Lucca2018.plan()), "stabile tra due letture degli stessi dati")
        #expect(fingerprint.count == 19 && fingerprint.split(separator: "-").count == 4, "\(fingerprint)")

        var changed = plan
        let index = try #require(changed.measurements.firstIndex { $0.value != nil })
        changed.measurements[index].value = (changed.measurements[index].value ?? 0) + Decimal(string: "0.01")!
        #expect(PlanFingerprint.of(changed) != fingerprint, "una rilevazione diversa dà un'altra impronta")

        var renamed = plan
        renamed.entity.name += " "
        #expect(PlanFingerprint.of(renamed) != fingerprint)
    }
}
