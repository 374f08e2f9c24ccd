/// What is outstanding per office, per person and per period in an Ente-year: computed from the plan (its items,
/// measurements, periods, units, people and roles) and the stored submissions, for a given day. The one rule the
/// home page's tasks, the controller's completion view and the reminder digests share.
///
/// Who enters an item is the core's rule `CyclePlan.items(enteredBy:)`; who holds an office and who is its
/// dirigente are the plan's role assignments active in the year, up the unit chain (`CyclePlan.unitChain(from:)`).
public struct OutstandingWork: Hashable, Sendable {
    /// Every office with items, for every period that is not `da aprire`, in period then plan order.
    public var offices: [OfficePeriodWork]

    public init(offices: [OfficePeriodWork]) {
        self.offices = offices
    }

    /// Computes the work of every office for every period of the plan past `da aprire`.
    /// - Parameters:
    ///   - submissions: the stored submissions of the Ente-year (any order; missing ones are `bozza`).
    ///   - today: the day the deadlines are measured against (the core reads no clock).
    public static func compute(plan: CyclePlan, submissions: [OfficeSubmission], today: CivilDate) -> OutstandingWork {
        let year = plan.cycle.year
        let active = plan.roles.filter { $0.isActive(in: year) }
        let people = Dictionary(plan.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let stored = Dictionary(
            submissions.map { ("\($0.unitID)|\($0.periodCode)", $0) }, uniquingKeysWith: { a, _ in a })
        func holders(of unit: OrganisationalUnit, roles: Set<OrganisationalRole>) -> [Person] {
            active.filter { $0.unitID == unit.id && roles.contains($0.role) }.compactMap { people[$0.personID] }
        }
        let officeRoles: Set<OrganisationalRole> = [.responsabileUfficio, .capoServizio, .posizioneOrganizzativa]
        let managerRoles: Set<OrganisationalRole> = [.dirigente, .segretarioGenerale]
        let offices: [(OrganisationalUnit, [MeasuredItem], Escalation)] = plan.units.compactMap { unit in
            let items = plan.items(enteredBy: unit)
            guard !items.isEmpty else { return nil }
            let chain = plan.unitChain(from: unit)
            let dirigenti = chain.lazy.map { holders(of: $0, roles: managerRoles) }.first { !$0.isEmpty } ?? []
            let own = holders(of: unit, roles: officeRoles)
            return (unit, items, Escalation(officeHolders: own.isEmpty ? dirigenti : own, dirigenti: dirigenti))
        }
        let periods = plan.periods.filter { $0.status != .toOpen }.sorted { $0.sequence < $1.sequence }
        var work: [OfficePeriodWork] = []
        for period in periods {
            let measured = Set(plan.measurements(in: period).map(\.itemID))
            for (unit, items, escalation) in offices {
                let fingerprint = SubmissionFingerprint.of(plan, items: items, period: period)
                let submission = stored["\(unit.id)|\(period.code)"]
                let state = submission?.effectiveState(current: fingerprint) ?? .draft
                work.append(OfficePeriodWork(
                    period: period, unit: unit,
                    items: items.map { ItemWork(item: $0, state: measured.contains($0.id) ? .entered : .missing) },
                    submission: state, sentBackReason: state == .sentBack ? submission?.reason : nil,
                    submittedBy: state == .draft ? nil : submission?.submittedBy, fingerprint: fingerprint,
                    daysToDeadline: period.deadline.map { $0.dayNumber - today.dayNumber }, escalation: escalation))
            }
        }
        return OutstandingWork(offices: work)
    }

    /// The work still owed by offices (periods accepting entries, not yet submitted).
    public var outstanding: [OfficePeriodWork] { offices.filter(\.isOutstanding) }

    /// The work of one office (by unit id), every period.
    public func office(_ unitID: String) -> [OfficePeriodWork] { offices.filter { $0.unit.id == unitID } }

    /// The work of the offices at or below a unit (an area's dirigente sees every office under it).
    public func offices(under unitID: String, in plan: CyclePlan) -> [OfficePeriodWork] {
        offices.filter { work in plan.unitChain(from: work.unit).contains { $0.id == unitID } }
    }

    /// The work of one period.
    public func period(_ code: String) -> [OfficePeriodWork] { offices.filter { $0.period.code == code } }

    /// What each person of the plan must do or follow: the outstanding work of the offices they hold, and, as
    /// dirigente, the outstanding work of the offices below them. People with nothing outstanding are left out.
    public var byPerson: [PersonWork] {
        var order: [String] = []
        var byID: [String: PersonWork] = [:]
        func add(_ person: Person, _ role: PersonWork.Role, _ work: OfficePeriodWork) {
            if byID[person.id] == nil {
                order.append(person.id)
                byID[person.id] = PersonWork(person: person, entries: [])
            }
            guard !byID[person.id]!.entries.contains(where: { $0.work == work }) else { return }
            byID[person.id]!.entries.append(.init(role: role, work: work))
        }
        for work in outstanding {
            for person in work.escalation.officeHolders { add(person, .office, work) }
            for person in work.escalation.dirigenti { add(person, .dirigente, work) }
        }
        return order.compactMap { byID[$0] }
    }
}

/// The outstanding work one person must do (as holder of an office) or follow (as its dirigente).
public struct PersonWork: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable {
        /// The person holds the office: they enter and submit.
        case office = "ufficio"
        /// The person is the dirigente above the office: escalation.
        case dirigente
    }

    public struct Entry: Hashable, Sendable {
        public var role: Role
        public var work: OfficePeriodWork
    }

    public var person: Person
    public var entries: [Entry]
}
