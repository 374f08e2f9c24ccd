import TraguardoCore

/// The entry point of the rilevazione for a period: the offices that enter measurements, each with how
/// many items it has and how many are still missing, linking to its form. `offices` limits the list to
/// the user's own units (a responsabile d'ufficio sees only theirs).
public struct RilevazioneElencoPage: WebPage {
    public static let templateName = "rilevazione-elenco"
    public var title: String
    public var entityName: String
    public var periodLabel: String
    public var isOpen: Bool
    public var offices: [OfficeRow]
    public var hasOffices: Bool

    public struct OfficeRow: Sendable {
        public var name: String
        public var href: String
        public var items: Int
        public var missing: Int
    }

    /// - Parameter offices: the unit ids the user may enter for; nil for every office.
    public static func make(plan: CyclePlan, period: String, offices allowed: Set<String>? = nil) -> RilevazioneElencoPage {
        let p = plan.period(code: period)
        let byOffice = Dictionary(grouping: plan.responsibleUnits(), by: \.value).mapValues(\.count)
        let missing = Dictionary(grouping: MissingMeasurement.list(in: plan, period: period).compactMap(\.unitID), by: { $0 })
            .mapValues(\.count)
        let rows = byOffice.keys.filter { allowed?.contains($0) ?? true }
            .map { id in
                OfficeRow(name: plan.unit(named: id)?.name ?? id,
                          href: WebRoutes.rilevazione(ente: plan.entity.code, anno: plan.cycle.year, periodo: p?.code ?? period, ufficio: id),
                          items: byOffice[id] ?? 0, missing: missing[id] ?? 0)
            }
            .sorted { $0.name < $1.name }
        return RilevazioneElencoPage(
            title: "Rilevazione \(p?.name ?? period)", entityName: plan.entity.name,
            periodLabel: p.map { "\($0.name) (\($0.code))" } ?? period, isOpen: p?.status.acceptsEntries ?? true,
            offices: rows, hasOffices: !rows.isEmpty)
    }
}
