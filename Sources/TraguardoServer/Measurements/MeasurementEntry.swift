import Foundation
import TraguardoCore

/// What an office typed in the rilevazione form, turned into measurements: the value in Italian (read by
/// the core's `EnteredValue`), or N.C. with its reason, the justified deviation, the note. Items left empty
/// are not touched. Errors are per item, in Italian, for the page to show beside the field.
struct MeasurementEntry {
    /// The form's field names (`valore[ITEM]`, …).
    enum Field {
        static let value = "valore"
        static let notComputable = "nc"
        static let justifiedDeviation = "scostamento"
        static let note = "nota"
    }

    var measurements: [TraguardoCore.Measurement] = []
    var errors: [String: String] = [:]
    /// Items the form names that are not among the office's: the whole post is refused.
    var foreignItems: [String] = []

    init(form: FormBody, items: [MeasuredItem], period: MonitoringPeriod, plan: CyclePlan, author: String, at date: Date) {
        let allowed = Set(items.map(\.id))
        let named = Set([Field.value, Field.notComputable, Field.justifiedDeviation, Field.note].flatMap { form.indexed($0).map(\.key) })
        foreignItems = named.subtracting(allowed).sorted()
        let values = Dictionary(form.indexed(Field.value), uniquingKeysWith: { a, _ in a })
        let reasons = Dictionary(form.indexed(Field.notComputable), uniquingKeysWith: { a, _ in a })
        let deviations = Set(form.indexed(Field.justifiedDeviation).map(\.key))
        let notes = Dictionary(form.indexed(Field.note), uniquingKeysWith: { a, _ in a })
        for item in items {
            let text = (values[item.id] ?? "").trimmingCharacters(in: .whitespaces)
            let reason = (reasons[item.id] ?? "").trimmingCharacters(in: .whitespaces)
            let note = (notes[item.id] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let old = plan.measurement(of: item.id, in: period)
            if text.isEmpty && reason.isEmpty && old == nil { continue }
            var measurement = old
                ?? TraguardoCore.Measurement(id: TraguardoCore.Measurement.id(itemID: item.id, periodID: period.id), itemID: item.id, periodID: period.id)
            if !reason.isEmpty {
                EnteredValue.value(.notComputable).apply(to: &measurement)
                measurement.notComputableReason = reason
            } else if !text.isEmpty {
                do {
                    let entered = try EnteredValue.parse(text, year: plan.cycle.year)
                    if entered.isNotComputable {
                        errors[item.id] = "per un valore non computabile indicare il motivo nel campo «Motivo N.C.»"
                        continue
                    }
                    entered.apply(to: &measurement)
                    measurement.notComputableReason = nil
                } catch {
                    errors[item.id] = error.description
                    continue
                }
            }
            measurement.justifiedDeviation = deviations.contains(item.id)
            measurement.narrative = note.isEmpty ? nil : note
            guard measurement != old else { continue }
            measurement.author = author
            measurement.recordedAt = date
            measurements.append(measurement)
        }
    }
}

extension CyclePlan {
    /// The item's measurement for the period (the plan files name periods by code, the sheets by id: both are found).
    func measurement(of itemID: String, in period: MonitoringPeriod) -> TraguardoCore.Measurement? {
        measurements.first { $0.itemID == itemID && ($0.periodID == period.id || $0.periodID == period.code) }
    }
}
