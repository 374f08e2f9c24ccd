import TraguardoCore

/// «I tuoi compiti» on the home page: what the person must do now, from the year's `OutstandingWork`. An office
/// (or a dirigente, for the offices of the area) the items to fill in the open periods with deadline and state;
/// the controllo di gestione the submissions waiting for verification; the OIV the verified values of the closed
/// periods waiting for validation; whoever acknowledges findings, the open ones; whoever edits the plan, the dirigenti's
/// proposals waiting for a decision.
public struct HomeTasks: Sendable {
    public var tasks: [Task]
    public var hasTasks: Bool
    public var completionLink: NavLink?

    public struct Task: Sendable {
        public var label: String
        public var href: String
        public var note: String?
        public var overdue: Bool
    }

    /// What the user's role lets them do, as the server's permissions say.
    public struct Duties: Sendable {
        /// Units whose values the user enters and submits (an office its own, a dirigente the area's); empty for
        /// the roles that enter for every office (they verify instead).
        public var offices: Set<String>
        public var verifies: Bool
        public var validates: Bool
        /// Open findings to acknowledge (nil: the role does not acknowledge them).
        public var openFindings: Int?
        public var username: String
        /// The dirigenti's proposals of changes to the plan the user may decide (nil: the role does not decide them).
        public var pendingProposals: Int?

        public init(
            offices: Set<String>, verifies: Bool, validates: Bool, openFindings: Int?, username: String, pendingProposals: Int? = nil
        ) {
            self.offices = offices
            self.verifies = verifies
            self.validates = validates
            self.openFindings = openFindings
            self.username = username
            self.pendingProposals = pendingProposals
        }
    }

    public static func make(plan: CyclePlan, work: OutstandingWork, duties: Duties) -> HomeTasks {
        let ente = plan.entity.code, year = plan.cycle.year
        func invii(_ w: OfficePeriodWork) -> String {
            WebRoutes.invii(ente: ente, anno: year) + "?periodo=" + WebRoutes.segment(w.period.code)
        }
        var tasks: [Task] = []
        for w in work.outstanding where duties.offices.contains(w.unit.id) {
            let missing = w.missing.count
            let what = missing > 0 ? "\(missing) item da compilare su \(w.items.count)" : "tutti gli item compilati: da inviare"
            tasks.append(Task(
                label: "\(w.period.label) – \(w.unit.name): \(what)",
                href: missing > 0
                    ? WebRoutes.rilevazione(ente: ente, anno: year, periodo: w.period.code, ufficio: w.unit.id) + "?mancanti=1" : invii(w),
                note: "scadenza \(InviiPage.deadlineText(w)); stato \(w.submission.label)"
                    + (w.sentBackReason.map { ", rinviato: \($0)" } ?? ""),
                overdue: w.isOverdue))
        }
        if duties.verifies {
            for w in work.offices where w.submission == .submitted && w.submittedBy != duties.username {
                tasks.append(Task(
                    label: "Da verificare: \(w.unit.name), \(w.period.label)", href: invii(w),
                    note: "inviato da \(w.submittedBy ?? "–")", overdue: false))
            }
        }
        if duties.validates {
            for w in work.offices where w.submission == .verified && w.period.status == .closed && w.submittedBy != duties.username {
                tasks.append(Task(label: "Da validare: \(w.unit.name), \(w.period.label)", href: invii(w), note: nil, overdue: false))
            }
        }
        if let findings = duties.openFindings, findings > 0 {
            tasks.append(Task(
                label: "\(findings) segnalazioni delle verifiche da riconoscere o correggere",
                href: WebRoutes.verifiche(ente: ente, anno: year), note: nil, overdue: false))
        }
        if let proposals = duties.pendingProposals, proposals > 0 {
            tasks.append(Task(
                label: proposals == 1 ? "1 proposta di modifica del piano da decidere" : "\(proposals) proposte di modifica del piano da decidere",
                href: WebRoutes.pianoProposte(ente: ente, anno: year), note: "fatte dai dirigenti sulla propria area", overdue: false))
        }
        let overdue = work.offices.filter(\.isOverdue).count
        return HomeTasks(
            tasks: tasks, hasTasks: !tasks.isEmpty,
            completionLink: duties.verifies
                ? NavLink(label: "Completamento per ufficio" + (overdue > 0 ? " (\(overdue) in ritardo)" : ""),
                          href: WebRoutes.invii(ente: ente, anno: year)) : nil)
    }
}
