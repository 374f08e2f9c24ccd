import Foundation

/// How `traguardo serve` runs: where it listens and the rules of its sessions and logins.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Cookies marked `Secure`, named `__Host-…` (the server is reached through https, behind a proxy).
    public var secureCookies: Bool
    /// The reverse proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`); nobody else's is read.
    public var trustedProxies: Set<String>
    /// How long a session lasts after login.
    public var sessionDuration: TimeInterval
    /// The sessions a user may have open at once: a new login ends the oldest beyond these.
    public var maximumSessionsPerUser: Int
    /// Failed logins of one address (any username), or of one username (any address), after which attempts wait
    /// (`LoginThrottle`)…
    public var maximumLoginFailures: Int
    /// …counted over this window, which is also the longest wait…
    public var loginFailureWindow: TimeInterval
    /// …and the first wait, doubled at each further failure.
    public var loginFirstWait: TimeInterval
    /// How long the security log keeps failed logins (anyone can cause them, so not for long)…
    public var failedLoginRetention: TimeInterval
    /// …and its other events (logins, logouts, sessions ended).
    public var securityLogRetention: TimeInterval
    /// The bcrypt cost of new password hashes (12 in production; tests may use less).
    public var bcryptCost: UInt8
    /// What the documents say they were computed from (`database SQLite «traguardo.sqlite»`); never a password.
    public var dataSource: String?
    /// Where the Chromium that prints the PDFs is looked for (`TRAGUARDO_CHROMIUM`, then `PATH`).
    public var environment: [String: String]
    /// PDF printing: how many Chromium at once, the wait in line, the cache.
    public var pdf: PDFPrintingConfiguration
    /// Seconds a connection may stay silent before it is closed: a client that does not finish sending its
    /// headers (or its body) in this time, or keeps an idle connection open, is disconnected (slowloris).
    public var idleTimeout: Int
    /// Seconds a client has to send a whole request body, however steadily it sends (a body trickled a byte at a
    /// time never lets the idle timeout expire): then the answer is 408 and nothing is saved.
    public var bodyTimeout: Int
    /// Seconds between two rounds of the reminder sender inside the server (nil: the server sends no reminders).
    public var reminderInterval: Double?
    /// The clock (tests move it).
    public var clock: @Sendable () -> Date

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, trustedProxies: Set<String> = [],
        sessionDuration: TimeInterval = 8 * 3600, maximumSessionsPerUser: Int = 5,
        maximumLoginFailures: Int = 5, loginFailureWindow: TimeInterval = 15 * 60, loginFirstWait: TimeInterval = 60,
        failedLoginRetention: TimeInterval = 24 * 3600, securityLogRetention: TimeInterval = 180 * 24 * 3600, bcryptCost: UInt8 = 12,
        dataSource: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        pdf: PDFPrintingConfiguration = PDFPrintingConfiguration(), idleTimeout: Int = 30, bodyTimeout: Int = 60,
        reminderInterval: Double? = nil, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.trustedProxies = trustedProxies
        self.sessionDuration = sessionDuration
        self.maximumSessionsPerUser = maximumSessionsPerUser
        self.maximumLoginFailures = maximumLoginFailures
        self.loginFailureWindow = loginFailureWindow
        self.loginFirstWait = loginFirstWait
        self.failedLoginRetention = failedLoginRetention
        self.securityLogRetention = securityLogRetention
        self.bcryptCost = bcryptCost
        self.dataSource = dataSource
        self.environment = environment
        self.pdf = pdf
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
        self.reminderInterval = reminderInterval
        self.clock = clock
    }
}
