import TraguardoCore

/// An item still without a measurement in a period, and whose it is: the office that enters it.
public struct MissingMeasurement: Sendable, Hashable {
    public var itemID: String
    /// `C30101/1/1a`.
    public var itemPath: String
    public var itemDescription: String
    public var unitID: String?
    /// The office's name; `ufficio non indicato` when the plan does not say.
    public var unitName: String

    public init(itemID: String, itemPath: String, itemDescription: String, unitID: String?, unitName: String) {
        self.itemID = itemID
        self.itemPath = itemPath
        self.itemDescription = itemDescription
        self.unitID = unitID
        self.unitName = unitName
    }

    /// The items of `plan` with no measurement for `period` (code or id), in office then path order.
    public static func list(in plan: CyclePlan, period: String) -> [MissingMeasurement] {
        guard let p = plan.period(code: period) else { return [] }
        let measured = Set(plan.measurements(in: p).map(\.itemID))
        let paths = plan.itemPaths()
        let offices = plan.responsibleUnits()
        let unitNames = Dictionary(plan.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return plan.items.filter { !measured.contains($0.id) }
            .map { item in
                let unit = offices[item.id]
                return MissingMeasurement(
                    itemID: item.id, itemPath: paths[item.id] ?? item.code, itemDescription: item.description,
                    unitID: unit, unitName: unit.flatMap { unitNames[$0] } ?? "ufficio non indicato")
            }
            .sorted { ($0.unitName, $0.itemPath) < ($1.unitName, $1.itemPath) }
    }
}
