import Foundation

/// How a writer waits for an SQLite file that another process is writing: in line, for up to `limit`, then
/// ``StoreError/busy(location:waitedSeconds:holder:)``. PostgreSQL locks rows, not the database, and ignores it.
///
/// Readers never wait: they read the last committed state (WAL) while someone writes.
public struct WriterWait: Sendable {
    /// How long a write waits for its turn before giving up.
    public var limit: Duration
    /// Told once, with an Italian line, when a write has to wait for another one (the command line prints it).
    public var onWaiting: @Sendable (String) -> Void

    public init(limit: Duration, onWaiting: @escaping @Sendable (String) -> Void = { _ in }) {
        self.limit = limit
        self.onWaiting = onWaiting
    }

    /// The environment variable that sets `limit`, in seconds (`TRAGUARDO_ATTESA_SCRITTURA=1800`).
    public static let environmentVariable = "TRAGUARDO_ATTESA_SCRITTURA"

    /// Commands: ten minutes, long enough for a large import ahead in line.
    public static let commandLine = WriterWait(limit: .seconds(600))

    /// The web server: a person is waiting for the page, so half a minute, then «riprovare fra poco».
    public static let server = WriterWait(limit: .seconds(30))

    /// `self`, with the limit the environment sets instead of the default (a positive whole number of seconds).
    public func adjusted(by environment: [String: String] = ProcessInfo.processInfo.environment) -> WriterWait {
        guard let text = environment[Self.environmentVariable], let seconds = Int(text.trimmingCharacters(in: .whitespaces)),
            seconds > 0
        else { return self }
        var copy = self
        copy.limit = .seconds(seconds)
        return copy
    }

    var limitSeconds: Int { Int(limit.components.seconds) }

    /// `10 minuti`, `45 secondi`, `1 secondo`.
    static func spoken(seconds: Int) -> String {
        if seconds >= 60, seconds % 60 == 0 { return seconds == 60 ? "1 minuto" : "\(seconds / 60) minuti" }
        return seconds == 1 ? "1 secondo" : "\(seconds) secondi"
    }
}
