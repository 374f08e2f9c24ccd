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
        /// `C30101/1/1a` and the item's description, for each item still without a value.
        public var items: [(code: String, title: String)]
        /// Every value is in but the office has not sent them yet.
        public var onlySubmissionMissing: Bool

        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.periodID == rhs.periodID && lhs.rule == rhs.rule && lhs.unitName == rhs.unitName
                && lhs.items.map(\.code) == rhs.items.map(\.code)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(periodID)
            hasher.combine(rule)
            hasher.combine(unitName)
        }
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

    /// The digests for `today`, from the outstanding work of the offices (`OutstandingWork.outstanding`: periods
    /// accepting entries, offices that have not sent their values). Periods without a deadline are not reminded.
    /// The office rules write to the office's holders, the dirigente rule to the dirigenti above it
    /// (`Escalation`), the controller rule to the schedule's addresses.
    public static func plan(
        _ outstanding: [OfficePeriodWork], schedule: ReminderSchedule, today: CivilDate, itemPaths: [String: String]
    ) -> Plan {
        guard schedule.enabled else { return Plan(digests: [], unreachable: []) }
        var entries: [Recipient: [Entry]] = [:]
        var unreachable: [Unreachable] = []

        for work in outstanding where work.isOutstanding {
            guard let deadline = work.deadline, let rule = schedule.rule(daysFromDeadline: today.dayNumber - deadline.dayNumber) else { continue }
            let missing = work.missing
            let entry = Entry(
                periodID: work.period.id, periodCode: work.period.code, periodName: work.period.name, deadline: deadline, rule: rule,
                unitName: work.unit.name, items: missing.map { (itemPaths[$0.item.id] ?? $0.item.code, $0.item.description) },
                onlySubmissionMissing: missing.isEmpty)
            let recipients: [Recipient]
            switch rule.audience {
            case .office, .manager:
                let people = rule.audience == .office ? work.escalation.officeHolders : work.escalation.dirigenti
                if people.isEmpty {
                    unreachable.append(Unreachable(
                        who: rule.audience == .office ? "responsabile dell'ufficio" : "dirigente", unitName: work.unit.name,
                        periodCode: work.period.code))
                }
                recipients = people.compactMap { person in
                    guard let address = person.email?.trimmingCharacters(in: .whitespaces), !address.isEmpty else {
                        unreachable.append(Unreachable(who: person.name, unitName: work.unit.name, periodCode: work.period.code))
                        return nil
                    }
                    return Recipient(address: address, name: [person.title, person.name].compactMap { $0 }.joined(separator: " "))
                }
            case .controller:
                if schedule.controllerAddresses.isEmpty {
                    unreachable.append(Unreachable(who: "controllo di gestione", unitName: work.unit.name, periodCode: work.period.code))
                }
                recipients = schedule.controllerAddresses.map { Recipient(address: $0, name: "Controllo di gestione") }
            }
            for recipient in Set(recipients) { entries[recipient, default: []].append(entry) }
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
}
