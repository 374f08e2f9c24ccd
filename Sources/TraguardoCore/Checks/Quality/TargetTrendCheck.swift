import Foundation

/// Multi-year targets do not get easier over the plan's horizon (Massa OC_TBS_03: ≥ 7 then ≥ 6).
public struct TargetTrendCheck: PlanCheck {
    public let code = "TARGET-IN-CALO"
    public let title = "Target che diventano più facili"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        var result: [Finding] = []
        let yearly = plan.targets.filter { $0.periodCode == nil && $0.applicable && $0.value != nil }
        for (indicatorID, targets) in Dictionary(grouping: yearly, by: \.indicatorID) {
            guard let indicator = lookup.indicatorsByID[indicatorID] else { continue }
            let sorted = targets.sorted { $0.year < $1.year }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) {
                let higherIsBetter: Bool
                switch later.comparator ?? earlier.comparator {
                case .atLeast, .greaterThan: higherIsBetter = true
                case .atMost, .lessThan: higherIsBetter = false
                default: continue
                }
                let easier = higherIsBetter ? later.value! < earlier.value! : later.value! > earlier.value!
                guard easier else { continue }
                result.append(Finding(
                    code: code, severity: .warning, elementKind: "indicatore",
                    elementCode: lookup.indicatorCode(indicator), provenance: indicator.provenance,
                    message: "Il target dell'indicatore \(lookup.indicatorCode(indicator)) passa da "
                        + "\(CheckText.number(earlier.value!)) nel \(earlier.year) a \(CheckText.number(later.value!)) "
                        + "nel \(later.year): diventa più facile. Motivare la scelta o rivedere i target."))
            }
        }
        return result.sorted { $0.elementCode < $1.elementCode }
    }
}
