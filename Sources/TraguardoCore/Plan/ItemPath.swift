import Foundation

/// The name a person uses for a measured item: `NODO/INDICATORE/ITEM` (`C30101/1/1a`, `SG-4/2b/1`), as
/// `traguardo explain`, the *schede di rilevazione* and what-if hypotheses write it. An indicator with a
/// single item may be named by `NODO/INDICATORE` alone.
extension CyclePlan {
    /// The code of the node or objective an indicator belongs to.
    public func ownerCode(of indicator: Indicator) -> String {
        if let nodeID = indicator.nodeID, let node = nodes.first(where: { $0.id == nodeID }) { return node.code }
        if let objectiveID = indicator.objectiveID, let objective = objectives.first(where: { $0.id == objectiveID }) {
            return objective.code
        }
        return ""
    }

    /// `C30101/1/1a` for every item, keyed by item id.
    public func itemPaths() -> [String: String] {
        let nodeCodes = Dictionary(nodes.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        let objectiveCodes = Dictionary(objectives.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        var indicatorPaths: [String: String] = [:]
        for indicator in indicators {
            let owner = indicator.nodeID.flatMap { nodeCodes[$0] } ?? indicator.objectiveID.flatMap { objectiveCodes[$0] } ?? ""
            indicatorPaths[indicator.id] = "\(owner)/\(indicator.code)"
        }
        var paths: [String: String] = [:]
        for item in items { paths[item.id] = "\(indicatorPaths[item.indicatorID] ?? "?")/\(item.code)" }
        return paths
    }

    /// The items a path names: one item, or none. Several when the path is ambiguous (two indicators or
    /// items with the same codes), which the caller reports.
    public func items(atPath path: String) -> [MeasuredItem] {
        let key = path.trimmingCharacters(in: .whitespaces)
        let paths = itemPaths()
        let exact = items.filter { paths[$0.id] == key }
        if !exact.isEmpty { return exact }
        // `NODO/INDICATORE` for an indicator with exactly one item.
        let byIndicator = Dictionary(grouping: items, by: \.indicatorID)
        return indicators.filter { "\(ownerCode(of: $0))/\($0.code)" == key }
            .compactMap { byIndicator[$0.id]?.count == 1 ? byIndicator[$0.id]![0] : nil }
    }

    /// The period with this code or id, among the cycle's.
    public func period(code: String) -> MonitoringPeriod? {
        periods.first { $0.code == code || $0.id == code }
    }
}
