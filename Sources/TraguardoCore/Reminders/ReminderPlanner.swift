/// Who gets which reminder today: one digest per person (an address), listing for each period and rule the
/// offices and items still missing; nobody with nothing pending gets anything. Pure: the date, the plan, the
/// schedule and the pending work come in; the digests go out. Whether a digest was already sent is the
/// sender's concern (the sent-mail log), not this.
public enum ReminderPlanner {
    /// A person the reminders write to.
    public struct Recipient: Hashable, Sendable, Comparable {
        public var address: String
        public var name: String

        public init(address: String, name: String) {
            self.address = address
            self.name = name
        }

        public static func < (lhs: Recipient, rhs: Recipient) -> Bool { (lhs.address, lhs.name) < (rhs.address, rhs.name) }
    }

    /// One period, one rule, one office and its missing items, inside a digest.
    public struct Entry: Hashable, Sendable {
        public var periodID: String
        public var periodCode: String
        public var periodName: String
        public var deadline: CivilDate
        public var rule: ReminderRule
        public var unitName: String
        public var items: [PendingWork.Item]
    }

    /// Everything one person is reminded of in one run.
    public struct Digest: Hashable, Sendable {
        public var recipient: Recipient
        public var entries: [Entry]

        /// The (period, rule) pairs the digest covers: what the log keeps so that none is sent twice.
        public var periodRules: [(periodID: String, rule: ReminderRule)] {
            var seen: Set<String> = []
            return entries.compactMap { entry in
                seen.insert(entry.periodID + "|" + entry.rule.key).inserted ? (entry.periodID, entry.rule) : nil
            }
        }
    }

    /// Someone who should have been reminded but has no address in the plan (the dry run says so).
    public struct Unreachable: Hashable, Sendable {
        public var who: String
        public var unitName: String
        public var periodCode: String
    }

    public struct Plan: Sendable {
        public var digests: [Digest]
        public var unreachable: [Unreachable]
    }

    /// The digests for `today`. `deadlines`: each period's deadline (periods without one are not reminded);
    /// only open periods are.
    public static func plan(
        _ cycle: CyclePlan, schedule: ReminderSchedule, today: CivilDate, deadlines: [String: CivilDate], pending: [PendingWork]
    ) -> Plan {
        guard schedule.enabled else { return Plan(digests: [], unreachable: []) }
        let periods = Dictionary(cycle.periods.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let units = Dictionary(cycle.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let people = Dictionary(cycle.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [Recipient: [Entry]] = [:]
        var unreachable: [Unreachable] = []

        for work in pending where !work.items.isEmpty {
            guard let period = periods[work.periodID], period.status == .open, let deadline = deadlines[period.id],
                  let unit = units[work.unitID],
                  let rule = schedule.rule(daysFromDeadline: today.dayNumber - deadline.dayNumber)
            else { continue }
            let entry = Entry(
                periodID: period.id, periodCode: period.code, periodName: period.name, deadline: deadline, rule: rule,
                unitName: unit.name, items: work.items)
            let recipients: [Recipient]
            switch rule.audience {
            case .office, .manager:
                let roles: Set<OrganisationalRole> = rule.audience == .office
                    ? [.responsabileUfficio, .capoServizio, .posizioneOrganizzativa] : [.dirigente, .segretarioGenerale]
                let holders = holders(of: roles, for: unit, nearest: rule.audience == .manager, in: cycle)
                if holders.isEmpty {
                    unreachable.append(Unreachable(
                        who: rule.audience == .office ? "responsabile dell'ufficio" : "dirigente", unitName: unit.name,
                        periodCode: period.code))
                }
                recipients = holders.compactMap { id in
                    guard let person = people[id] else { return nil }
                    guard let address = person.email?.trimmingCharacters(in: .whitespaces), !address.isEmpty else {
                        unreachable.append(Unreachable(who: person.name, unitName: unit.name, periodCode: period.code))
                        return nil
                    }
                    return Recipient(address: address, name: [person.title, person.name].compactMap { $0 }.joined(separator: " "))
                }
            case .controller:
                if schedule.controllerAddresses.isEmpty {
                    unreachable.append(Unreachable(who: "controllo di gestione", unitName: unit.name, periodCode: period.code))
                }
                recipients = schedule.controllerAddresses.map { Recipient(address: $0, name: "Controllo di gestione") }
            }
            for recipient in recipients { entries[recipient, default: []].append(entry) }
        }
        let digests = entries.keys.sorted().map { recipient in
            Digest(recipient: recipient, entries: entries[recipient]!.sorted {
                ($0.deadline, $0.periodCode, $0.unitName) < ($1.deadline, $1.periodCode, $1.unitName)
            })
        }
        return Plan(digests: digests, unreachable: Array(Set(unreachable)).sorted {
            ($0.periodCode, $0.unitName, $0.who) < ($1.periodCode, $1.unitName, $1.who)
        })
    }

    /// The people holding one of `roles` in the unit (for a dirigente: in the nearest unit of the chain that has one).
    static func holders(of roles: Set<OrganisationalRole>, for unit: OrganisationalUnit, nearest: Bool, in cycle: CyclePlan) -> [String] {
        let active = cycle.roles.filter { roles.contains($0.role) && $0.isActive(in: cycle.cycle.year) }
        for candidate in nearest ? cycle.unitChain(from: unit) : [unit] {
            let ids = active.filter { $0.unitID == candidate.id }.map(\.personID)
            if !ids.isEmpty { return Array(Set(ids)).sorted() }
        }
        return []
    }
}
