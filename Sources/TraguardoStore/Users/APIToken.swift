import Foundation

/// What an API token may do: read (every GET the user's role allows) or also write (POST a measurement).
/// A token reads only, unless whoever creates it asks for writing.
public enum APITokenScope: String, Sendable, Codable, CaseIterable {
    case read = "lettura"
    case write = "scrittura"

    /// The Italian words a person reads.
    public var label: String {
        switch self {
        case .read: "sola lettura"
        case .write: "lettura e scrittura"
        }
    }
}

/// A token of the JSON API, as the store keeps it: the SHA-256 of the secret (never the secret), whose it is,
/// what it is for, what it may do, until when, and when it was last used.
public struct APIToken: Hashable, Sendable {
    /// How many days a new token lasts when nobody says otherwise, and the most one may last.
    public static let defaultLifetimeDays = 90
    public static let maximumLifetimeDays = 365
    /// The last use is written at most this often per token, not at every request.
    public static let lastUseResolution: TimeInterval = 60

    public var tokenHash: String
    public var username: String
    public var label: String
    public var scope: APITokenScope
    public var createdAt: Date
    public var expiresAt: Date
    public var lastUsedAt: Date?

    public init(
        tokenHash: String, username: String, label: String, scope: APITokenScope = .read, createdAt: Date, expiresAt: Date,
        lastUsedAt: Date? = nil
    ) {
        self.tokenHash = tokenHash
        self.username = username
        self.label = label
        self.scope = scope
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
    }

    /// The token's public name, to list and revoke it: the first 12 hex digits of its hash (they say nothing
    /// of the secret, and two tokens of one user share them with negligible probability).
    public var code: String { String(tokenHash.prefix(12)) }

    public func hasExpired(at now: Date) -> Bool { expiresAt <= now }
}
