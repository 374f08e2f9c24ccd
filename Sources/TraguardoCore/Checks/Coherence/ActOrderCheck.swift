import Foundation

/// Acts of the same organ and kind are numbered in date order within a year: a delibera n. 19 of
/// 8 June cannot follow n. 24 of 12 April.
public struct ActOrderCheck: PlanCheck {
    public let code = "ATTI-NUMERAZIONE"
    public let title = "Numerazione degli atti"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let dated = context.plan.acts.compactMap { act -> (Act, Int, CivilDate)? in
            guard let date = act.date, let text = act.number,
                  let number = Int(text.prefix(while: { $0.isNumber })) else { return nil }
            return (act, number, date)
        }
        var result: [Finding] = []
        let groups = Dictionary(grouping: dated) { "\($0.0.organ.lowercased())|\($0.0.kind)|\($0.2.year)" }
        for (_, acts) in groups.sorted(by: { $0.key < $1.key }) {
            let byDate = acts.sorted { ($0.2, $0.1) < ($1.2, $1.1) }
            for (earlier, later) in zip(byDate, byDate.dropFirst()) where later.1 < earlier.1 {
                result.append(Finding(
                    code: code, severity: .error, elementKind: "atto", elementCode: later.0.label,
                    provenance: later.0.provenance,
                    message: "\(later.0.label) ha un numero più basso di \(earlier.0.label), che è precedente. "
                        + "Verificare il numero o la data di uno dei due atti."))
            }
        }
        return result
    }
}
