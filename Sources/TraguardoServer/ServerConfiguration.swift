import Foundation

/// How `traguardo serve` runs: where it listens and the rules of its sessions and logins.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Cookies marked `Secure` (the server is reached through https, behind a proxy).
    public var secureCookies: Bool
    /// How long a session lasts after login.
    public var sessionDuration: TimeInterval
    /// Failed logins for one username from one address that make the next attempt wait…
    public var maximumLoginFailures: Int
    /// …counted over this window.
    public var loginFailureWindow: TimeInterval
    /// The bcrypt cost of new password hashes (12 in production; tests may use less).
    public var bcryptCost: UInt8
    /// What the documents say they were computed from (`database SQLite «traguardo.sqlite»`); never a password.
    public var dataSource: String?
    /// Where the Chromium that prints the PDFs is looked for (`TRAGUARDO_CHROMIUM`, then `PATH`).
    public var environment: [String: String]
    /// Seconds a connection may stay silent before it is closed: a client that does not finish sending its
    /// headers (or its body) in this time, or keeps an idle connection open, is disconnected (slowloris).
    public var idleTimeout: Int
    /// The clock (tests move it).
    public var clock: @Sendable () -> Date

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, sessionDuration: TimeInterval = 8 * 3600,
        maximumLoginFailures: Int = 5, loginFailureWindow: TimeInterval = 15 * 60, bcryptCost: UInt8 = 12,
        dataSource: String? = nil, idleTimeout: Int = 30, environment: [String: String] = ProcessInfo.processInfo.environment, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.sessionDuration = sessionDuration
        self.maximumLoginFailures = maximumLoginFailures
        self.loginFailureWindow = loginFailureWindow
        self.bcryptCost = bcryptCost
        self.dataSource = dataSource
        self.environment = environment
        self.idleTimeout = idleTimeout
        self.clock = clock
    }
}
