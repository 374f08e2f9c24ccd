import Foundation
import TraguardoCore

/// «Confronto di metodologie» of an Ente-year: its scores under its own methodology and under another one (a preset
/// of the engine or a stored version of the Ente-year), element by element, as the core's `MethodologyComparison`
/// computes them (the page computes nothing): the rules that differ, the Ente's score under each, every element
/// whose score changes with the difference and the formula under each, the managers per band of score under each.
public struct MetodologiePage: WebPage {
    public static let templateName = "metodologie"
    public var title: String
    public var action: String
    public var choices: [Choice]
    /// The period asked for (`?periodo=`), kept by the form; nil: the last of the year.
    public var period: String?
    /// The period the comparison was computed for.
    public var computedPeriod: String?
    public var error: String?
    public var compared: Compared?

    public struct Choice: Sendable {
        public var value: String
        public var label: String
        public var selected: Bool
    }

    public struct Compared: Sendable {
        public var current: String
        public var proposed: String
        public var ruleDifferences: [String]
        public var hasRuleDifferences: Bool
        public var entityBefore: String
        public var entityAfter: String
        public var entityDifference: String?
        /// «Cambiano 12 punteggi su 240 elementi: 5 salgono, 7 scendono.»
        public var summary: String
        public var rows: [Row]
        public var hasRows: Bool
        public var bands: [Band]
    }

    public struct Row: Sendable {
        public var kind: String
        public var element: String
        public var before: String
        public var after: String
        public var difference: String
        public var beforeFormula: String
        public var afterFormula: String
    }

    public struct Band: Sendable {
        public var label: String
        public var before: Int
        public var after: Int
    }

    /// The choices the form offers: the presets of the engine and the stored versions of the Ente-year.
    public static func choices(stored: [MethodologyVersion], chosen: String) -> [Choice] {
        let presets = MethodologyPresets.all.keys.sorted().map { key in
            Choice(value: key, label: "Preset «\(key)»", selected: key == chosen)
        }
        let versions = stored.map { version in
            Choice(value: "v\(version.version)", label: "Versione \(version.version) registrata («\(version.rules.name)»)",
                   selected: chosen == "v\(version.version)" || chosen == "\(version.version)")
        }
        return presets + versions
    }

    /// - Parameters:
    ///   - comparison: the core's comparison, nil when no other methodology was chosen (or it names nothing).
    ///   - error: why the chosen methodology names nothing.
    public static func make(
        plan: CyclePlan, stored: [MethodologyVersion], chosen: String, period: String? = nil, comparison: MethodologyComparison?,
        error: String?
    ) -> MetodologiePage {
        let compared = comparison.map { comparison -> Compared in
            let entity = comparison.rows.first { $0.subject.kind == .entity }
            let entityScore = comparison.current.all.first { $0.subject.kind == .entity }?.score.shown ?? "N.C."
            let changed = comparison.rows.count
            let summary = changed == 0
                ? "Nessun punteggio cambia su \(comparison.compared) elementi."
                : "Cambiano \(changed) punteggi su \(comparison.compared) elementi: \(comparison.risen) salgono, \(comparison.fallen) scendono."
            return Compared(
                current: MethodologyComparison.name(comparison.current.methodology),
                proposed: MethodologyComparison.name(comparison.proposed.methodology),
                ruleDifferences: comparison.ruleDifferences, hasRuleDifferences: !comparison.ruleDifferences.isEmpty,
                entityBefore: entity?.beforeShown ?? entityScore, entityAfter: entity?.afterShown ?? entityScore,
                entityDifference: entity?.differenceShown, summary: summary,
                rows: comparison.rows.map { row in
                    let subject = row.subject
                    let name = subject.kind == .entity ? plan.entity.name : "\(subject.path) \(subject.title)"
                    return Row(kind: subject.kind.label, element: name.trimmingCharacters(in: .whitespaces),
                               before: row.beforeShown, after: row.afterShown, difference: row.differenceShown ?? "—",
                               beforeFormula: row.beforeFormula, afterFormula: row.afterFormula)
                },
                hasRows: !comparison.rows.isEmpty,
                bands: zip(comparison.currentDistribution.bands, comparison.proposedDistribution.bands).map {
                    Band(label: $0.label, before: $0.count, after: $1.count)
                })
        }
        return MetodologiePage(
            title: "Confronto di metodologie \(plan.entity.shortName ?? plan.entity.name) \(plan.cycle.year)",
            action: WebRoutes.metodologie(ente: plan.entity.code, anno: plan.cycle.year),
            choices: choices(stored: stored, chosen: chosen), period: period, computedPeriod: comparison?.current.periodCode,
            error: error, compared: compared)
    }
}
