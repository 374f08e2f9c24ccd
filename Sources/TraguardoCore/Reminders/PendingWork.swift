/// What an office still has to do for a period: the items the reminders list. The reminders read it and
/// nothing else, so whatever computes the outstanding work (the workflow's calendar) feeds them through this.
public struct PendingWork: Hashable, Sendable {
    public var periodID: String
    public var unitID: String
    public var items: [Item]

    public struct Item: Hashable, Sendable {
        /// The item's code as the rilevazione page shows it (`C30101/1/1a`).
        public var code: String
        public var title: String

        public init(code: String, title: String) {
            self.code = code
            self.title = title
        }
    }

    public init(periodID: String, unitID: String, items: [Item]) {
        self.periodID = periodID
        self.unitID = unitID
        self.items = items
    }

    /// The items without a measurement in each open period, per office that enters them (the rule the
    /// rilevazione page uses: `CyclePlan.items(enteredBy:)`). Offices with nothing missing are left out.
    public static func missingMeasurements(in plan: CyclePlan) -> [PendingWork] {
        var result: [PendingWork] = []
        let paths = plan.itemPaths()
        for period in plan.periods where period.status == .open {
            let measured = plan.measurementsByItem(in: period)
            for unit in plan.units {
                let missing = plan.items(enteredBy: unit).filter { measured[$0.id] == nil }
                guard !missing.isEmpty else { continue }
                result.append(PendingWork(
                    periodID: period.id, unitID: unit.id,
                    items: missing.map { Item(code: paths[$0.id] ?? $0.code, title: $0.description) }))
            }
        }
        return result
    }
}
