import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Sends messages to an SMTP server (RFC 5321) over SwiftNIO: plain, `STARTTLS` or TLS from the first byte
/// (NIOSSL, the server's certificate checked against the system's authorities and the host name), `AUTH PLAIN`
/// or `AUTH LOGIN`, each step with its time limit. A password is never sent over a connection that is not
/// encrypted.
public struct SMTPClient: Sendable {
    public var configuration: SMTPConfiguration

    public init(configuration: SMTPConfiguration) {
        self.configuration = configuration
    }

    /// Connects, sends each message in turn on the same connection, says `QUIT`. The first failure ends it.
    public func send(_ messages: [MailMessage], now: Date = Date()) async throws(SMTPError) {
        guard !messages.isEmpty else { return }
        let connection = try await SMTPConnection.open(configuration)
        do {
            try await connection.greetAndSignIn()
            for message in messages {
                try await connection.transmit(message, date: now)
            }
            await connection.quit()
        } catch {
            await connection.close()
            throw error
        }
    }

    public func send(_ message: MailMessage, now: Date = Date()) async throws(SMTPError) {
        try await send([message], now: now)
    }
}

/// One connection: the channel and the steps of the dialogue.
struct SMTPConnection: Sendable {
    let channel: any Channel
    let configuration: SMTPConfiguration
    let tlsContext: NIOSSLContext?

    static func open(_ configuration: SMTPConfiguration) async throws(SMTPError) -> SMTPConnection {
        let tlsContext: NIOSSLContext?
        if configuration.security == .none {
            tlsContext = nil
        } else {
            tlsContext = try makeTLSContext(configuration)
        }
        let implicit = configuration.security == .tls ? tlsContext : nil
        let serverName = sniName(configuration.host)
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(Int64(configuration.timeout * 1000)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicit {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: implicit, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                }
            }
        do {
            let channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
            return SMTPConnection(channel: channel, configuration: configuration, tlsContext: tlsContext)
        } catch {
            throw .connection(host: configuration.host, port: configuration.port, reason: describeConnectionError(error))
        }
    }

    /// Greeting, `EHLO`, `STARTTLS` and `EHLO` again when asked, `AUTH` when there are credentials.
    func greetAndSignIn() async throws(SMTPError) {
        try await expect(step: "il saluto iniziale", 220)
        var capabilities = try await ehlo()
        if configuration.security == .startTLS {
            guard capabilities.contains(where: { $0.uppercased() == "STARTTLS" }) else {
                throw .configuration("Il server di posta non offre STARTTLS: scegli «TLS implicito» o un altro server.")
            }
            try await command("STARTTLS", step: "STARTTLS", expecting: 220)
            try await startTLS()
            capabilities = try await ehlo()
        }
        guard let credentials = configuration.credentials else { return }
        guard configuration.security != .none else {
            throw .configuration(
                "La connessione al server di posta non è cifrata: la password non viene inviata in chiaro. Scegli STARTTLS o TLS.")
        }
        let mechanisms = capabilities.first { $0.uppercased().hasPrefix("AUTH") }
            .map { $0.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).dropFirst().map(String.init) } ?? []
        if mechanisms.contains("PLAIN") {
            let token = Data(([0] + Array(credentials.username.utf8) + [0] + Array(credentials.password.utf8))).base64EncodedString()
            try await command("AUTH PLAIN \(token)", step: "l'accesso (AUTH PLAIN)", expecting: 235, secret: true)
        } else if mechanisms.contains("LOGIN") {
            try await command("AUTH LOGIN", step: "l'accesso (AUTH LOGIN)", expecting: 334)
            try await command(Data(credentials.username.utf8).base64EncodedString(), step: "l'accesso (nome utente)", expecting: 334, secret: true)
            try await command(Data(credentials.password.utf8).base64EncodedString(), step: "l'accesso (password)", expecting: 235, secret: true)
        } else {
            throw .configuration("Il server di posta non offre l'accesso con PLAIN o LOGIN: togli il nome utente o scegli un altro server.")
        }
    }

    /// `MAIL FROM`, one `RCPT TO` per recipient, `DATA`, the dot-stuffed message.
    func transmit(_ message: MailMessage, date: Date) async throws(SMTPError) {
        guard !message.to.isEmpty else { throw .invalidMessage("Il messaggio non ha destinatari.") }
        try await command("MAIL FROM:<\(message.from.address)>", step: "il mittente \(message.from.address)", expecting: 250)
        for recipient in message.to {
            try await command("RCPT TO:<\(recipient.address)>", step: "il destinatario \(recipient.address)", expecting: 250, 251)
        }
        try await command("DATA", step: "l'invio del testo (DATA)", expecting: 354)
        let domain = message.from.address.split(separator: "@").last.map(String.init) ?? "traguardo.localhost"
        let data = MailMessage.dotStuffed(message.encoded(date: date, messageID: "\(UUID().uuidString.lowercased())@\(domain)"))
        try await write(data)
        try await expect(step: "il testo del messaggio", 250)
    }

    func quit() async {
        try? await command("QUIT", step: "QUIT", expecting: 221)
        await close()
    }

    func close() async {
        try? await channel.close().get()
    }

    // MARK: Steps

    private func ehlo() async throws(SMTPError) -> [String] {
        try await write("EHLO \(configuration.clientName)\r\n")
        let reply = try await nextReply(step: "EHLO")
        guard reply.code == 250 else { throw .rejected(step: "EHLO", code: reply.code, text: reply.text) }
        return Array(reply.lines.dropFirst())
    }

    @discardableResult
    private func command(_ line: String, step: String, expecting codes: Int..., secret: Bool = false) async throws(SMTPError) -> SMTPReply {
        try await write(line + "\r\n")
        let reply = try await nextReply(step: step)
        guard codes.contains(reply.code) else { throw .rejected(step: step, code: reply.code, text: reply.text) }
        return reply
    }

    @discardableResult
    private func expect(step: String, _ codes: Int...) async throws(SMTPError) -> SMTPReply {
        let reply = try await nextReply(step: step)
        guard codes.contains(reply.code) else { throw .rejected(step: step, code: reply.code, text: reply.text) }
        return reply
    }

    private func write(_ text: String) async throws(SMTPError) {
        do {
            try await channel.writeAndFlush(ByteBuffer(string: text)).get()
        } catch {
            throw error as? SMTPError ?? .closed(step: "l'invio")
        }
    }

    private func nextReply(step: String) async throws(SMTPError) -> SMTPReply {
        let channel = self.channel
        let seconds = configuration.timeout
        let timeout = TimeAmount.milliseconds(Int64(seconds * 1000))
        let future: EventLoopFuture<SMTPReply> = channel.eventLoop.flatSubmit {
            let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
            do {
                let handler = try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self)
                handler.expect(promise, step: step, timeout: timeout, seconds: seconds, channel: channel)
            } catch {
                promise.fail(SMTPError.closed(step: step))
            }
            return promise.futureResult
        }
        do {
            return try await future.get()
        } catch {
            throw error as? SMTPError ?? .closed(step: step)
        }
    }

    private func startTLS() async throws(SMTPError) {
        guard let tlsContext else { throw .configuration("STARTTLS senza configurazione TLS.") }
        let channel = self.channel
        let serverName = Self.sniName(configuration.host)
        do {
            try await channel.eventLoop.submit {
                let handler = try NIOSSLClientHandler(context: tlsContext, serverHostname: serverName)
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        } catch {
            throw .tls(String(describing: error))
        }
    }

    // MARK: Set-up

    static func makeTLSContext(_ configuration: SMTPConfiguration) throws(SMTPError) -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let file = configuration.extraTrustedCertificatesFile, !file.isEmpty {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(file)
                tls.additionalTrustRoots = [.certificates(certificates)]
            } catch {
                throw .configuration("Il file dei certificati «\(file)» non si legge come PEM: \(error).")
            }
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw .tls(String(describing: error))
        }
    }

    /// The name sent in SNI and checked against the certificate; nil for an IP address (the certificate is then
    /// checked against the address connected to).
    static func sniName(_ host: String) -> String? {
        if IPv4Address.isLiteral(host) || host.contains(":") { return nil }
        return host
    }

    static func describeConnectionError(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.localizedCaseInsensitiveContains("refused") { return "connessione rifiutata (nessun server in ascolto)" }
        if text.localizedCaseInsensitiveContains("timeout") || text.localizedCaseInsensitiveContains("timed out") {
            return "tempo scaduto"
        }
        if text.localizedCaseInsensitiveContains("resolve") || text.localizedCaseInsensitiveContains("NXDOMAIN")
            || text.localizedCaseInsensitiveContains("lookup")
        {
            return "nome del server sconosciuto"
        }
        return text
    }
}

/// `1.2.3.4`?
enum IPv4Address {
    static func isLiteral(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }
}
