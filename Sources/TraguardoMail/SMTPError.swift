/// What went wrong while sending, in Italian, saying which step failed and what the server answered.
public enum SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server could not be reached.
    case connection(host: String, port: Int, reason: String)
    /// No reply within the time allowed.
    case timeout(step: String, seconds: Double)
    /// The server closed the connection.
    case closed(step: String)
    /// The server answered with an error code.
    case rejected(step: String, code: Int, text: String)
    /// The server's reply is not SMTP (or too long).
    case protocolViolation(String)
    /// The TLS handshake or the certificate check failed.
    case tls(String)
    /// What the settings ask is not possible (a password over a plain connection; no AUTH offered).
    case configuration(String)
    /// An address or a header is not acceptable.
    case invalidMessage(String)

    public var description: String {
        switch self {
        case .connection(let host, let port, let reason):
            "Impossibile collegarsi al server di posta \(host):\(port): \(reason)."
        case .timeout(let step, let seconds):
            "Il server di posta non ha risposto entro \(Self.seconds(seconds)) secondi (\(step))."
        case .closed(let step):
            "Il server di posta ha chiuso la connessione (\(step))."
        case .rejected(let step, let code, let text):
            "Il server di posta ha rifiutato \(step): \(code) \(text)"
        case .protocolViolation(let what):
            "Risposta del server di posta non valida: \(what)."
        case .tls(let what):
            "Connessione cifrata (TLS) non riuscita: \(what)."
        case .configuration(let what), .invalidMessage(let what):
            what
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
    }
}
