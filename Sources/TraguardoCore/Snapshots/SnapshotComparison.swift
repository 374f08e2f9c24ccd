import Foundation

/// What changed between two snapshots of the same Ente-year (two versions of one period, or two periods):
/// the measured values that differ, the scores that differ, and whether the plan or the methodology changed.
/// `traguardo snapshot diff` prints it.
public struct SnapshotComparison: Hashable, Sendable {
    /// A measured value that is not the same in the two snapshots (nil: no measurement on that side).
    public struct ValueChange: Hashable, Sendable {
        public var itemID: String
        /// How `traguardo explain` names the item (`C30101/1/1a`), or its id when it is not scored.
        public var path: String
        public var periodID: String
        public var before: String?
        public var after: String?
    }

    /// A score that is not the same (as printed: `68,49`, `N.C.`; nil when the element is only on one side).
    public struct ScoreChange: Hashable, Sendable {
        public var kind: String
        public var id: String
        public var path: String
        public var title: String
        public var before: String?
        public var after: String?
    }

    public var old: SnapshotSummary
    public var new: SnapshotSummary
    public var values: [ValueChange]
    public var scores: [ScoreChange]

    public var planChanged: Bool { old.planFingerprint != new.planFingerprint }
    public var methodologyChanged: Bool {
        old.methodologyName != new.methodologyName || old.methodologyVersion != new.methodologyVersion
    }
    public var isEmpty: Bool { values.isEmpty && scores.isEmpty && !planChanged && !methodologyChanged }

    public init(_ old: PeriodSnapshot, _ new: PeriodSnapshot) {
        self.old = old.summary
        self.new = new.summary
        var paths: [String: String] = [:]
        for row in old.scores.punteggi + new.scores.punteggi where row.tipo == ScoredKind.item.rawValue {
            paths[row.id] = row.percorso
        }
        func shown(_ plan: CyclePlan) -> [String: (item: String, period: String, text: String)] {
            var result: [String: (item: String, period: String, text: String)] = [:]
            for m in plan.measurements {
                var text = m.enteredText
                if let reason = m.notComputableReason { text += " (\(reason))" }
                if m.justifiedDeviation { text += " [scostamento giustificato]" }
                result[m.itemID + "@" + m.periodID] = (m.itemID, m.periodID, text)
            }
            return result
        }
        let before = shown(old.plan)
        let after = shown(new.plan)
        values = Set(before.keys).union(after.keys).sorted().compactMap { key in
            let b = before[key]
            let a = after[key]
            guard b?.text != a?.text, let any = a ?? b else { return nil }
            return ValueChange(
                itemID: any.item, path: paths[any.item] ?? any.item, periodID: any.period, before: b?.text, after: a?.text)
        }
        let oldRows = Dictionary(old.scores.punteggi.map { ($0.tipo + "/" + $0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newRows = Dictionary(new.scores.punteggi.map { ($0.tipo + "/" + $0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var order = new.scores.punteggi.map { $0.tipo + "/" + $0.id }
        order += old.scores.punteggi.map { $0.tipo + "/" + $0.id }.filter { newRows[$0] == nil }
        scores = order.compactMap { key in
            let b = oldRows[key]
            let a = newRows[key]
            guard b?.mostrato != a?.mostrato, let any = a ?? b else { return nil }
            return ScoreChange(
                kind: any.tipo, id: any.id, path: any.percorso, title: any.titolo, before: b?.mostrato, after: a?.mostrato)
        }
    }

    /// The comparison as `traguardo snapshot diff` prints it, in Italian.
    public var text: String {
        var lines = [
            "Istantanea \(old.periodCode) \(old.text)",
            "Istantanea \(new.periodCode) \(new.text)",
        ]
        if isEmpty { return (lines + ["Nessuna differenza: stessi valori, stessi punteggi, stesso piano."]).joined(separator: "\n") }
        if planChanged {
            lines.append("Piano cambiato: impronta del piano \(old.planFingerprint) → \(new.planFingerprint).")
        }
        if old.planVersion != new.planVersion {
            lines.append("Versione del piano: \(old.planVersionText) → \(new.planVersionText).")
        }
        if methodologyChanged {
            lines.append("Metodologia cambiata: \(old.methodologyText) → \(new.methodologyText).")
        }
        if !values.isEmpty {
            lines.append("Valori rilevati cambiati (\(values.count)):")
            for change in values {
                lines.append("  \(change.path) [\(change.periodID)]: \(change.before ?? "nessun valore") → \(change.after ?? "nessun valore")")
            }
        }
        if !scores.isEmpty {
            lines.append("Punteggi cambiati (\(scores.count)):")
            for change in scores {
                let label = ScoredKind(rawValue: change.kind)?.label ?? change.kind
                lines.append("  \(label) \(change.path) «\(change.title)»: \(change.before ?? "assente") → \(change.after ?? "assente")")
            }
        }
        return lines.joined(separator: "\n")
    }
}
