import TraguardoCore
import TraguardoDocuments

/// Amministrazione › Periodi: the calendar of an Ente-year. Each period with its dates, its opening date and
/// deadline (editable), its state (`da aprire → aperto → in verifica → chiuso`, `riaperto` with its reason), the
/// values still missing, and a button for each move the state allows (reopening asks for the reason).
public struct AdminPeriodsPage: WebPage {
    public static let templateName = "amministrazione-periodi"
    public var title: String
    public var adminNav: [NavLink]
    public var action: String
    public var datesAction: String
    public var periods: [PeriodRow]
    public var hasPeriods: Bool
    public var fields: Fields

    public struct Fields: Sendable {
        public var period = FormFields.Periodo.period
        public var action = FormFields.Periodo.action
        public var reason = FormFields.Periodo.reason
        public var opensOn = FormFields.Periodo.opensOn
        public var deadline = FormFields.Periodo.deadline
    }

    public struct PeriodRow: Sendable {
        public var code: String
        public var name: String
        public var span: String
        public var status: String
        public var reopenReason: String?
        public var opensOn: String
        public var deadline: String
        public var deadlineText: String
        public var missing: Int
        public var actions: [PeriodAction]
    }

    public struct PeriodAction: Sendable {
        public var value: String
        public var buttonLabel: String
        public var needsReason: Bool
    }

    /// The buttons of a period in `status`: the moves `PeriodTransition` allows from it.
    static func actions(_ p: MonitoringPeriod) -> [PeriodAction] {
        typealias F = FormFields.Periodo
        let all: [(PeriodStatus, String, String)] = [
            (.open, F.open, "Apri il periodo \(p.code)"),
            (.underReview, F.review, "Metti in verifica il periodo \(p.code)"),
            (.closed, F.close, "Chiudi il periodo \(p.code)"),
            (.reopened, F.reopen, "Riapri il periodo \(p.code)"),
        ]
        return all.filter { PeriodTransition.problem(p, to: $0.0, reason: "x") == nil }
            .map { PeriodAction(value: $0.1, buttonLabel: $0.2, needsReason: $0.0 == .reopened) }
    }

    /// - Parameter frozen: the codes of the periods that have a snapshot; a closed period not among them was
    ///   imported already closed: its state says so and a button freezes it.
    public static func make(
        plan: CyclePlan, role: UserRole, entityLimit: String? = nil, scope: WebScope? = nil, frozen: Set<String>? = nil
    ) -> AdminPeriodsPage {
        let rows = plan.periods.filter { $0.year == plan.cycle.year || $0.year == 0 }.sorted { $0.sequence < $1.sequence }.map { p in
            let unfrozen = p.status == .closed && frozen.map { !$0.contains(p.code) } == true
            let freeze = PeriodAction(value: FormFields.Periodo.freeze, buttonLabel: "Congela l'istantanea di \(p.code)", needsReason: false)
            return PeriodRow(
                code: p.code, name: p.name,
                span: [p.startsOn?.italian, p.endsOn.italian].compactMap { $0 }.joined(separator: " – "),
                status: unfrozen ? DocumentSnapshot.closedWithoutSnapshotText : p.status.label,
                reopenReason: p.status == .reopened ? p.reopenReason : nil,
                opensOn: p.opensOn?.iso ?? "", deadline: p.deadline?.iso ?? "",
                deadlineText: p.deadline?.italian ?? "non fissata",
                missing: MissingMeasurement.list(in: plan, period: p.code).count, actions: (unfrozen ? [freeze] : []) + actions(p))
        }
        return AdminPeriodsPage(
            title: "Periodi di monitoraggio \(plan.entity.shortName ?? plan.entity.name) \(plan.cycle.year)",
            adminNav: AdminNavigation.links(role: role, entityLimit: entityLimit, current: .periodi, scope: scope),
            action: WebRoutes.periodoStato(ente: plan.entity.code, anno: plan.cycle.year),
            datesAction: WebRoutes.periodoDate(ente: plan.entity.code, anno: plan.cycle.year),
            periods: rows, hasPeriods: !rows.isEmpty, fields: Fields())
    }
}
