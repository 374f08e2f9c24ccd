import Foundation
import TraguardoStore

/// How long a login attempt must wait, from the failed logins of the last `window` (the security log).
///
/// Two budgets, each of `freeFailures` failures:
/// - **per address, across usernames**: an address that keeps failing (guessing one password, or spraying one
///   password over many usernames) waits before its next attempt, whatever password it sends. The wait doubles
///   with each failure beyond the budget (`firstWait`, 2×, 4×, … up to `window`), and ends by itself: it is a
///   backoff, never a lock.
/// - **per username, across addresses**: a username that many addresses fail on makes *those* addresses wait
///   (any address with a failure in the window), with the same backoff. An address with no recent failure is
///   not slowed: its attempt is checked, so the owner, signing in from their own browser, still gets in with the
///   right password while someone else fails on their name elsewhere. Making a clean address wait too would hand
///   every attacker a way to lock any named user out (fail on their name from anywhere, for ever); what the
///   attacker gets instead is one guess per fresh address per window, each of which spends that address.
///
/// Behind a reverse proxy the address is the client's only when the proxy is trusted (`--trusted-proxy`),
/// otherwise every user would share the proxy's address and its budget.
struct LoginThrottle: Sendable {
    var freeFailures: Int
    var window: TimeInterval
    var firstWait: TimeInterval

    enum Reason: Sendable, Equatable {
        case address
        case username
    }

    /// The wait before the next attempt may be checked (nil: check it now), and whose budget imposes it.
    func wait(address: LoginFailureTally, username: LoginFailureTally, now: Date) -> (seconds: TimeInterval, reason: Reason)? {
        if let seconds = remaining(address, now: now) { return (seconds, .address) }
        if address.count > 0, let seconds = remaining(username, now: now) { return (seconds, .username) }
        return nil
    }

    /// Whether one more failure uses up the budget: from there on, attempts wait (the security log's «rallentato»).
    func exhausts(_ tally: LoginFailureTally) -> Bool { tally.count + 1 == freeFailures }

    /// The wait after `count` failures: none within the budget, then `firstWait` doubling with each failure, at most `window`.
    func backoff(afterFailures count: Int) -> TimeInterval {
        guard count >= freeFailures else { return 0 }
        let doublings = min(count - freeFailures, 30)
        return min(firstWait * pow(2, Double(doublings)), window)
    }

    private func remaining(_ tally: LoginFailureTally, now: Date) -> TimeInterval? {
        guard let latest = tally.latest else { return nil }
        let left = latest.addingTimeInterval(backoff(afterFailures: tally.count)).timeIntervalSince(now)
        return left > 0 ? left : nil
    }
}
