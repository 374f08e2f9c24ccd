/// The moves of a period in the calendar: `da aprire → aperto → in verifica → chiuso`, `chiuso → riaperto` with a
/// reason, and `riaperto → in verifica → chiuso` again. Only the controllo di gestione moves periods.
public enum PeriodTransition {
    /// Why `period` may not go to `status` (with `reason`, needed to reopen); nil when it may.
    public static func problem(_ period: MonitoringPeriod, to status: PeriodStatus, reason: String?) -> String? {
        let allowed: Set<PeriodStatus>
        switch period.status {
        case .toOpen: allowed = [.open]
        case .open, .reopened: allowed = [.underReview, .closed]
        case .underReview: allowed = [.open, .closed]
        case .closed: allowed = [.reopened]
        }
        guard allowed.contains(status) else {
            return "Il periodo \(period.code) è «\(period.status.label)»: non può passare a «\(status.label)»"
                + " (ammesso: \(allowed.map(\.label).sorted().joined(separator: ", ")))."
        }
        if status == .reopened, (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "Per riaprire il periodo \(period.code) serve il motivo."
        }
        return nil
    }

    /// Why the dates do not fit together; nil when they do (either may be missing).
    public static func datesProblem(opensOn: CivilDate?, deadline: CivilDate?) -> String? {
        if let opensOn, let deadline, deadline < opensOn {
            return "La scadenza (\(deadline.italian)) è prima dell'apertura (\(opensOn.italian))."
        }
        return nil
    }
}
