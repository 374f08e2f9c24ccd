import Foundation

/// The fields of one edit, read key by key with `PlanValueRule` (the plan file's rules): each reader sets a
/// record's field when the key was sent (an empty value clears it) and notes, beside the key, what it found
/// and what it expected. Keys no reader asked for are refused by `finish()`, as the plan file refuses them.
struct PlanEditFields {
    let values: [String: String]
    private(set) var errors: [PlanEditError] = []
    private var asked: Set<String> = []

    init(_ values: [String: String]) { self.values = values }

    mutating func error(_ key: String, _ message: String) {
        errors.append(PlanEditError(field: key, message: message))
    }

    /// The text sent for `key`, trimmed; nil when the key was not sent.
    mutating func given(_ key: String) -> String? {
        asked.insert(key)
        return values[key].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    mutating func text(_ key: String, into field: inout String?) {
        if let text = given(key) { field = text.isEmpty ? nil : text }
    }

    /// A list written one entry per line (`uffici`, `coordinatori`, `fonti`), as the plan workbook's list columns.
    mutating func lines(_ key: String, into field: inout [String]) {
        if let text = given(key) {
            field = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// A text that must be there (sent now or already in the record).
    mutating func required(_ key: String, what: String, into field: inout String) {
        if let text = given(key) { field = text }
        if field.trimmingCharacters(in: .whitespaces).isEmpty { error(key, PlanValueRule.missing(what, key: key)) }
    }

    mutating func value<T>(_ key: String, into field: inout T?, _ rule: (String) -> Result<T, PlanValueRule.Problem>) {
        guard let text = given(key) else { return }
        guard !text.isEmpty else { field = nil; return }
        switch rule(text) {
        case .success(let value): field = value
        case .failure(let problem): error(key, problem.message)
        }
    }

    mutating func decimal(_ key: String, into field: inout Decimal?) { value(key, into: &field) { PlanValueRule.decimal($0, machine: false) } }
    mutating func integer(_ key: String, into field: inout Int?) { value(key, into: &field, PlanValueRule.integer) }
    mutating func date(_ key: String, into field: inout CivilDate?) { value(key, into: &field, PlanValueRule.date) }
    mutating func bool(_ key: String, into field: inout Bool?) { value(key, into: &field, PlanValueRule.bool) }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, into field: inout E?) where E.RawValue == String {
        value(key, into: &field) { PlanValueRule.choice($0, E.self) }
    }

    /// A choice that must be there.
    mutating func requiredChoice<E: RawRepresentable & CaseIterable>(_ key: String, what: String, into field: inout E?)
        where E.RawValue == String
    {
        choice(key, into: &field)
        if field == nil, !errors.contains(where: { $0.field == key }) {
            error(key, PlanValueRule.missing(what, key: key) + "; ammessi: " + E.allCases.map(\.rawValue).joined(separator: " | "))
        }
    }

    /// A code naming another element of the plan, which must exist (`PlanIntegrity.unknown`).
    mutating func reference(_ key: String, _ kind: PlanIntegrity.Kind, in plan: CyclePlan, into field: inout String?) {
        guard let text = given(key) else { return }
        guard !text.isEmpty else { field = nil; return }
        if let problem = PlanIntegrity.unknown(kind, text, in: plan) { error(key, problem) } else { field = text }
    }

    /// Refuses the keys no reader asked for.
    mutating func finish() {
        for key in values.keys.sorted() where !asked.contains(key) {
            error(key, PlanValueRule.unknownKey(key, allowed: Array(asked)))
        }
    }
}
