import Foundation

/// Which office enters an item's measurements: the item's own office, else the office that owns its
/// indicator, else the office of its node (or of the nearest node above with one), else the objective's.
/// The *schede di rilevazione* are made per office with this rule, and the web's data entry later.
extension CyclePlan {
    /// Item id → unit id, for the items whose office is known.
    public func responsibleUnits() -> [String: String] {
        let owners = owningUnits()
        var result: [String: String] = [:]
        for item in items {
            if let unit = item.responsibleUnitID ?? owners.indicators[item.indicatorID] { result[item.id] = unit }
        }
        return result
    }

    /// The unit that answers for each node (its own owner, else the nearest node above with one) and each
    /// indicator (its own owner, else its node's, else its objective's): the one rule for whose a part of the plan
    /// is, which the offices' items (`responsibleUnits`) and a dirigente's area (`PlanArea`) both follow.
    public func owningUnits() -> (nodes: [String: String], indicators: [String: String]) {
        let nodesByID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let objectiveUnits = Dictionary(objectives.map { ($0.id, $0.unitID) }, uniquingKeysWith: { a, _ in a })
        func nodeUnit(_ id: String?) -> String? {
            var current = id
            var seen = Set<String>()
            while let nodeID = current, let node = nodesByID[nodeID], seen.insert(nodeID).inserted {
                if let unit = node.ownerUnitID { return unit }
                current = node.parentID
            }
            return nil
        }
        var nodeUnits: [String: String] = [:]
        for node in nodes { nodeUnits[node.id] = nodeUnit(node.id) }
        var indicatorUnits: [String: String] = [:]
        for indicator in indicators {
            indicatorUnits[indicator.id] = indicator.ownerUnitID ?? indicator.nodeID.flatMap { nodeUnits[$0] }
                ?? indicator.objectiveID.flatMap { objectiveUnits[$0] ?? nil }
        }
        return (nodeUnits, indicatorUnits)
    }

    /// The unit a person names by id or code (`PROG`).
    public func unit(named name: String) -> OrganisationalUnit? {
        units.unit(named: name)
    }
}

extension Array where Element == OrganisationalUnit {
    /// The unit a person names by id or code (`PROG`): an id first.
    public func unit(named name: String) -> OrganisationalUnit? {
        first { $0.id == name } ?? first { $0.code == name }
    }
}
