import Foundation

/// The target cell of an item belongs to its own row: Lucca 2013, B10101 4c) «Spedizione a Equitalia
/// del ruolo annuale» has in its target cell «4b) Tempo medio emissione ordinanze…», a copy of the row above.
/// The target text opens with the number of another item of the same indicator.
public struct ItemTargetRowCheck: PlanCheck {
    public let code = "TARGET-ALTRA-RIGA"
    public let title = "Target di un'altra riga"

    public init() {}

    /// The row label a target text opens with: «4b) Tempo medio…» → "4b".
    static func rowLabel(_ text: String) -> String? {
        guard let match = text.firstMatch(of: /^\s*([0-9]{1,2}[a-z]?)\s*\)/) else { return nil }
        return String(match.1).lowercased()
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        var result: [Finding] = []
        for (indicatorID, items) in Dictionary(grouping: plan.items, by: \.indicatorID) {
            let codes = Set(items.map { $0.code.lowercased() })
            for item in items {
                guard let text = item.targetText, let label = Self.rowLabel(text),
                      label != item.code.lowercased(), codes.contains(label) else { continue }
                let indicatorCode = lookup.indicatorsByID[indicatorID].map(lookup.indicatorCode) ?? indicatorID
                result.append(Finding(
                    code: code, severity: .warning, elementKind: "item", elementCode: "\(indicatorCode)/\(item.code)",
                    provenance: item.provenance,
                    message: "Il target dell'item \(item.code) («\(text.prefix(120))») porta il numero della riga "
                        + "\(label), un altro item dello stesso indicatore: probabilmente una cella copiata. "
                        + "Riportare il target proprio dell'item \(item.code)."))
            }
        }
        return result.sorted { $0.elementCode < $1.elementCode }
    }
}
