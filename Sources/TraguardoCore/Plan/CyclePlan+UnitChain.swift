extension CyclePlan {
    /// The unit and the units above it, nearest first.
    public func unitChain(from unit: OrganisationalUnit) -> [OrganisationalUnit] {
        let byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var chain = [unit]
        var seen: Set<String> = [unit.id]
        var current = unit.parentID
        while let id = current, let parent = byID[id], seen.insert(id).inserted {
            chain.append(parent)
            current = parent.parentID
        }
        return chain
    }

    /// The items whose measurements the unit enters (the core's rule), in plan order.
    public func items(enteredBy unit: OrganisationalUnit) -> [MeasuredItem] {
        let responsible = responsibleUnits()
        return items.filter { responsible[$0.id] == unit.id }
    }
}
