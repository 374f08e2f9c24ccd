import Foundation

/// An objective that names other objectives by number names the same ones as its indicators:
/// "OBIETTIVI DI ENTE N. 4-5-6" in the title against "n. 3-4-5-6" in the indicator.
public struct ObjectiveReferenceCheck: PlanCheck {
    public let code = "RIFERIMENTI-DISCORDANTI"
    public let title = "Obiettivi richiamati"

    public init() {}

    /// The numbers after "n." in a text: "obiettivi di Ente n. 3-4-5-6" → [3, 4, 5, 6].
    static func referencedNumbers(in text: String) -> Set<Int>? {
        guard let match = text.firstMatch(of: /(?i)\bn\.\s*([0-9]+(?:\s*[-,e]\s*[0-9]+)+)/) else { return nil }
        let numbers = String(match.1).split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return numbers.count > 1 ? Set(numbers) : nil
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let indicators = Dictionary(grouping: plan.indicators.filter { $0.objectiveID != nil }, by: { $0.objectiveID! })
        var result: [Finding] = []
        for objective in plan.objectives {
            guard let inTitle = Self.referencedNumbers(in: objective.title) else { continue }
            for indicator in indicators[objective.id] ?? [] {
                let text = [indicator.name, indicator.description ?? ""].joined(separator: " ")
                guard let inIndicator = Self.referencedNumbers(in: text), inIndicator != inTitle else { continue }
                let show = { (set: Set<Int>) in set.sorted().map(String.init).joined(separator: "-") }
                result.append(Finding(
                    code: code, severity: .warning, elementKind: "obiettivo", elementCode: objective.code,
                    provenance: objective.provenance,
                    message: "Il titolo dell'obiettivo \(objective.code) richiama gli obiettivi n. \(show(inTitle)), "
                        + "il suo indicatore \(indicator.code) gli obiettivi n. \(show(inIndicator)). "
                        + "Allineare titolo e indicatore."))
            }
        }
        return result
    }
}
