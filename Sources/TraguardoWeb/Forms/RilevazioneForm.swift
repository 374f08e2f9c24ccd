import Foundation
import TraguardoCore

/// Reads a posted rilevazione form into measurements, with every error in Italian beside its field.
/// Pure: the server passes the form's text fields (and the names of the uploaded evidence files), saves
/// the measurements only when `errors` is empty (all or nothing), and otherwise shows the form again with
/// `entries` and `errors`.
public struct RilevazioneForm: Sendable {
    /// The largest evidence file accepted, in bytes. Below the request limit of the server (4 MiB), so that a
    /// file too large is answered beside its field rather than by refusing the whole request.
    public static let maxEvidenceBytes = 3_000_000

    public var measurements: [TraguardoCore.Measurement]
    /// What was typed, by item id.
    public var entries: [String: RilevazioneEntry]
    public var errors: [RilevazioneError]

    /// - Parameters:
    ///   - fields: the posted text fields by name (`valore[ITEM]`, `nc[ITEM]` …; a checkbox is present when ticked).
    ///   - evidence: the names the measurement's `evidence` gets for the uploaded files, by item id (the bare
    ///     names to check the form, «name (allegato n. ID)» once the files are stored).
    ///   - period: the period code (`ANNO`, `T2`).
    ///   - office: the unit id whose items the form shows: fields of other items are ignored.
    ///   - author: who enters the measurements.
    public static func read(
        fields: [String: String], evidence: [String: [String]] = [:], plan: CyclePlan, period: String, office: String,
        author: String?, at time: Date? = nil
    ) -> RilevazioneForm {
        typealias F = FormFields.Rilevazione
        let offices = plan.responsibleUnits()
        var typed: [String: RilevazioneEntry] = [:]
        for item in plan.items where offices[item.id] == office {
            let id = item.id
            typed[id] = RilevazioneEntry(
                value: fields[F.value(id)] ?? "",
                notComputable: fields[F.notComputable(id)] != nil,
                notComputableReason: fields[F.notComputableReason(id)] ?? "",
                justifiedDeviation: fields[F.justifiedDeviation(id)] != nil,
                justification: fields[F.justification(id)] ?? "",
                narrative: fields[F.narrative(id)] ?? "")
        }
        return read(entries: typed, evidence: evidence, plan: plan, period: period, office: office, author: author, at: time)
    }

    /// The rule of a rilevazione, whoever typed it (the form above, the JSON API): what was entered for the
    /// office's items, by item id, read by the core's `MeasurementEntry` against the stored measurement. An
    /// entry that shows the stored measurement as the page wrote it, or says the same thing again, is neither
    /// checked nor written: only what changed becomes a measurement.
    public static func read(
        entries typed: [String: RilevazioneEntry], evidence: [String: [String]] = [:], plan: CyclePlan, period: String,
        office: String, author: String?, at time: Date? = nil
    ) -> RilevazioneForm {
        let offices = plan.responsibleUnits()
        guard let known = plan.period(code: period) else {
            return RilevazioneForm(measurements: [], entries: typed, errors: [])
        }
        let existing = plan.measurementsByItem(in: known)
        var measurements: [TraguardoCore.Measurement] = []
        var entries: [String: RilevazioneEntry] = [:]
        var errors: [RilevazioneError] = []
        for item in plan.items where offices[item.id] == office {
            let id = item.id
            let entry = typed[id] ?? RilevazioneEntry()
            let files = evidence[id] ?? []
            guard !entry.isEmpty || !files.isEmpty else { continue }
            entries[id] = entry
            var m: TraguardoCore.Measurement
            switch entry.read(item: id, period: known, existing: existing[id], year: plan.cycle.year) {
            case .problems(let problems):
                errors += problems.map { RilevazioneError(itemID: id, field: RilevazioneField($0.field), message: $0.sentence) }
                continue
            case .unchanged:
                guard !files.isEmpty, let stored = existing[id] else { continue }
                m = stored
            case .changed(let changed):
                m = changed
            }
            for file in files where !m.evidence.contains(file) { m.evidence.append(file) }
            m.author = author
            m.recordedAt = time
            m.provenance = nil
            measurements.append(m)
        }
        return RilevazioneForm(measurements: measurements, entries: entries, errors: errors)
    }
}
