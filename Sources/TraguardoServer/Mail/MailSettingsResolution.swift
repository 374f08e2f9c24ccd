import Foundation
import TraguardoMail
import TraguardoStore

/// The stored SMTP settings made into the client's configuration: the password read from the environment
/// variable or the file the settings name (never from the database). Every problem in Italian.
public enum MailSettingsResolution {
    /// At most this many bytes of a password file are read.
    static let maximumPasswordFileBytes = 4096

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static func configuration(_ settings: MailSettings, environment: [String: String]) throws(Failure) -> SMTPConfiguration {
        guard let security = SMTPConfiguration.Security(rawValue: settings.security) else {
            throw Failure(description: "Sicurezza della connessione «\(settings.security)» non valida: attesa nessuna, starttls o tls.")
        }
        var credentials: SMTPConfiguration.Credentials?
        if let username = settings.username, !username.isEmpty {
            credentials = .init(username: username, password: try password(settings, environment: environment))
        }
        return SMTPConfiguration(
            host: settings.host, port: settings.port, security: security, credentials: credentials,
            extraTrustedCertificatesFile: settings.trustedCertificatesFile)
    }

    public static func sender(_ settings: MailSettings) throws(Failure) -> MailAddress {
        guard let address = MailAddress(settings.senderAddress, name: settings.senderName) else {
            throw Failure(description: "L'indirizzo del mittente «\(settings.senderAddress)» non è un indirizzo e-mail valido.")
        }
        return address
    }

    static func password(_ settings: MailSettings, environment: [String: String]) throws(Failure) -> String {
        if let variable = settings.passwordVariable, !variable.isEmpty {
            guard let value = environment[variable], !value.isEmpty else {
                throw Failure(description: "La variabile d'ambiente \(variable), da cui si legge la password di posta, non è impostata nel server.")
            }
            return value
        }
        if let file = settings.passwordFile, !file.isEmpty {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw Failure(description: "Il file della password di posta «\(file)» non si apre (esiste ed è leggibile dal server?).")
            }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: maximumPasswordFileBytes + 1)) ?? Data()
            guard data.count <= maximumPasswordFileBytes else {
                throw Failure(description: "Il file della password di posta «\(file)» supera \(maximumPasswordFileBytes) byte: non è una password.")
            }
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
            guard !text.isEmpty else { throw Failure(description: "Il file della password di posta «\(file)» è vuoto.") }
            return text
        }
        throw Failure(description: "C'è un nome utente ma nessuna password: indica la variabile d'ambiente o il file da cui leggerla.")
    }
}
