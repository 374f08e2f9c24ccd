import Foundation

/// An indicator repeated under several objectives is one indicator: copies can drift apart
/// (Lucca 2017: the four indicators of 011-005-005 are copied into 016-005-001, the first also
/// into 012-004-006). Suggests one definition shared by the objectives.
public struct RepeatedIndicatorCheck: PlanCheck {
    public let code = "INDICATORE-RIPETUTO"
    public let title = "Indicatore ripetuto in più obiettivi"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        var firstByIdentity: [String: Indicator] = [:]
        var result: [Finding] = []
        for indicator in plan.indicators {
            let identity = SharedIndicatorTargetCheck.identity(indicator)
            guard let first = firstByIdentity[identity] else {
                firstByIdentity[identity] = indicator
                continue
            }
            guard lookup.ownerCode(of: first) != lookup.ownerCode(of: indicator) else { continue }
            result.append(Finding(
                code: code, severity: .suggestion, elementKind: "indicatore", elementCode: lookup.indicatorCode(indicator),
                provenance: indicator.provenance,
                message: "L'indicatore \(lookup.indicatorCode(indicator)) «\(indicator.name.prefix(80))» ripete "
                    + "\(lookup.indicatorCode(first)). Definirlo una volta sola e collegarlo a entrambi gli obiettivi, "
                    + "perché target e risultati non divergano."))
        }
        return result
    }
}
