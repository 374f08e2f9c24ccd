import Foundation

/// Codes are unique where they identify something: nodes and objectives in the Ente-year,
/// indicators in their node or objective, items in their indicator, Carta dei servizi rows,
/// procedures, acts (organ, kind, number and year).
public struct DuplicateCodeCheck: PlanCheck {
    public let code = "CODICE-DUPLICATO"
    public let title = "Codici duplicati"

    public init() {}

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let lookup = PlanLookup(plan)
        var result: [Finding] = []

        func report<T>(_ elements: [T], kind: String, scope: String, key: (T) -> String, shown: (T) -> String,
                       provenance: (T) -> Provenance?)
        {
            let groups = Dictionary(grouping: elements, by: key)
            for (_, group) in groups where group.count > 1 {
                let first = group[0]
                result.append(Finding(
                    code: code, severity: .error, elementKind: kind, elementCode: shown(first),
                    provenance: provenance(first),
                    message: "Il codice \(shown(first)) è usato \(group.count) volte \(scope). "
                        + "Ogni elemento deve avere un codice proprio: rinumerare i duplicati."))
            }
        }

        report(plan.nodes, kind: "nodo", scope: "nell'albero", key: \.code, shown: \.code, provenance: \.provenance)
        report(plan.objectives, kind: "obiettivo", scope: "fra gli obiettivi", key: \.code, shown: \.code,
               provenance: \.provenance)
        report(plan.indicators, kind: "indicatore", scope: "nello stesso nodo o obiettivo",
               key: { lookup.indicatorCode($0) }, shown: { lookup.indicatorCode($0) }, provenance: \.provenance)
        let indicatorCode = { (id: String) in lookup.indicatorsByID[id].map(lookup.indicatorCode) ?? id }
        report(plan.items, kind: "item", scope: "nello stesso indicatore",
               key: { "\($0.indicatorID)#\($0.code)" }, shown: { "\(indicatorCode($0.indicatorID))/\($0.code)" },
               provenance: \.provenance)
        report(plan.serviceStandards, kind: "carta-dei-servizi", scope: "nella Carta dei servizi", key: \.code,
               shown: \.code, provenance: \.provenance)
        report(plan.procedures, kind: "procedimento", scope: "fra i procedimenti", key: \.code, shown: \.code,
               provenance: \.provenance)
        report(plan.acts.filter { $0.number != nil }, kind: "atto", scope: "per lo stesso organo e anno",
               key: { "\($0.organ)|\($0.kind)|\($0.number!)|\($0.date?.year ?? 0)" }, shown: \.label,
               provenance: \.provenance)
        return result.sorted { ($0.elementKind, $0.elementCode) < ($1.elementKind, $1.elementCode) }
    }
}
