import Foundation

/// A target says what is expected, not what was measured: «2016 n. 21, 2017 n. 33» written in the
/// 2016 target cell (Lucca 2017, 012-004-003) are results, and belong in the measurements.
public struct TargetWithResultsCheck: PlanCheck {
    public let code = "TARGET-CON-RISULTATI"
    public let title = "Valori rilevati scritti nel target"

    public init() {}

    /// Year–value pairs in a text: "2016 n. 21, 2017 n. 33" → [2016, 2017].
    static func yearValuePairs(in text: String) -> [Int] {
        text.matches(of: /\b((?:19|20)[0-9]{2})\s*(?:n\.|nr\.?|:|=)\s*[0-9]/).compactMap { Int($0.1) }
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        var result: [Finding] = []
        for target in plan.targets {
            guard let text = target.text, let indicator = lookup.indicatorsByID[target.indicatorID] else { continue }
            let years = Set(Self.yearValuePairs(in: text))
            // Two or more years with their values, at least one already past: a series of results.
            guard years.count >= 2, let first = years.min(), first <= plan.cycle.year else { continue }
            let code = lookup.indicatorCode(indicator)
            result.append(Finding(
                code: self.code, severity: .warning, elementKind: "indicatore", elementCode: code,
                provenance: indicator.provenance,
                message: "Il target \(target.year) dell'indicatore \(code) contiene valori per anno («\(text.prefix(120))»): "
                    + "sembrano risultati. Scrivere nel target il valore atteso e registrare i valori rilevati come rilevazioni o baseline."))
        }
        return result
    }
}
