import Foundation

/// The same indicator used in two places has the same target there (Massa OC_TBS_03: ≥ 6 in one
/// scheda and ≥ 7 in another for 2022).
public struct SharedIndicatorTargetCheck: PlanCheck {
    public let code = "TARGET-DISCORDANTE"
    public let title = "Stesso indicatore, target diversi"

    public init() {}

    /// Indicators are "the same" when they share a code that is not a bare ordinal, or the same name.
    static func identity(_ indicator: Indicator) -> String {
        let isOrdinal = indicator.code.allSatisfy { $0.isNumber || $0 == "." || $0 == ")" }
            || indicator.code.count <= 2
        let base = isOrdinal ? indicator.name : indicator.code
        return base.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        let targets = Dictionary(grouping: plan.targets.filter { $0.periodCode == nil && $0.value != nil },
                                 by: \.indicatorID)
        var result: [Finding] = []
        for (_, indicators) in Dictionary(grouping: plan.indicators, by: Self.identity) where indicators.count > 1 {
            var byYear: [Int: [(Indicator, Target)]] = [:]
            for indicator in indicators {
                for target in targets[indicator.id] ?? [] { byYear[target.year, default: []].append((indicator, target)) }
            }
            for (year, pairs) in byYear.sorted(by: { $0.key < $1.key }) {
                let distinct = Set(pairs.map { "\($0.1.comparator?.rawValue ?? "")\($0.1.value!)" })
                guard distinct.count > 1 else { continue }
                let places = pairs.map {
                    "\(lookup.indicatorCode($0.0)): \($0.1.comparator?.symbol ?? "") \(CheckText.number($0.1.value!))"
                }.joined(separator: "; ")
                result.append(Finding(
                    code: code, severity: .warning, elementKind: "indicatore",
                    elementCode: lookup.indicatorCode(pairs[0].0), provenance: pairs[0].0.provenance,
                    message: "Lo stesso indicatore «\(pairs[0].0.name)» ha target \(year) diversi: \(places). "
                        + "Usare un solo target o distinguere gli indicatori."))
            }
        }
        return result.sorted { $0.elementCode < $1.elementCode }
    }
}
