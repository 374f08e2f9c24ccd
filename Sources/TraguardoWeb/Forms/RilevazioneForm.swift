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
    /// office's items, by item id, becomes their measurements, or the errors that say what is missing.
    public static func read(
        entries typed: [String: RilevazioneEntry], evidence: [String: [String]] = [:], plan: CyclePlan, period: String,
        office: String, author: String?, at time: Date? = nil
    ) -> RilevazioneForm {
        let offices = plan.responsibleUnits()
        let known = plan.period(code: period)
        let periodID = known?.id ?? period, periodCode = known?.code ?? period
        let items = plan.items.filter { offices[$0.id] == office }
        let existing = Dictionary(
            plan.measurements(inPeriodNamed: period).map { ($0.itemID, $0) }, uniquingKeysWith: { a, _ in a })
        var measurements: [TraguardoCore.Measurement] = []
        var entries: [String: RilevazioneEntry] = [:]
        var errors: [RilevazioneError] = []
        for item in items {
            let id = item.id
            let entry = typed[id] ?? RilevazioneEntry()
            let files = evidence[id] ?? []
            guard !entry.isEmpty || !files.isEmpty else { continue }
            entries[id] = entry
            var itemErrors: [RilevazioneError] = []
            var parsed: EnteredValue?
            let text = entry.value.trimmed
            if !text.isEmpty {
                do { parsed = try EnteredValue.parse(text, year: plan.cycle.year) } catch {
                    itemErrors.append(.init(itemID: id, field: .value, message: "Valore non leggibile: \(error.reason).")) }
            }
            let notComputable = entry.notComputable || parsed?.isNotComputable == true
            if notComputable && entry.notComputableReason.trimmed.isEmpty {
                itemErrors.append(.init(itemID: id, field: .notComputableReason,
                                        message: "Indica perché la rilevazione non è computabile."))
            }
            if !notComputable && text.isEmpty {
                itemErrors.append(.init(itemID: id, field: .value,
                                        message: "Inserisci il valore rilevato, oppure segna la rilevazione come non computabile (N.C.)."))
            }
            if entry.justifiedDeviation && entry.justification.trimmed.isEmpty {
                itemErrors.append(.init(itemID: id, field: .justification,
                                        message: "Uno scostamento giustificato richiede la giustificazione."))
            }
            for (text, field, what) in [
                (entry.notComputableReason, RilevazioneField.notComputableReason, "Il motivo N.C."),
                (entry.justification, .justification, "La giustificazione"), (entry.narrative, .narrative, "La nota"),
            ] {
                if let problem = TextLength.problem(text.trimmed, what: what) { itemErrors.append(.init(itemID: id, field: field, message: problem)) }
            }
            errors += itemErrors
            guard itemErrors.isEmpty else { continue }
            var m = existing[id] ?? TraguardoCore.Measurement(
                id: TraguardoCore.Measurement.id(item: id, periodCode: periodCode), itemID: id, periodID: periodID)
            if notComputable {
                EnteredValue.value(.notComputable).apply(to: &m)
                m.text = text.isEmpty ? "N.C." : text
                m.notComputableReason = entry.notComputableReason.trimmed
            } else if let parsed {
                parsed.apply(to: &m)
                m.text = text
                m.notComputableReason = nil
            }
            m.justifiedDeviation = entry.justifiedDeviation
            m.justificationNote = entry.justifiedDeviation ? entry.justification.trimmed : nil
            let narrative = entry.narrative.trimmed
            m.narrative = narrative.isEmpty ? nil : narrative
            for file in files where !m.evidence.contains(file) { m.evidence.append(file) }
            m.author = author
            m.recordedAt = time
            m.provenance = nil
            measurements.append(m)
        }
        return RilevazioneForm(measurements: measurements, entries: entries, errors: errors)
    }
}
