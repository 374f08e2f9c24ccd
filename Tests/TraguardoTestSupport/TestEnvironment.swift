import Foundation
import Testing

/// What the machine running the tests offers, and what a missing tool means: outside CI the test is
/// reported as skipped, with the reason; under `CI=true` (`.ci/run`, on the machine `scripts/test` prepared,
/// where everything is installed) it is a failure. Never a pass that ran nothing.
public enum TestEnvironment {
    /// `CI=true` (or `1`, in any case).
    public static let isCI: Bool = {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        return value == "true" || value == "1"
    }()

    /// Whether a test that needs a tool runs: when the tool is there, and always under CI (so that it fails).
    public static func shouldRun(whenAvailable available: Bool) -> Bool { available || isCI }

    /// Ends the running test (or, in a parameterised test, this case) because `what` is missing: skipped outside
    /// CI, a failure under CI. `install` says how `scripts/test` gets it.
    public static func missing(_ what: String, install: String) throws -> Never {
        if isCI { throw Missing(description: "CI=true ma manca \(what) (\(install))") }
        try Test.cancel("saltato: manca \(what) (\(install))")
    }

    /// A tool missing under CI.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }
}
