import Foundation

/// The address a request comes from: the TCP peer, or, when the peer is a trusted reverse proxy
/// (`traguardo serve --trusted-proxy`), the client it names in `X-Forwarded-For`. A header sent by anyone else
/// is ignored: otherwise any client could pick a fresh address for each login attempt.
public enum ClientAddress {
    /// - Parameters:
    ///   - peer: the TCP peer's address.
    ///   - forwardedFor: the `X-Forwarded-For` header values, in order.
    ///   - trustedProxies: the addresses of the trusted proxies.
    /// The proxy appends the address it saw, so the client is the rightmost hop that is not itself a trusted
    /// proxy. A hop that is not an IP address (a misconfigured proxy) leaves the peer's address.
    static func resolve(peer: String, forwardedFor: [String], trustedProxies: Set<String>) -> String {
        guard trustedProxies.contains(peer) else { return peer }
        let hops = forwardedFor.joined(separator: ",").split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed().prefix(maximumHops) {
            guard isIPAddress(hop) else { return peer }
            if !trustedProxies.contains(hop) { return hop }
        }
        return peer
    }

    /// The hops read from the right, at most (a longer chain is not looked through).
    static let maximumHops = 10

    /// IPv4 or IPv6 text: hex digits, dots and colons, at most 45 characters.
    public static func isIPAddress(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 45 && text.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
            && text.contains(where: { $0 == "." || $0 == ":" })
    }
}
