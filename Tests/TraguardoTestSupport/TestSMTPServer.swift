import Foundation

/// A real SMTP server on loopback for the tests: Python's aiosmtpd (from PyPI, installed by `scripts/test`),
/// started on a free port of 127.0.0.1, plain, with STARTTLS or with TLS from the first byte (a self-signed
/// certificate made by `openssl` for 127.0.0.1), with AUTH when asked. Every message it receives is written as
/// a JSON file (envelope, decoded subject and body, raw text, whether TLS and AUTH were used) into a folder the
/// test reads. Nothing leaves the machine.
public final class TestSMTPServer: @unchecked Sendable {
    public enum Mode: String, Sendable {
        case plain, starttls, tls
    }

    /// A message as the server received it.
    public struct Received: Decodable, Sendable {
        public var from: String
        public var to: [String]
        public var subject: String
        public var body: String
        public var raw: String
        public var tls: Bool
        public var authenticatedAs: String?
    }

    public let port: Int
    public let folder: URL
    /// The server's certificate (PEM), to trust in the client.
    public let certificateFile: String?
    public let username: String?
    public let password: String?
    private let running: RunningProcess

    /// Starts the server. `username`/`password`: AUTH required (with `excludePlain`, only LOGIN is offered).
    public init(mode: Mode, username: String? = nil, password: String? = nil, excludePlain: Bool = false) async throws {
        try PythonModules.require("aiosmtpd")
        let openssl = try ExternalProgram.require(["openssl"], debianPackage: "openssl")[0]
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var certificate: String?, key: String?
        if mode != .plain {
            let cert = folder.appendingPathComponent("cert.pem").path, keyPath = folder.appendingPathComponent("key.pem").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: openssl)
            process.arguments = [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyPath, "-out", cert, "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            certificate = cert
            key = keyPath
        }
        certificateFile = certificate
        self.username = username
        self.password = password
        let messages = folder.appendingPathComponent("posta")
        try FileManager.default.createDirectory(at: messages, withIntermediateDirectories: true)
        running = try RunningProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-u", "-c", Self.script, messages.path, mode.rawValue, certificate ?? "", key ?? "", username ?? "", password ?? "",
             excludePlain ? "PLAIN" : ""])
        try await running.waitFor("PRONTO", seconds: 60)
        guard let line = running.outputText.split(separator: "\n").first(where: { $0.hasPrefix("PRONTO ") }),
              let port = Int(line.dropFirst("PRONTO ".count).trimmingCharacters(in: .whitespaces))
        else { throw RunningProcess.Timeout(description: "aiosmtpd non ha detto la porta: \(running.outputText) \(running.errorText)") }
        self.port = port
    }

    /// The messages received so far, in the order they arrived.
    public func received() throws -> [Received] {
        let folder = self.folder.appendingPathComponent("posta")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { try JSONDecoder().decode(Received.self, from: Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    /// Waits (up to `seconds`) until at least `count` messages have arrived; returns them all.
    public func waitForMessages(_ count: Int, seconds: Double = 60) async throws -> [Received] {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let messages = try received()
            if messages.count >= count || Date() > deadline { return messages }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    public var errorText: String { running.errorText }

    public func stop() {
        // kill -9: a SIGTERM the test process ignores is ignored by its children too.
        if running.process.isRunning { running.kill9() }
        try? FileManager.default.removeItem(at: folder)
    }

    static let script = #"""
        import asyncio, email, json, os, signal, socket, ssl, sys, time
        from email import policy
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        folder, mode, cert, key, user, password, exclude = sys.argv[1:8]
        counter = [0]

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                counter[0] += 1
                content = envelope.original_content or envelope.content
                message = email.message_from_bytes(content, policy=policy.default)
                login = getattr(session, "traguardo_user", None)
                encrypted = server.transport is not None and server.transport.get_extra_info("ssl_object") is not None
                record = {
                    "from": envelope.mail_from, "to": envelope.rcpt_tos, "subject": str(message["subject"]),
                    "body": message.get_content(), "raw": content.decode("utf-8", "replace"),
                    "tls": encrypted, "authenticatedAs": login if session.authenticated else None,
                }
                name = "%s-%06d" % (time.strftime("%Y%m%d%H%M%S"), counter[0])
                temporary = os.path.join(folder, name + ".tmp")
                with open(temporary, "w", encoding="utf-8") as out:
                    json.dump(record, out, ensure_ascii=False)
                os.rename(temporary, os.path.join(folder, name + ".json"))
                return "250 Messaggio accettato"

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            if ok:
                session.traguardo_user = user
            return AuthResult(success=ok, handled=False)

        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        arguments = dict(hostname="127.0.0.1", port=port)
        if user:
            arguments.update(authenticator=authenticator, auth_required=True)
            if exclude:
                arguments.update(auth_exclude_mechanism=[exclude])
        if mode != "plain":
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(cert, key)
            if mode == "starttls":
                arguments.update(tls_context=context, require_starttls=True)
            else:
                # TLS from the first byte: aiosmtpd does not count it as TLS for AUTH, the connection is encrypted anyway.
                arguments.update(ssl_context=context, auth_require_tls=False)
        signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
        controller = Controller(Handler(), **arguments)
        controller.start()
        print("PRONTO %d" % port, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        """#
}
