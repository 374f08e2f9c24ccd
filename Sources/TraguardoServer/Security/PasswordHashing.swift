import Foundation
import HummingbirdBcrypt

/// Passwords as bcrypt hashes (HummingbirdBcrypt). Hashing is slow on purpose, so it runs off the
/// cooperative threads that serve requests.
public enum PasswordHashing {
    public static func hash(_ password: String, cost: UInt8) async -> String {
        await Task.detached(priority: .userInitiated) { Bcrypt.hash(password, cost: cost) }.value
    }

    public static func verify(_ password: String, hash: String) async -> Bool {
        await Task.detached(priority: .userInitiated) { Bcrypt.verify(password, hash: hash) }.value
    }

    /// A hash of nothing anyone knows, checked when the username does not exist, so that the answer takes
    /// as long as for a real user: made at the cost real accounts are hashed at (`ServerConfiguration.bcryptCost`),
    /// since the cost, not the password, decides how long a check takes.
    public static func decoy(cost: UInt8) -> String {
        Bcrypt.hash(SecretToken.make(), cost: cost)
    }

    /// The cost a bcrypt hash was made at (`$2b$12$…` → 12); nil when the text is not a bcrypt hash.
    public static func cost(of hash: String) -> UInt8? {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[0].isEmpty, parts[1].hasPrefix("2"), parts[2].count == 2 else { return nil }
        return UInt8(parts[2])
    }
}
