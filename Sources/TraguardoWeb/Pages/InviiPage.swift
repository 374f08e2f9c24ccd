import Foundation
import TraguardoCore

/// «Invii e completamento» of a period: for each office the items with a value (%), the deadline and whether it
/// is overdue, the state of its submission (`bozza → inviato → verificato → validato`, `rinviato` with the
/// reason), a link to what is still missing, and the buttons the user may press (`WebRoutes.invii`, fields
/// `FormFields.Invio`); the completion by unit (area) above; the history of every transition below.
public struct InviiPage: WebPage {
    public static let templateName = "invii"
    public var title: String
    public var periodLinks: [NavLink]
    public var periodNote: String
    public var units: [UnitRow]
    public var hasUnits: Bool
    public var offices: [OfficeRow]
    public var hasOffices: Bool
    public var history: [HistoryRow]
    public var hasHistory: Bool
    public var action: String
    public var error: String?
    public var fields: Fields

    public struct Fields: Sendable {
        public var unit = FormFields.Invio.unit
        public var period = FormFields.Invio.period
        public var action = FormFields.Invio.action
        public var reason = FormFields.Invio.reason
    }

    public struct UnitRow: Sendable {
        public var name: String
        public var offices: Int
        public var completion: String
        public var overdue: Int
    }

    public struct OfficeRow: Sendable {
        public var unitID: String
        public var periodCode: String
        public var name: String
        public var entered: String
        public var completion: String
        public var deadline: String
        public var overdue: Bool
        public var state: String
        public var reason: String?
        public var missingHref: String?
        public var buttons: [Button]
        public var hasButtons: Bool
    }

    public struct Button: Sendable {
        public var value: String
        public var label: String
        public var needsReason: Bool
        /// Unique id of the reason's field on the page.
        public var reasonID: String
    }

    public struct HistoryRow: Sendable {
        public var at: String
        public var office: String
        public var period: String
        public var actor: String
        public var move: String
        public var reason: String?
    }

    /// One transition shown in the history.
    public struct Event: Sendable {
        public var unitID: String
        public var periodCode: String
        public var at: Date
        public var actor: String
        public var from: SubmissionState
        public var to: SubmissionState
        public var reason: String?

        public init(unitID: String, periodCode: String, at: Date, actor: String, from: SubmissionState, to: SubmissionState, reason: String?) {
            self.unitID = unitID
            self.periodCode = periodCode
            self.at = at
            self.actor = actor
            self.from = from
            self.to = to
            self.reason = reason
        }
    }

    /// - Parameters:
    ///   - work: the Ente-year's `OutstandingWork`.
    ///   - period: the period shown (its code).
    ///   - buttons: the transitions the user may press, by unit id (computed by the server from the permissions
    ///     and `SubmissionTransition`).
    ///   - missingLink: the units whose missing list the user may open (their rilevazione form).
    public static func make(
        plan: CyclePlan, work: OutstandingWork, period: MonitoringPeriod, buttons: [String: [SubmissionTransition]],
        missingLink: Set<String>, events: [Event], error: String? = nil
    ) -> InviiPage {
        let ente = plan.entity.code, year = plan.cycle.year
        let rows = work.period(period.code)
        let offices = rows.map { w in
            let shown = (buttons[w.unit.id] ?? []).map {
                Button(value: $0.rawValue, label: "\($0.label) – \(w.unit.name)", needsReason: $0.needsReason,
                       reasonID: "motivo-\($0.rawValue)-\(w.unit.id)")
            }
            return OfficeRow(
                unitID: w.unit.id, periodCode: period.code, name: w.unit.name,
                entered: "\(w.enteredCount) di \(w.items.count)", completion: "\(w.completionPercent)%",
                deadline: deadlineText(w), overdue: w.isOverdue, state: w.submission.label,
                reason: w.sentBackReason,
                missingHref: missingLink.contains(w.unit.id)
                    ? WebRoutes.rilevazione(ente: ente, anno: year, periodo: period.code, ufficio: w.unit.id) + "?mancanti=1" : nil,
                buttons: shown, hasButtons: !shown.isEmpty)
        }
        // Completion by unit: every office counted under each unit of its chain that has more than one office.
        var byUnit: [String: (items: Int, entered: Int, offices: Int, overdue: Int)] = [:]
        for w in rows {
            for unit in plan.unitChain(from: w.unit).dropFirst() {
                var sum = byUnit[unit.id] ?? (0, 0, 0, 0)
                sum.items += w.items.count
                sum.entered += w.enteredCount
                sum.offices += 1
                sum.overdue += w.isOverdue ? 1 : 0
                byUnit[unit.id] = sum
            }
        }
        let units = plan.units.compactMap { unit -> UnitRow? in
            guard let sum = byUnit[unit.id] else { return nil }
            return UnitRow(
                name: unit.name, offices: sum.offices,
                completion: sum.items == 0 ? "–" : "\(sum.entered * 100 / sum.items)% (\(sum.entered) di \(sum.items))",
                overdue: sum.overdue)
        }
        let names = Dictionary(plan.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let history = events.sorted { $0.at > $1.at }.map { e in
            HistoryRow(
                at: RegistroPage.timestamp(e.at), office: names[e.unitID] ?? e.unitID, period: e.periodCode, actor: e.actor,
                move: "\(e.from.label) → \(e.to.label)", reason: e.reason)
        }
        let links = plan.periods.filter { $0.status != .toOpen }.sorted { $0.sequence < $1.sequence }.map {
            NavLink(label: $0.label, href: WebRoutes.invii(ente: ente, anno: year) + "?periodo=" + WebRoutes.segment($0.code))
        }
        return InviiPage(
            title: "Invii e completamento – \(period.label)", periodLinks: links,
            periodNote: "Periodo \(period.status.label)"
                + (period.deadline.map { ", scadenza \($0.italian)" } ?? ", scadenza non fissata")
                + (period.status == .reopened ? (period.reopenReason.map { ", riaperto: \($0)" } ?? "") : "") + ".",
            units: units, hasUnits: !units.isEmpty, offices: offices, hasOffices: !offices.isEmpty,
            history: history, hasHistory: !history.isEmpty, action: WebRoutes.invii(ente: ente, anno: year),
            error: error, fields: Fields())
    }

    /// «20/01/2027, tra 5 giorni», «20/01/2027, scaduta da 2 giorni», «non fissata».
    public static func deadlineText(_ w: OfficePeriodWork) -> String {
        guard let deadline = w.deadline, let days = w.daysToDeadline else { return "non fissata" }
        guard w.isOutstanding else { return deadline.italian }
        switch days {
        case 0: return "\(deadline.italian), oggi"
        case 1: return "\(deadline.italian), domani"
        case 2...: return "\(deadline.italian), tra \(days) giorni"
        case -1: return "\(deadline.italian), scaduta da 1 giorno"
        default: return "\(deadline.italian), scaduta da \(-days) giorni"
        }
    }
}
