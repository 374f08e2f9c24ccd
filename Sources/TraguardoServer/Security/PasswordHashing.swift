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
    /// as long as for a real user.
    static let decoy = Bcrypt.hash(SecretToken.make(), cost: 10)
}
