import Foundation
import Testing
import TraguardoMail
import TraguardoTestSupport

/// The SMTP client against a real SMTP server on loopback (aiosmtpd): what arrives is read back from the
/// server's folder and parsed by Python's own e-mail reader.
@Suite(.serialized) struct SMTPClientTests {
    static let sender = MailAddress("traguardo@cciaa.example.it", name: "Traguardo – Controllo di gestione")!

    static func message(to address: String = "ufficio.studi@cciaa.example.it", body: String? = nil) -> MailMessage {
        MailMessage(
            from: sender, to: [MailAddress(address, name: "Niccolò Bertà")!],
            subject: "Promemoria: attività da completare entro il 15/04/2026 — è ora",
            body: body ?? "Gentile Niccolò,\nrestano da inserire 2 rilevazioni.\n.\n..una riga che comincia con due punti\nFine.")
    }

    @Test func plainConnectionDeliversUTF8SubjectAndDotStuffedBody() async throws {
        let server = try await TestSMTPServer(mode: .plain)
        defer { server.stop() }
        let client = SMTPClient(configuration: SMTPConfiguration(host: "127.0.0.1", port: server.port, security: .none, timeout: 20))
        try await client.send(Self.message())
        let received = try await server.waitForMessages(1)
        #expect(received.count == 1)
        let mail = try #require(received.first)
        #expect(mail.to == ["ufficio.studi@cciaa.example.it"])
        #expect(mail.from == "traguardo@cciaa.example.it")
        #expect(mail.subject == "Promemoria: attività da completare entro il 15/04/2026 — è ora")
        #expect(mail.raw.contains("Subject: =?UTF-8?B?"))
        // The lone "." and the line starting with ".." arrive as written: dot-stuffing was done and undone.
        #expect(mail.body.replacingOccurrences(of: "\r\n", with: "\n")
            == "Gentile Niccolò,\nrestano da inserire 2 rilevazioni.\n.\n..una riga che comincia con due punti\nFine.\n")
        #expect(!mail.tls)
    }

    @Test func startTLSWithAuthPlain() async throws {
        let server = try await TestSMTPServer(mode: .starttls, username: "traguardo", password: "segreta àè")
        defer { server.stop() }
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", port: server.port, security: .startTLS,
            credentials: .init(username: "traguardo", password: "segreta àè"), timeout: 20,
            extraTrustedCertificatesFile: server.certificateFile)
        try await SMTPClient(configuration: configuration).send([Self.message(), Self.message(to: "dirigente@cciaa.example.it")])
        let received = try await server.waitForMessages(2)
        #expect(received.map(\.to) == [["ufficio.studi@cciaa.example.it"], ["dirigente@cciaa.example.it"]])
        #expect(received.allSatisfy { $0.tls && $0.authenticatedAs == "traguardo" })
    }

    @Test func implicitTLSWithAuthLogin() async throws {
        let server = try await TestSMTPServer(mode: .tls, username: "traguardo", password: "parola", excludePlain: true)
        defer { server.stop() }
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", port: server.port, security: .tls, credentials: .init(username: "traguardo", password: "parola"),
            timeout: 20, extraTrustedCertificatesFile: server.certificateFile)
        try await SMTPClient(configuration: configuration).send(Self.message())
        let received = try await server.waitForMessages(1)
        #expect(received.count == 1)
        #expect(received.first?.tls == true && received.first?.authenticatedAs == "traguardo")
    }

    @Test func wrongPasswordIsRefusedInItalian() async throws {
        let server = try await TestSMTPServer(mode: .starttls, username: "traguardo", password: "giusta")
        defer { server.stop() }
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", port: server.port, security: .startTLS, credentials: .init(username: "traguardo", password: "sbagliata"),
            timeout: 20, extraTrustedCertificatesFile: server.certificateFile)
        let error = await #expect(throws: SMTPError.self) { try await SMTPClient(configuration: configuration).send(Self.message()) }
        #expect(error?.description.contains("ha rifiutato l'accesso (AUTH PLAIN): 535") == true)
        #expect(try server.received().isEmpty)
    }

    @Test func untrustedCertificateIsRefused() async throws {
        let server = try await TestSMTPServer(mode: .tls)
        defer { server.stop() }
        let configuration = SMTPConfiguration(host: "127.0.0.1", port: server.port, security: .tls, timeout: 20)
        let error = await #expect(throws: SMTPError.self) { try await SMTPClient(configuration: configuration).send(Self.message()) }
        // Usually the certificate check's own error; on a loaded machine the close that follows the refused
        // handshake can reach the client first. Either way nothing is sent.
        let description = error?.description ?? ""
        #expect(description.hasPrefix("Connessione cifrata (TLS) non riuscita") || description.hasPrefix("Il server di posta ha chiuso la connessione"),
                "\(description)")
        #expect(try server.received().isEmpty)
    }

    @Test func passwordIsNeverSentInClear() async throws {
        let server = try await TestSMTPServer(mode: .plain)
        defer { server.stop() }
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", port: server.port, security: .none, credentials: .init(username: "u", password: "p"), timeout: 20)
        let error = await #expect(throws: SMTPError.self) { try await SMTPClient(configuration: configuration).send(Self.message()) }
        #expect(error?.description.contains("la password non viene inviata in chiaro") == true)
        #expect(try server.received().isEmpty)
    }

    @Test func serverThatNeverAnswersTimesOut() async throws {
        // A listening socket that accepts and says nothing: the greeting never comes.
        let listener = try RunningProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-u", "-c", "import socket,time\ns=socket.socket()\ns.bind(('127.0.0.1',0))\ns.listen()\nprint('PRONTO',s.getsockname()[1],flush=True)\nc=s.accept()\ntime.sleep(60)"])
        defer { listener.kill9() }
        try await listener.waitFor("PRONTO")
        let port = try #require(Int(listener.outputText.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        let configuration = SMTPConfiguration(host: "127.0.0.1", port: port, security: .none, timeout: 1)
        let error = await #expect(throws: SMTPError.self) { try await SMTPClient(configuration: configuration).send(Self.message()) }
        #expect(error == .timeout(step: "il saluto iniziale", seconds: 1))
    }

    @Test func nobodyListeningIsAnItalianConnectionError() async throws {
        let configuration = SMTPConfiguration(host: "127.0.0.1", port: 1, security: .none, timeout: 5)
        let error = await #expect(throws: SMTPError.self) { try await SMTPClient(configuration: configuration).send(Self.message()) }
        #expect(error?.description.hasPrefix("Impossibile collegarsi al server di posta 127.0.0.1:1") == true)
    }

    @Test func addressesThatCouldInjectCommandsAreRefused() {
        #expect(MailAddress("a@b.it\r\nRCPT TO:<x@y.it>") == nil)
        #expect(MailAddress("a b@c.it") == nil)
        #expect(MailAddress("<a@b.it>") == nil)
        #expect(MailAddress("nessuna-chiocciola") == nil)
        #expect(MailAddress("mario.rossi@cciaa.example.it") != nil)
    }
}
