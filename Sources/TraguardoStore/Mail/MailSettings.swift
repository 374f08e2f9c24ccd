import Foundation

/// The SMTP settings the amministratore sets on the Posta page. The password is never here: `passwordVariable`
/// names the environment variable of the server that holds it, or `passwordFile` the file (readable only by the
/// server) it is read from.
public struct MailSettings: Hashable, Sendable, Codable {
    public var host: String
    public var port: Int
    /// `nessuna`, `starttls`, `tls` (`SMTPConfiguration.Security`).
    public var security: String
    public var username: String?
    public var passwordVariable: String?
    public var passwordFile: String?
    public var senderAddress: String
    public var senderName: String?
    /// A PEM file of certificates to trust besides the system's.
    public var trustedCertificatesFile: String?
    /// The address of Traguardo the reminders link to (`https://performance.ente.it`).
    public var siteAddress: String?

    public init(
        host: String, port: Int, security: String, username: String? = nil, passwordVariable: String? = nil, passwordFile: String? = nil,
        senderAddress: String, senderName: String? = nil, trustedCertificatesFile: String? = nil, siteAddress: String? = nil
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.passwordVariable = passwordVariable
        self.passwordFile = passwordFile
        self.senderAddress = senderAddress
        self.senderName = senderName
        self.trustedCertificatesFile = trustedCertificatesFile
        self.siteAddress = siteAddress
    }
}

/// One row of the sent-mail log.
public struct MailLogEntry: Hashable, Sendable {
    public enum Status: String, Sendable, CaseIterable {
        /// Claimed by a sender, not yet confirmed.
        case sending = "in invio"
        case sent = "inviato"
        case failed = "non riuscito"
        /// A test message from the Posta page.
        case test = "prova"
        /// A test message that failed.
        case testFailed = "prova non riuscita"
    }

    public var id: Int64
    public var at: Date
    public var entityCode: String?
    public var year: Int?
    public var periodID: String?
    /// `ReminderRule.key`, or `prova`.
    public var rule: String
    public var recipient: String
    public var subject: String
    public var body: String
    public var status: Status
    public var error: String?
}

/// A reminder to claim before sending: the message, and the (period, rule) pairs it covers for one address.
public struct ReminderClaim: Sendable {
    public var scope: CycleScope
    public var recipient: String
    public var periodRules: [(periodID: String, rule: String)]
    public var subject: String
    public var body: String

    public init(scope: CycleScope, recipient: String, periodRules: [(periodID: String, rule: String)], subject: String, body: String) {
        self.scope = scope
        self.recipient = recipient
        self.periodRules = periodRules
        self.subject = subject
        self.body = body
    }

    /// What makes a reminder unique: Ente, year, period, rule, address (lower case).
    static func sentKey(_ scope: CycleScope, periodID: String, rule: String, recipient: String) -> String {
        [scope.entityCode, String(scope.year), periodID, rule, recipient.lowercased()].joined(separator: "|")
    }

    var sentKeys: [String] { periodRules.map { Self.sentKey(scope, periodID: $0.periodID, rule: $0.rule, recipient: recipient) } }
}
