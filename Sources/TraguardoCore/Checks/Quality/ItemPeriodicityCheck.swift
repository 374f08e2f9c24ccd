import Foundation

/// An item's description and its target name the same frequency: Lucca 2013, I30203 1b)
/// «report di monitoraggio bimestrali» with the target «report di monitoraggio trimestrali».
public struct ItemPeriodicityCheck: PlanCheck {
    public let code = "PERIODICITA-DISCORDANTE"
    public let title = "Periodicità discordanti"

    public init() {}

    /// The frequencies a text names ("bimestrali" → bimestrale).
    static func frequencies(in text: String) -> Set<String> {
        Set(text.matches(of: /(?i)\b(mensil|bimestral|trimestral|quadrimestral|semestral)[ei]\b/).map {
            String($0.1).lowercased() + "e"
        })
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        var result: [Finding] = []
        for item in plan.items {
            guard let target = item.targetText else { continue }
            let described = Self.frequencies(in: item.description), aimed = Self.frequencies(in: target)
            guard !described.isEmpty, !aimed.isEmpty, described.isDisjoint(with: aimed) else { continue }
            let indicatorCode = lookup.indicatorsByID[item.indicatorID].map(lookup.indicatorCode) ?? item.indicatorID
            result.append(Finding(
                code: code, severity: .warning, elementKind: "item", elementCode: "\(indicatorCode)/\(item.code)",
                provenance: item.provenance,
                message: "L'item \(item.code) è descritto come «\(item.description.prefix(120))» ma il target dice "
                    + "«\(target.prefix(120))»: periodicità \(described.sorted().joined(separator: ", ")) contro "
                    + "\(aimed.sorted().joined(separator: ", ")). Usare la stessa periodicità."))
        }
        return result.sorted { $0.elementCode < $1.elementCode }
    }
}
