import TraguardoCore

/// Amministrazione › Periodi: the monitoring periods of an Ente-year with their state, each with a button
/// to open or close it (a closed period is a frozen snapshot: no more data entry).
public struct AdminPeriodsPage: WebPage {
    public static let templateName = "amministrazione-periodi"
    public var title: String
    public var adminNav: [NavLink]
    public var action: String
    public var periods: [PeriodRow]
    public var hasPeriods: Bool

    public struct PeriodRow: Sendable {
        public var code: String
        public var name: String
        public var span: String
        public var status: String
        public var periodName: String
        public var actionName: String
        public var actionValue: String
        public var buttonLabel: String
        public var missing: Int
    }

    public static func make(plan: CyclePlan, role: UserRole, scope: WebScope? = nil) -> AdminPeriodsPage {
        typealias F = FormFields.Periodo
        let rows = plan.periods.filter { $0.year == plan.cycle.year || $0.year == 0 }.sorted { $0.sequence < $1.sequence }.map { p in
            let open = p.status.acceptsEntries
            return PeriodRow(
                code: p.code, name: p.name,
                span: [p.startsOn?.italian, p.endsOn.italian].compactMap { $0 }.joined(separator: " – "),
                status: p.status.label, periodName: F.period, actionName: F.action,
                actionValue: open ? F.close : F.open,
                buttonLabel: open ? "Chiudi il periodo \(p.code)" : "Riapri il periodo \(p.code)",
                missing: MissingMeasurement.list(in: plan, period: p.code).count)
        }
        return AdminPeriodsPage(
            title: "Periodi di monitoraggio \(plan.entity.shortName ?? plan.entity.name) \(plan.cycle.year)",
            adminNav: AdminNavigation.links(role: role, current: .periodi, scope: scope),
            action: WebRoutes.periodoStato(ente: plan.entity.code, anno: plan.cycle.year), periods: rows, hasPeriods: !rows.isEmpty)
    }
}
