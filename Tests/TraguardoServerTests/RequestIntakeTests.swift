import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// What a request may cost before anyone is known: the adversarial bodies of the security probe (web-trial
/// H1, L9) sent to a live server over a raw socket. The server must answer *before the body has been sent in
/// full*: proof that it neither waited for the body nor parsed it. (On the old code it read all 4 MB, then
/// parsed them, and the answer never came while the body was held back.)
@Suite("Richieste: budget del corpo deciso prima di leggerlo")
struct RequestIntakeTests {
    /// The probe's three 4 MB bodies: empty multipart parts, 80 000 small fields, one million urlencoded pairs.
    static let size = 4_000_000
    static let emptyParts = Data(String(repeating: "--b\r\n", count: 800_000).utf8)
    static let manyFields: Data = {
        let part = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nv\r\n"
        return Data(String(repeating: part, count: size / part.utf8.count).utf8)
    }()
    static let manyPairs = Data(String(repeating: "a=b&", count: 1_000_000).utf8)

    static let adversarial: [(name: String, contentType: String, body: Data)] = [
        ("--b × 800 000", "multipart/form-data; boundary=b", emptyParts),
        ("80 000 campi", "multipart/form-data; boundary=b", manyFields),
        ("a=b& × 1 000 000", "application/x-www-form-urlencoded", manyPairs),
    ]

    /// Sends the request head and only the first `sent` bytes of `body`, then reads the answer's head.
    static func answerBeforeTheRest(
        port: Int, path: String, contentType: String, body: Data, cookie: String? = nil, sent: Int = 200_000
    ) async throws -> String {
        try await LoopbackConnection.run {
            let connection = try LoopbackConnection(port: port, receiveTimeout: 60)
            var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
            if let cookie { head += "Cookie: \(cookie)\r\n" }
            connection.send(Data((head + "\r\n").utf8))
            connection.send(body.prefix(sent))
            return connection.receiveHead()
        }
    }

    /// `HTTP/1.1 413` (the reason phrase varies with the HTTP library).
    static func status(_ head: String) -> String { head.split(separator: "\r\n").first.map { String($0.prefix(12)) } ?? "(nessuna risposta)" }

    @Test func anUrlencodedBodyIsDecodedInOnePassAndRefusedOverTheFieldCap() {
        let form = FormBody(encoded: Array("a=1+2&b=%C3%A8&c=%zz&d&&e=x=y".utf8), maxFields: 10)
        #expect(form?.fields.map { "\($0.name)→\($0.value)" } == ["a→1 2", "b→è", "c→%zz", "d→", "e→x=y"])
        #expect(FormBody(encoded: Array("a&b&c".utf8), maxFields: 3) != nil)
        #expect(FormBody(encoded: Array("a&b&c&d".utf8), maxFields: 3) == nil)
    }

    @Test func aPartWithHeadersTooLongOrTooManyIsRefusedAndStoresNothing() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let office = Browser(client)
                try await office.logIn("ufficio.pers")
                try await office.get(EvidenceTests.form)
                let before = try await TestDatabase.dump(store)
                let longName = EvidenceTests.Part(name: "nota[" + String(repeating: "x", count: 8_000) + "]", value: Data("v".utf8))
                #expect(try await EvidenceTests.post(office, EvidenceTests.form, [longName]).status == .badRequest)
                var many = EvidenceTests.Part(name: "nota[SG-2/2/1]", value: Data("v".utf8))
                many.contentType = "text/plain\r\n" + (1...10).map { "X-Intestazione-\($0): a" }.joined(separator: "\r\n")
                #expect(try await EvidenceTests.post(office, EvidenceTests.form, [many]).status == .badRequest)
                #expect(try await TestDatabase.dump(store) == before)
            }
        }
    }

    @Test func anAnonymousAdversarialBodyIsRefusedBeforeItIsSent() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.live) { client in
                let port = try #require(client.port)
                for case let (name, type, body) in Self.adversarial {
                    // The login form: its budget is a few kB, the declared 4 MB are refused unread.
                    let login = try await Self.answerBeforeTheRest(port: port, path: "/login", contentType: type, body: body)
                    #expect(Self.status(login) == "HTTP/1.1 413", "\(name)")
                    #expect(login.lowercased().contains("content-security-policy: default-src"), "\(name)")
                    // Any other form, anonymous: refused before reading, whatever the size.
                    let comment = try await Self.answerBeforeTheRest(port: port, path: "/enti/lucca/2018/commenti", contentType: type, body: body)
                    #expect(Self.status(comment) == "HTTP/1.1 403", "\(name)")
                }
                // Without a declared length (chunked), the login form is still cut at its budget.
                let chunked = try await LoopbackConnection.run {
                    let connection = try LoopbackConnection(port: port)
                    connection.send(Data("POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
                    let chunk = Self.manyPairs.prefix(64 * 1024)
                    connection.send(Data((String(chunk.count, radix: 16) + "\r\n").utf8) + chunk + Data("\r\n".utf8))
                    return connection.receiveHead()
                }
                #expect(Self.status(chunked) == "HTTP/1.1 413")
            }
        }
    }

    @Test func aSignedInUsersAdversarialFormIsRefusedAtTheFirstExcess() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let office = Browser(client)
                try await office.logIn("ufficio.pers")
                let path = "/enti/lucca/2018/rilevazione/ANNO/PERS"
                // The rilevazione form takes files (4 MB): the body is read, but parsing stops at the first excess.
                let empty = try await Self.answerBeforeTheRest(
                    port: port, path: path, contentType: "multipart/form-data; boundary=b", body: Self.emptyParts, cookie: office.cookieHeader)
                #expect(Self.status(empty) == "HTTP/1.1 400")
                let fields = try await Self.answerBeforeTheRest(
                    port: port, path: path, contentType: "multipart/form-data; boundary=b", body: Self.manyFields, cookie: office.cookieHeader)
                #expect(Self.status(fields) == "HTTP/1.1 413")
                let pairs = try await Self.answerBeforeTheRest(
                    port: port, path: path, contentType: "application/x-www-form-urlencoded", body: Self.manyPairs, cookie: office.cookieHeader)
                #expect(Self.status(pairs) == "HTTP/1.1 413")
                // A form without files (a comment, by a role that may comment: another is refused by the route before
                // its budget) has a smaller budget: 4 MB declared are refused unread.
                let controller = Browser(client)
                try await controller.logIn("controllo")
                let comment = try await Self.answerBeforeTheRest(
                    port: port, path: "/enti/lucca/2018/commenti", contentType: "application/x-www-form-urlencoded", body: Self.manyPairs,
                    cookie: controller.cookieHeader)
                #expect(Self.status(comment) == "HTTP/1.1 413")
                // Files only for a role that may send them there: a reader is refused before the body.
                let reader = Browser(client)
                try await reader.logIn("lettore")
                let refused = try await Self.answerBeforeTheRest(
                    port: port, path: path, contentType: "multipart/form-data; boundary=b", body: Self.manyFields, cookie: reader.cookieHeader, sent: 0)
                #expect(Self.status(refused) == "HTTP/1.1 403")
            }
        }
    }

    @Test func aClientThatTricklesItsHeadersIsDisconnected() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            var configuration = ServerFixture.configuration()
            configuration.idleTimeout = 1
            let app = TraguardoApplication.make(store: store, configuration: configuration)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                // 300 header bytes, one every 50 ms: the head is never complete before the server's idle timeout.
                let sentBeforeClose = try await LoopbackConnection.run { () -> Int in
                    let connection = try LoopbackConnection(port: port)
                    connection.send(Data("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lento: ".utf8))
                    for sent in 0..<300 {
                        if connection.closedByServer || !connection.send(Data("a".utf8)) { return sent }
                        Thread.sleep(forTimeInterval: 0.05)
                    }
                    return 300
                }
                #expect(sentBeforeClose < 300, "the connection was still open after the whole trickle")
                // A client that sends its request at once is answered as before. (A raw connection: the test
                // client's own, idle longer than the timeout, has been closed too.)
                let answer = try await LoopbackConnection.run {
                    let connection = try LoopbackConnection(port: port)
                    connection.send(Data("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
                    return connection.receiveHead()
                }
                #expect(Self.status(answer) == "HTTP/1.1 200")
            }
        }
    }

    @Test func aClientThatTricklesItsBodyIsCutOffAtTheBodyDeadline() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            var configuration = ServerFixture.configuration()
            configuration.bodyTimeout = 1
            let app = TraguardoApplication.make(store: store, configuration: configuration)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                // The controllo di gestione, who may comment (a role that may not is refused before the body).
                let office = Browser(client)
                try await office.logIn("controllo")
                let before = try await TestDatabase.dump(store)
                // A comment of 300 bytes, one byte every 50 ms: never silent for the idle timeout (30 s), but
                // far from sent in full within the body deadline.
                let body = Array(("csrf=x&testo=" + String(repeating: "a", count: 287)).utf8)
                let cookie = office.cookieHeader
                let (sent, answer) = try await LoopbackConnection.run { () -> (Int, String) in
                    let connection = try LoopbackConnection(port: port)
                    connection.send(Data((
                        "POST /enti/lucca/2018/commenti HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(cookie)\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.count)\r\n\r\n").utf8))
                    for (index, byte) in body.enumerated() {
                        if connection.serverHasAnswered || !connection.send(Data([byte])) { return (index, connection.receiveHead()) }
                        Thread.sleep(forTimeInterval: 0.05)
                    }
                    return (body.count, connection.receiveHead())
                }
                #expect(sent < body.count, "the server waited for the whole trickled body")
                #expect(Self.status(answer) == "HTTP/1.1 408", "\(answer)")
                #expect(try await TestDatabase.dump(store) == before)
            }
        }
    }
}

/// Import errors name the uploaded file, never the server's temporary folder (web-trial L6).
@Suite("Importazione: errori senza percorsi del server")
struct UploadErrorPathTests {
    @Test func aBadPlanFileIsNamedAsUploaded() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let admin = Browser(client)
                try await admin.logIn("admin")
                try await admin.get("/amministrazione/importazione")
                let answer = try await ImportTests.upload(
                    admin, "/amministrazione/importazione/piano", filename: "piano-errato.yaml",
                    content: "ente:\n  codice: x\nanno: duemila\n", fields: [])
                #expect(answer.status == .unprocessableContent)
                #expect(answer.body.contains("piano-errato.yaml"))
                #expect(!answer.body.contains("traguardo-upload-"), "\(answer.body)")
                #expect(!answer.body.contains(FileManager.default.temporaryDirectory.path + "/"))
            }
        }
    }
}
