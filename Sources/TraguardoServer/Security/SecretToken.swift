import Crypto
import Foundation
import TraguardoCore

/// The secrets the server hands out (session cookies, CSRF tokens, API tokens): 32 random bytes from the
/// system's secure generator, in URL-safe base64. The database keeps only their SHA-256, so a copy of the
/// database does not open anyone's session.
public enum SecretToken {
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The hex SHA-256 of the token: what the database stores and looks up.
    public static func hash(_ token: String) -> String {
        LowercaseHex.text(SHA256.hash(data: Data(token.utf8)))
    }

    /// Compares two secrets in time independent of where they differ.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
