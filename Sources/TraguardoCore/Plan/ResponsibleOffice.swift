import Foundation

/// Which office enters an item's measurements: the item's own office, else the office that owns its
/// indicator, else the office of its node (or of the nearest node above with one), else the objective's.
/// The *schede di rilevazione* are made per office with this rule, and the web's data entry later.
extension CyclePlan {
    /// Item id → unit id, for the items whose office is known.
    public func responsibleUnits() -> [String: String] {
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
        var indicatorUnits: [String: String] = [:]
        for indicator in indicators {
            indicatorUnits[indicator.id] = indicator.ownerUnitID ?? nodeUnit(indicator.nodeID)
                ?? indicator.objectiveID.flatMap { objectiveUnits[$0] ?? nil }
        }
        var result: [String: String] = [:]
        for item in items {
            if let unit = item.responsibleUnitID ?? indicatorUnits[item.indicatorID] { result[item.id] = unit }
        }
        return result
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
