/// When the reminders of an Ente-year go out, relative to each period's deadline: to the offices N days before
/// and on the day, then (what is still missing) to the office's dirigente M days after, then to the controller
/// K days after. Set by the controllo di gestione on the Promemoria page; off until someone turns it on.
public struct ReminderSchedule: Hashable, Sendable, Codable {
    public var enabled: Bool
    /// Days before the deadline the offices are reminded (each 1…90, at most 5).
    public var daysBefore: [Int]
    /// The offices are reminded on the deadline itself.
    public var onDeadline: Bool
    /// Days after the deadline what is still missing goes to the office's dirigente (nil: never).
    public var managerAfterDays: Int?
    /// Days after the deadline what is still missing goes to the controller (nil: never).
    public var controllerAfterDays: Int?
    /// The controllo di gestione's addresses for the last escalation.
    public var controllerAddresses: [String]

    public init(
        enabled: Bool = false, daysBefore: [Int] = [7], onDeadline: Bool = true, managerAfterDays: Int? = 3,
        controllerAfterDays: Int? = 10, controllerAddresses: [String] = []
    ) {
        self.enabled = enabled
        self.daysBefore = daysBefore
        self.onDeadline = onDeadline
        self.managerAfterDays = managerAfterDays
        self.controllerAfterDays = controllerAfterDays
        self.controllerAddresses = controllerAddresses
    }

    /// What an Ente-year has before anyone sets it: off, 7 days before, on the day, dirigente after 3, controller after 10.
    public static let standard = ReminderSchedule()

    /// The rules, in the order they fire.
    public var rules: [ReminderRule] {
        var rules = daysBefore.map { ReminderRule(audience: .office, offsetDays: -$0) }
        if onDeadline { rules.append(ReminderRule(audience: .office, offsetDays: 0)) }
        if let managerAfterDays { rules.append(ReminderRule(audience: .manager, offsetDays: managerAfterDays)) }
        if let controllerAfterDays { rules.append(ReminderRule(audience: .controller, offsetDays: controllerAfterDays)) }
        return rules.sorted { ($0.offsetDays, $0.audience.order) < ($1.offsetDays, $1.audience.order) }
    }

    /// The rule that applies `daysFromDeadline` days from the deadline (negative: before): the latest rule whose
    /// day has come, until the next one's day. A server that was off on a rule's day sends it when it comes back,
    /// and never an older one once a newer one is due.
    public func rule(daysFromDeadline offset: Int) -> ReminderRule? {
        guard enabled else { return nil }
        return rules.last { $0.offsetDays <= offset }
    }

    // MARK: Limits

    public static let maximumDays = 90
    public static let maximumDaysBefore = 5
    public static let maximumControllerAddresses = 10
}

/// Who a rule writes to.
public enum ReminderAudience: String, Hashable, Sendable, Codable, CaseIterable {
    /// The responsabili of the offices that still have items to enter.
    case office = "ufficio"
    /// The dirigente of the area the office belongs to.
    case manager = "dirigente"
    /// The controllo di gestione.
    case controller = "controllo"

    var order: Int {
        switch self {
        case .office: 0
        case .manager: 1
        case .controller: 2
        }
    }
}

/// One step of a schedule: an audience and a day relative to the deadline.
public struct ReminderRule: Hashable, Sendable, Codable {
    public var audience: ReminderAudience
    /// Days from the deadline: negative before, 0 on the day, positive after.
    public var offsetDays: Int

    public init(audience: ReminderAudience, offsetDays: Int) {
        self.audience = audience
        self.offsetDays = offsetDays
    }

    /// The stable name the sent-mail log keeps: `ufficio-7-prima`, `ufficio-scadenza`, `dirigente-3-dopo`, `controllo-10-dopo`.
    public var key: String {
        switch offsetDays {
        case ..<0: "\(audience.rawValue)-\(-offsetDays)-prima"
        case 0: "\(audience.rawValue)-scadenza"
        default: "\(audience.rawValue)-\(offsetDays)-dopo"
        }
    }

    /// In Italian: «ufficio, 7 giorni prima della scadenza», «dirigente, 3 giorni dopo la scadenza».
    public var label: String {
        let who = switch audience {
        case .office: "ufficio"
        case .manager: "dirigente"
        case .controller: "controllo di gestione"
        }
        let when = switch offsetDays {
        case ..<0: "\(-offsetDays) \(-offsetDays == 1 ? "giorno" : "giorni") prima della scadenza"
        case 0: "il giorno della scadenza"
        default: "\(offsetDays) \(offsetDays == 1 ? "giorno" : "giorni") dopo la scadenza"
        }
        return "\(who), \(when)"
    }

    /// Reads a key back (`ReminderRule.key`); nil when it is not one.
    public init?(key: String) {
        let parts = key.split(separator: "-").map(String.init)
        guard let first = parts.first, let audience = ReminderAudience(rawValue: first) else { return nil }
        switch parts.count {
        case 2 where parts[1] == "scadenza": self.init(audience: audience, offsetDays: 0)
        case 3:
            guard let days = Int(parts[1]), days > 0, parts[2] == "prima" || parts[2] == "dopo" else { return nil }
            self.init(audience: audience, offsetDays: parts[2] == "prima" ? -days : days)
        default: return nil
        }
    }
}
