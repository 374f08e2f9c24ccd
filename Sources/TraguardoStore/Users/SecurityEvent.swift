import Foundation

/// One row of the security log (*registro degli accessi*): who tried to sign in or out, from where, when.
/// Kept apart from the registro modifiche, which records changes to the data: a failed login changes nothing.
public struct SecurityEvent: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A login with the right password (a session begins).
        case login = "accesso"
        /// A wrong username or password, or a deactivated account.
        case loginFailed = "accesso-non-riuscito"
        /// A failure that used up the budget of its address or username: the next attempts wait.
        case throttled = "rallentato"
        /// The user signed out.
        case logout = "uscita"
        /// A session ended without a logout: expired, replaced by a new login, or beyond the sessions allowed.
        case sessionEnded = "sessione-terminata"

        /// What the «Accessi» page shows.
        public var label: String {
            switch self {
            case .login: "Accesso"
            case .loginFailed: "Accesso non riuscito"
            case .throttled: "Tentativi rallentati"
            case .logout: "Uscita"
            case .sessionEnded: "Sessione terminata"
            }
        }
    }

    public var id: Int64?
    public var at: Date
    public var kind: Kind
    /// The username typed (for a failed login, maybe no user's).
    public var username: String
    /// The client's address (behind a trusted proxy, the one it forwarded).
    public var address: String
    /// Why, in Italian, when the kind alone does not say it (`scaduta`, `nuovo accesso dallo stesso browser`).
    public var detail: String?

    public init(id: Int64? = nil, at: Date, kind: Kind, username: String, address: String, detail: String? = nil) {
        self.id = id
        self.at = at
        self.kind = kind
        self.username = username
        self.address = address
        self.detail = detail
    }
}

/// The failed logins of one address or one username within a window: how many, and the latest.
public struct LoginFailureTally: Hashable, Sendable {
    public var count: Int
    public var latest: Date?

    public init(count: Int, latest: Date?) {
        self.count = count
        self.latest = latest
    }
}
