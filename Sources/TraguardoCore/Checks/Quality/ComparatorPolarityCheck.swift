import Foundation

/// A target's comparator agrees with the indicator's polarity: "> 5 giorni" on a processing time,
/// where lower is better, asks for the wrong thing; so does "≤ 3,5" on a satisfaction score.
public struct ComparatorPolarityCheck: PlanCheck {
    public let code = "TARGET-POLARITA"
    public let title = "Comparatore e polarità"

    public init() {}

    static let timeUnits: Set<String> = ["gg", "gg.", "giorni", "giorni lavorativi", "ore", "h", "mesi"]

    /// The polarity an indicator has, stated or implied by a time unit.
    static func polarity(of indicator: Indicator) -> Polarity? {
        if let polarity = indicator.polarity { return polarity }
        if let unit = indicator.unit?.lowercased().trimmingCharacters(in: .whitespaces), timeUnits.contains(unit) {
            return .decreasing
        }
        return nil
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        var result: [Finding] = []
        for target in plan.targets {
            guard let indicator = lookup.indicatorsByID[target.indicatorID],
                  let polarity = Self.polarity(of: indicator), let comparator = target.comparator else { continue }
            let wrong: String?
            switch (polarity, comparator) {
            case (.decreasing, .atLeast), (.decreasing, .greaterThan):
                wrong = "chiede un valore maggiore, ma per questo indicatore un valore minore è migliore"
            case (.increasing, .atMost), (.increasing, .lessThan):
                wrong = "chiede un valore minore, ma per questo indicatore un valore maggiore è migliore"
            default:
                wrong = nil
            }
            guard let wrong else { continue }
            let shown = target.text ?? "\(comparator.symbol) \(target.value.map(CheckText.number) ?? "")"
            result.append(Finding(
                code: code, severity: .warning, elementKind: "indicatore", elementCode: lookup.indicatorCode(indicator),
                provenance: indicator.provenance,
                message: "Il target \(target.year) «\(shown)» dell'indicatore \(lookup.indicatorCode(indicator)) "
                    + "\(wrong). Invertire il comparatore o correggere la polarità."))
        }
        return result
    }
}
