import Foundation

/// A node's time span covers the years its indicators have targets for: a scheda with «Arco
/// temporale: Biennio» and targets for 2016, 2017 and 2018 (Lucca 2017) says two different things.
public struct TimeSpanCheck: PlanCheck {
    public let code = "ARCO-TEMPORALE"
    public let title = "Arco temporale e anni dei target"

    public init() {}

    /// How many years a time span names: "Biennio" → 2, "Triennio" → 3, "2020-2022" → 3.
    static func years(in span: String) -> Int? {
        let text = span.lowercased().trimmingCharacters(in: .whitespaces)
        let words: [(String, Int)] = [("annual", 1), ("biennio", 2), ("biennale", 2), ("triennio", 3), ("triennale", 3),
                                      ("quadriennio", 4), ("quinquennio", 5)]
        if let match = words.first(where: { text.hasPrefix($0.0) }) { return match.1 }
        let years = text.matches(of: /((?:19|20)[0-9]{2})/).compactMap { Int($0.1) }
        guard let first = years.min(), let last = years.max() else { return nil }
        return last - first + 1
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let indicatorsByNode = Dictionary(grouping: plan.indicators.filter { $0.nodeID != nil }, by: { $0.nodeID! })
        let targetYears = Dictionary(grouping: plan.targets.filter(\.applicable), by: \.indicatorID)
            .mapValues { Set($0.map(\.year)) }
        var result: [Finding] = []
        for node in plan.nodes {
            guard let span = node.timeSpan, let spanYears = Self.years(in: span) else { continue }
            let years = (indicatorsByNode[node.id] ?? []).reduce(into: Set<Int>()) { $0.formUnion(targetYears[$1.id] ?? []) }
            guard years.count > spanYears else { continue }
            let listed = years.sorted().map(String.init).joined(separator: ", ")
            result.append(Finding(
                code: code, severity: .warning, elementKind: "nodo", elementCode: node.code, provenance: node.provenance,
                message: "\(node.kind.label) \(node.code) ha l'arco temporale «\(span)» (\(spanYears) ann\(spanYears == 1 ? "o" : "i")) "
                    + "ma i suoi indicatori hanno target per \(years.count) anni (\(listed)). "
                    + "Correggere l'arco temporale o togliere i target fuori dall'arco."))
        }
        return result
    }
}
