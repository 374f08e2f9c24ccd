import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The evidence file of the rilevazione: posted with the measurement, stored with it (all or nothing),
/// listed on the form and on the node page, downloaded with the same bytes, refused outside the account's Ente.
@Suite("Rilevazione: documenti a supporto")
struct EvidenceTests {
    static let form = "/enti/lucca/2018/rilevazione/ANNO/PERS"
    static let item = "SG-2/2/1"

    /// A PDF-like content with every byte value (a NUL, CR LF and the boundary's dashes among them).
    static let pdf = Data("%PDF-1.4\r\n--\r\n".utf8) + Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })

    struct Part {
        var name: String
        var value: Data
        var filename: String? = nil
        var contentType: String? = nil
    }

    /// Posts the parts as `multipart/form-data`, with the browser's cookies and CSRF token.
    static func post(_ browser: Browser, _ path: String, _ parts: [Part]) async throws -> Browser.Page {
        let boundary = "----confine\(UUID().uuidString)"
        var body = Data()
        for part in parts + [Part(name: "csrf", value: Data((browser.csrf ?? "").utf8))] {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let filename = part.filename { head += "; filename=\"\(filename)\"" }
            head += "\r\n"
            if let type = part.contentType { head += "Content-Type: \(type)\r\n" }
            body += Data((head + "\r\n").utf8) + part.value + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: browser.cookieHeader]
        let response = try await browser.client.executeRequest(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body))
        return Browser.Page(status: response.status, headers: response.headers, body: String(buffer: response.body), data: Data(buffer: response.body))
    }

    static func text(_ name: String, _ value: String) -> Part { Part(name: name, value: Data(value.utf8)) }

    static func measurement(_ store: Store) async throws -> TraguardoCore.Measurement? {
        try await store.loadPlan(ServerFixture.lucca2018)?.measurements.first { $0.id == "\(item)@ANNO" }
    }

    /// A reader limited to another Ente.
    static func addForeignReader(_ store: Store) async throws {
        try await store.addUser(
            UserAccount(username: "lettore.massa", displayName: "Lettore di Massa", role: "lettore", entityCode: "massa"),
            passwordHash: await PasswordHashing.hash(DemoAccounts.password, cost: 4), actor: "test")
    }

    @Test(arguments: TestBackend.allCases)
    func anOfficeUploadsAFileWithItsMeasurementAndEveryReaderOfTheEnteDownloadsIt(_ backend: TestBackend) async throws {
        try await ServerFixture.withSignedIn("ufficio.pers", backend: backend, prepare: { store in
            try await Self.addForeignReader(store)
        }) { office, server in
            let blank = try await office.get(Self.form)
            #expect(blank.body.contains(#"type="file""#))
            #expect(blank.body.contains("al massimo 3 MB per file"))
            let saved = try await Self.post(office, Self.form, [
                Self.text("item[\(Self.item)]", "1"),
                Self.text("valore[\(Self.item)]", "sì"),
                Part(name: "evidenza[\(Self.item)]", value: Self.pdf, filename: "C:\\Documenti\\Relazione finale è.pdf",
                     contentType: "application/pdf"),
                // What a browser sends for a file input left empty, and an empty file: both ignored.
                Part(name: "evidenza[\(Self.item)]", value: Data(), filename: "", contentType: "application/octet-stream"),
                Part(name: "evidenza[\(Self.item)]", value: Data(), filename: "vuoto.txt", contentType: "text/plain"),
            ])
            #expect(saved.status == .ok, "\(saved.body)")
            let files = try await server.store.evidenceFiles(in: ServerFixture.lucca2018)
            #expect(files.count == 1)
            let file = try #require(files.first)
            #expect(file.fileName == "Relazione finale è.pdf")
            #expect(file.itemID == Self.item)
            #expect(file.periodCode == "ANNO")
            #expect(file.mediaType == "application/pdf")
            #expect(file.sizeBytes == Self.pdf.count)
            #expect(file.uploadedBy == "ufficio.pers")
            let stored = try #require(try await Self.measurement(server.store))
            #expect(stored.done == true)
            #expect(stored.evidence.contains("Relazione finale è.pdf (allegato n. \(file.id))"))
            #expect(!stored.evidence.contains("vuoto.txt"))

            // Listed on the form as a link, with size, author and date in Italian.
            let href = "/enti/lucca/2018/evidenze/\(file.id)"
            let day = Self.italianDay(file.uploadedAt)
            for page in [saved, try await office.get(Self.form)] {
                #expect(page.body.contains(#"<a href="\#(href)" download>Relazione finale è.pdf</a>"#), "\(page.body)")
                #expect(page.body.contains("allegato n. \(file.id), periodo ANNO, 20 kB, caricato da ufficio.pers il \(day)"))
            }
            // And on the page of the objective, beside the item's measurement.
            let node = try await office.get("/enti/lucca/2018/nodi/SG-2")
            #expect(node.status == .ok)
            #expect(node.body.contains(#"<a href="\#(href)" download>Relazione finale è.pdf</a>"#))

            // Downloaded by another account of the Ente: the same bytes, as an attachment, never sniffed.
            let reader = Browser(server.client)
            try await reader.logIn("lettore")
            let response = try await server.client.executeRequest(
                uri: href, method: .get, headers: [.cookie: reader.cookieHeader], body: nil)
            #expect(response.status == .ok)
            #expect(Data(buffer: response.body) == Self.pdf)
            #expect(response.headers[.contentType] == "application/pdf")
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            let disposition = try #require(response.headers[.contentDisposition])
            #expect(disposition.hasPrefix("attachment;"))
            #expect(disposition.contains("filename*=UTF-8''Relazione%20finale%20%C3%A8.pdf"), "\(disposition)")
            #expect(disposition.contains(#"filename="Relazione finale _.pdf""#), "\(disposition)")

            // An account limited to another Ente: refused; an id of nothing, or asked under another year: not found.
            let foreign = Browser(server.client)
            #expect(try await foreign.logIn("lettore.massa").status == .seeOther)
            let refused = try await foreign.get(href)
            #expect(refused.status == .forbidden)
            #expect(!refused.body.contains("%PDF"))
            #expect(try await foreign.get("/enti/massa/2018/evidenze/\(file.id)").status == .notFound)
            let elsewhere = try await reader.get("/enti/lucca/2013/evidenze/\(file.id)")
            #expect(elsewhere.status == .notFound)
            #expect(elsewhere.body.contains("Nessun documento a supporto n. «\(file.id)» per l&#39;Ente «lucca», anno 2013"))
            #expect(try await reader.get("/enti/lucca/2018/evidenze/999999").status == .notFound)
            #expect(try await reader.get("/enti/lucca/2018/evidenze/abc").status == .notFound)
            // Not signed in: to the login page.
            #expect(try await Browser(server.client).get(href).status == .seeOther)
        }
    }

    @Test func aFileOverTheLimitIsAnsweredBesideItsFieldAndNothingIsStored() async throws {
        try await ServerFixture.withSignedIn("ufficio.pers") { office, server in
            try await office.get(Self.form)
            let before = try await TestDatabase.dump(server.store)
            let big = Data(repeating: 0x41, count: 3_000_001)
            let answer = try await Self.post(office, Self.form, [
                Self.text("item[\(Self.item)]", "1"),
                Self.text("valore[\(Self.item)]", "sì"),
                Part(name: "evidenza[\(Self.item)]", value: big, filename: "scansione.pdf", contentType: "application/pdf"),
            ])
            #expect(answer.status == .unprocessableContent)
            let message = "Il file «scansione.pdf» è di 3.000.001 byte: il limite è 3 MB per file."
            #expect(answer.body.contains(#"<p class="errore-campo" id="r1-evidenza-errore">\#(message)"#), "\(answer.body)")
            #expect(answer.body.contains(#"aria-describedby="r1-evidenza-aiuto r1-evidenza-errore" aria-invalid="true""#))
            #expect(answer.body.contains("Non ho salvato nulla"))
            // What was typed is shown again; neither the measurement nor the file was written (nor the audit log).
            #expect(answer.body.contains(#"name="valore[SG-2/2/1]" value="sì""#))
            #expect(try await TestDatabase.dump(server.store) == before)
            #expect(try await server.store.evidenceFiles(in: ServerFixture.lucca2018).isEmpty)

            // A good file with a value the core cannot read: the value's error, and the file not stored either.
            let unreadable = try await Self.post(office, Self.form, [
                Self.text("valore[\(Self.item)]", "forse"),
                Part(name: "evidenza[\(Self.item)]", value: Self.pdf, filename: "buono.pdf", contentType: "application/pdf"),
            ])
            #expect(unreadable.status == .unprocessableContent)
            #expect(unreadable.body.contains("Valore «forse» non leggibile"))
            #expect(try await TestDatabase.dump(server.store) == before)

            // A file for an item of another office: the whole post refused, as for its fields.
            let smuggled = try await Self.post(office, Self.form, [
                Self.text("valore[\(Self.item)]", "sì"),
                Part(name: "evidenza[SG-1/1/1]", value: Self.pdf, filename: "altro.pdf", contentType: "application/pdf"),
            ])
            #expect(smuggled.status == .forbidden)
            #expect(try await TestDatabase.dump(server.store) == before)

            // A whole post over the server's 4 MiB: refused in Italian, nothing written.
            let huge = try await Self.post(office, Self.form, [
                Self.text("valore[\(Self.item)]", "sì"),
                Part(name: "evidenza[\(Self.item)]", value: Data(repeating: 0x42, count: 4_300_000), filename: "enorme.pdf"),
            ])
            #expect(huge.status == .contentTooLarge)
            #expect(huge.body.contains("Il modulo inviato supera 4,2 MB in tutto: nulla è stato salvato."))
            #expect(try await TestDatabase.dump(server.store) == before)
        }
    }

    static func italianDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%02d/%02d/%04d", c.day!, c.month!, c.year!)
    }
}
