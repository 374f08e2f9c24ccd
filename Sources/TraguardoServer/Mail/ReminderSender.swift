import Foundation
import Logging
import TraguardoCore
import TraguardoMail
import TraguardoStore

/// One round of reminders, for `traguardo remind` and the background service of `traguardo serve`: for every
/// Ente-year whose schedule is on, today's digests (`ReminderPlanner`), less what the log says was already sent;
/// each digest claimed in the log (so that no other sender sends it), sent, and its outcome logged. With
/// `dryRun` nothing is claimed, sent or logged: the round says who would get what.
public struct ReminderSender: Sendable {
    public let store: Store
    public let environment: [String: String]
    public let logger: Logger

    public init(store: Store, environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger = Logger(label: "traguardo.promemoria")) {
        self.store = store
        self.environment = environment
        self.logger = logger
    }

    /// What a round did (or, dry, would do).
    public struct Round: Sendable {
        public struct Message: Sendable {
            public var scope: CycleScope
            public var recipient: ReminderPlanner.Recipient
            public var subject: String
            public var body: String
            public var rules: [String]
            /// Nil: sent (or, dry, to send); otherwise why not.
            public var error: String?
        }

        public var messages: [Message] = []
        /// Already sent, or taken by another sender: not sent again.
        public var skipped = 0
        public var unreachable: [(scope: CycleScope, who: ReminderPlanner.Unreachable)] = []
        /// Why nothing could be sent at all (no settings, bad settings).
        public var problem: String?
    }

    public func run(now: Date, dryRun: Bool) async throws -> Round {
        var round = Round()
        let schedules = try await store.enabledReminderSchedules()
        guard !schedules.isEmpty else { return round }
        var sender: MailAddress?, client: SMTPClient?, siteAddress: String?
        do {
            guard let settings = try await store.mailSettings() else {
                throw MailSettingsResolution.Failure(description: "Le impostazioni di posta non ci sono: l'amministratore le inserisce in Amministrazione › Posta.")
            }
            sender = try MailSettingsResolution.sender(settings)
            client = SMTPClient(configuration: try MailSettingsResolution.configuration(settings, environment: environment))
            siteAddress = settings.siteAddress
        } catch let failure as MailSettingsResolution.Failure {
            round.problem = failure.description
            if !dryRun { return round }
        }
        let today = CivilDate.italianDay(of: now)
        for (scope, schedule) in schedules {
            guard let plan = try await store.loadPlan(scope) else { continue }
            let work = OutstandingWork.compute(plan: plan, submissions: try await store.submissions(in: scope), today: today)
            let planned = ReminderPlanner.plan(work.outstanding, schedule: schedule, today: today, itemPaths: plan.itemPaths())
            round.unreachable += planned.unreachable.map { (scope, $0) }
            let entityName = plan.entity.shortName ?? plan.entity.name
            for var digest in planned.digests {
                let pairs = digest.periodRules.map { (periodID: $0.periodID, rule: $0.rule.key) }
                let done = try await store.sentReminders(scope, recipient: digest.recipient.address, periodRules: pairs)
                digest.entries.removeAll { done.contains($0.periodID + "|" + $0.rule.key) }
                round.skipped += done.count
                guard !digest.entries.isEmpty else { continue }
                let subject = ReminderText.subject(digest, entityName: entityName)
                let body = ReminderText.body(digest, entityName: entityName, today: today, address: siteAddress)
                var message = Round.Message(
                    scope: scope, recipient: digest.recipient, subject: subject, body: body,
                    rules: digest.periodRules.map { "\($0.rule.label) (\($0.periodID.split(separator: "/").last.map(String.init) ?? $0.periodID))" })
                guard !dryRun, let sender, let client else {
                    round.messages.append(message)
                    continue
                }
                guard let recipient = MailAddress(digest.recipient.address, name: digest.recipient.name) else {
                    message.error = "«\(digest.recipient.address)» non è un indirizzo e-mail valido (piano, persona «\(digest.recipient.name)»)."
                    round.messages.append(message)
                    continue
                }
                let claim = UUID().uuidString
                let claimed = try await store.claimReminder(
                    ReminderClaim(scope: scope, recipient: digest.recipient.address, periodRules: digest.periodRules.map { ($0.periodID, $0.rule.key) },
                                  subject: subject, body: body),
                    claim: claim)
                guard claimed else {
                    round.skipped += 1
                    continue
                }
                let failure: SMTPError?
                do {
                    try await client.send(MailMessage(from: sender, to: [recipient], subject: subject, body: body), now: now)
                    failure = nil
                } catch {
                    failure = error
                }
                try await store.finishReminder(claim: claim, error: failure?.description)
                if let failure {
                    message.error = failure.description
                    logger.warning("promemoria a \(digest.recipient.address) non inviato: \(failure.description)")
                }
                round.messages.append(message)
            }
        }
        return round
    }
}
