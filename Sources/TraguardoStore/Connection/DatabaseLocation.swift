import Foundation

/// Where the data lives: an embedded SQLite file (the default, `traguardo.sqlite` in the working
/// directory) or a PostgreSQL server named by a `postgres://` URL.
public enum DatabaseLocation: Hashable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// The file used when neither `--database` nor `TRAGUARDO_DATABASE` names one.
    public static let defaultFileName = "traguardo.sqlite"

    /// The environment variable that names the database when `--database` is absent.
    public static let environmentVariable = "TRAGUARDO_DATABASE"

    /// Reads `--database` (or, when it is absent, `TRAGUARDO_DATABASE`): a `postgres://` or
    /// `postgresql://` URL, or else a file path.
    public static func resolve(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(StoreError) -> DatabaseLocation {
        let given = option ?? environment[environmentVariable]
        guard let text = given?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return .sqlite(path: defaultFileName)
        }
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            return .postgres(try PostgresAddress(url: text))
        }
        if lower.contains("://") {
            throw .invalidLocation(text, reason: "sono ammessi un percorso di file SQLite o un indirizzo postgres://")
        }
        return .sqlite(path: text)
    }

    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): address.redacted
        }
    }
}

/// The parts of a `postgres://user:password@host:port/database?sslmode=…` URL.
public struct PostgresAddress: Hashable, Sendable {
    public enum TLSMode: String, Hashable, Sendable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String?
    public var tls: TLSMode

    public init(
        host: String, port: Int = 5432, username: String, password: String? = nil, database: String? = nil,
        tls: TLSMode = .disable
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
    }

    public init(url text: String) throws(StoreError) {
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw .invalidLocation(text, reason: "atteso postgres://utente:password@host:porta/database")
        }
        guard let user = components.user, !user.isEmpty else {
            throw .invalidLocation(text, reason: "manca l'utente (postgres://utente@host/database)")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = path.isEmpty ? nil : path
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
        switch mode {
        case "disable", "allow": self.tls = .disable
        case "prefer": self.tls = .prefer
        case "require", "verify-ca", "verify-full": self.tls = .require
        default:
            throw .invalidLocation(text, reason: "sslmode «\(mode)» sconosciuto (ammessi: disable, prefer, require)")
        }
    }

    /// The URL without its password, for messages and logs.
    public var redacted: String {
        "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database ?? "")"
    }
}
