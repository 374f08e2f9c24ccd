import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Evidence file names read as browsers and RFC 7578 write them, and the stored media type taken from the
/// name's extension, never from the type the client declared (web-trial L5). Before, `;` split the name,
/// `%22` stayed, the last `filename` won and `text/html` was stored and served back.
@Suite("Rilevazione: nomi e tipi dei documenti a supporto")
struct EvidenceNameTests {
    /// Posts one evidence file whose `Content-Disposition` parameters after `name` are `disposition`.
    static func post(_ browser: Browser, disposition: String, contentType: String) async throws -> HTTPResponse.Status {
        let boundary = "----confine\(UUID().uuidString)"
        let item = EvidenceTests.item
        var body = ""
        for (name, value) in [("item[\(item)]", "1"), ("valore[\(item)]", "sì"), ("csrf", browser.csrf ?? "")] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"evidenza[\(item)]\"; \(disposition)\r\n"
        body += "Content-Type: \(contentType)\r\n\r\n%PDF-1.4 contenuto\r\n--\(boundary)--\r\n"
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: browser.cookieHeader]
        return try await browser.client.executeRequest(uri: EvidenceTests.form, method: .post, headers: headers, body: ByteBuffer(string: body)).status
    }

    @Test(arguments: [
        // What a browser sends for «è strano " ; x.pdf»: the quote as %22, the `;` inside the quotes.
        (#"filename="è strano %22 ; x.pdf""#, "text/html", #"è strano " ; x.pdf"#, "application/pdf"),
        // A second `filename` smuggled inside the quoted one (escaped quote) stays part of the name.
        (#"filename="a\";filename=evil.exe""#, "application/pdf", #"a";filename=evil.exe"#, "application/octet-stream"),
        // RFC 5987 `filename*` is preferred to `filename`.
        (#"filename="fallback.pdf"; filename*=UTF-8''Relazione%20%C3%A8.pdf"#, "application/pdf", "Relazione è.pdf", "application/pdf"),
        // The declared type is never kept: an HTML page is stored as a download of bytes.
        (#"filename="pagina.html""#, "text/html", "pagina.html", "application/octet-stream"),
    ])
    func theNameIsReadAsSentAndTheTypeComesFromTheExtension(
        _ disposition: String, _ declared: String, _ expectedName: String, _ expectedType: String
    ) async throws {
        try await ServerFixture.withSignedIn("ufficio.pers") { office, server in
            try await office.get(EvidenceTests.form)
            #expect(try await Self.post(office, disposition: disposition, contentType: declared) == .ok)
            let file = try #require(try await server.store.evidenceFiles(in: ServerFixture.lucca2018).first)
            #expect(file.fileName == expectedName)
            #expect(file.mediaType == expectedType)
        }
    }

    @Test func aDispositionWithAParameterTwiceIsRefusedAndStoresNothing() async throws {
        try await ServerFixture.withSignedIn("ufficio.pers") { office, server in
            try await office.get(EvidenceTests.form)
            let status = try await Self.post(office, disposition: #"filename="a.pdf"; filename="evil.exe""#, contentType: "application/pdf")
            #expect(status == .badRequest)
            #expect(try await server.store.evidenceFiles(in: ServerFixture.lucca2018).isEmpty)
        }
    }
}
