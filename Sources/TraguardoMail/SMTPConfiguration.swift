import Foundation

/// How the SMTP client reaches the mail server: where, how the connection is protected, who signs in.
public struct SMTPConfiguration: Sendable, Hashable {
    /// How the connection is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable, Codable {
        /// Plain text (only for a relay on the same machine or network: a password is never sent so).
        case none = "nessuna"
        /// Plain connection, then `STARTTLS` before anything else (port 587).
        case startTLS = "starttls"
        /// TLS from the first byte (port 465).
        case tls = "tls"

        /// The Italian label the settings page shows.
        public var label: String {
            switch self {
            case .none: "Nessuna (solo per un server di posta sulla stessa macchina o rete)"
            case .startTLS: "STARTTLS (di solito porta 587)"
            case .tls: "TLS implicito (di solito porta 465)"
            }
        }

        public var defaultPort: Int {
            switch self {
            case .none: 25
            case .startTLS: 587
            case .tls: 465
            }
        }
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// Username and password for `AUTH` (PLAIN or LOGIN, whichever the server offers); nil: no authentication.
    public var credentials: Credentials?
    /// The name this client gives itself in `EHLO`.
    public var clientName: String
    /// How long one step may take (connecting, each reply of the server), in seconds.
    public var timeout: Double
    /// A PEM file of certificates to trust besides the system's (a relay with a certificate of the Ente's own
    /// authority; the tests' self-signed server).
    public var extraTrustedCertificatesFile: String?

    public struct Credentials: Sendable, Hashable {
        public var username: String
        public var password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    public init(
        host: String, port: Int, security: Security, credentials: Credentials? = nil, clientName: String = "traguardo.localhost",
        timeout: Double = 30, extraTrustedCertificatesFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.credentials = credentials
        self.clientName = clientName
        self.timeout = timeout
        self.extraTrustedCertificatesFile = extraTrustedCertificatesFile
    }
}
