import Foundation

/// The fingerprint of what a submission, a verification or a validation judged: the office's measurements in the
/// period (the items it enters, `CyclePlan.items(enteredBy:)`), with their values, notes and evidence. One changed
/// value changes it. FNV-1a (64 bit) over the measurements' JSON with sorted keys, as `PlanFingerprint`.
public enum SubmissionFingerprint {
    public static func of(_ plan: CyclePlan, unit: OrganisationalUnit, period: MonitoringPeriod) -> String {
        of(plan, items: plan.items(enteredBy: unit), period: period)
    }

    /// The fingerprint of the given items' measurements in the period.
    public static func of(_ plan: CyclePlan, items: [MeasuredItem], period: MonitoringPeriod) -> String {
        let byItem = plan.measurementsByItem(in: period)
        // What a person judged: the values and their notes, not when or by whom they were typed.
        let judged: [JudgedValue] = items.map { item in
            var m = byItem[item.id]
            m?.recordedAt = nil
            m?.author = nil
            m?.provenance = nil
            return JudgedValue(item: item.id, measurement: m)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return FNV1a.hex((try? encoder.encode(judged)) ?? Data())
    }

    private struct JudgedValue: Encodable {
        var item: String
        var measurement: Measurement?
    }
}
