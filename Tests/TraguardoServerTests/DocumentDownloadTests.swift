import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The «Documenti» page: every link it shows downloads the document, computed now from the store, with the
/// right type and file name; the snapshot line follows the data; a PDF without Chromium is refused with the
/// reason; names that are not documents are not found.
@Suite("Documenti: elenco e scaricamento")
struct DocumentDownloadTests {
    /// The links of the page: `/enti/…/documenti/relazione.docx`.
    static func links(_ page: Browser.Page) -> [String] {
        page.body.matches(of: /href="(\/enti\/lucca\/2013\/documenti\/[a-z]+\.[a-z]+)"/).map { String($0.1) }
    }

    @Test func everyLinkOfThePageDownloadsItsDocument() async throws {
        try await ServerFixture.withSignedIn("lettore") { reader, _ in
            let page = try await reader.get("/enti/lucca/2013/documenti")
            #expect(page.status == .ok)
            let links = Self.links(page)
            #expect(links.count == 5 * 4 + 2, "\(links)")
            for link in links where !link.hasSuffix(".pdf") {
                let file = try await reader.get(link)
                #expect(file.status == .ok, "\(link): \(file.status) \(file.body.prefix(300))")
                let name = String(link.split(separator: "/").last!)
                let disposition = file.headers[.contentDisposition] ?? ""
                #expect(disposition.hasPrefix("attachment;"), "\(link): \(disposition)")
                #expect(file.headers[.cacheControl] == "private, no-store")
                if name.hasSuffix(".html") {
                    #expect(file.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(file.body.contains("<html"), "\(link)")
                } else if name.hasSuffix(".docx") || name.hasSuffix(".xlsx") || name == "opendata.csv" {
                    #expect(file.data.prefix(2) == Data("PK".utf8), "\(link): non è un archivio ZIP")
                }
            }
            // The Relazione's figures are the engine's, read back from the Word file by python's zipfile.
            let docx = try await reader.get("/enti/lucca/2013/documenti/relazione.docx")
            #expect(docx.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(docx.headers[.contentDisposition]?.contains("filename=\"relazione-lucca-2013.docx\"") == true)
            let text = try Self.unzip(docx.data, member: "word/document.xml")
            #expect(text.contains("97,51"))

            let json = try await reader.get("/enti/lucca/2013/documenti/opendata.json")
            #expect(json.headers[.contentType] == "application/json")
            let object = try #require(try JSONSerialization.jsonObject(with: json.data) as? [String: Any])
            #expect(object.keys.contains("rilevazioni"), "\(object.keys.sorted())")

            let csv = try await reader.get("/enti/lucca/2013/documenti/opendata.csv")
            #expect(csv.headers[.contentType] == "application/zip")
            let names = try Self.unzipNames(csv.data)
            #expect(names.contains("datapackage.json") && names.contains("elementi.csv"), "\(names)")
        }
    }

    @Test func theSnapshotLineFollowsTheData() async throws {
        try await ServerFixture.withSignedIn("ufficio.pers") { office, server in
            let before = try await office.get("/enti/lucca/2018/documenti/relazione.html")
            #expect(try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "no")]).status == .ok)
            let after = try await office.get("/enti/lucca/2018/documenti/relazione.html")
            let last = try #require(try await server.store.auditLog(AuditQuery(entityCode: "lucca", year: 2018, limit: 1)).first)
            let number = "ultima modifica n. " + ItalianFormatting.number(Decimal(last.id), fractionDigits: 0) + " "
            #expect(after.body.contains(number), "la riga di stato nomina l'ultima modifica")
            #expect(!before.body.contains(number))
            let fingerprint = /impronta ([0-9A-F-]+)/
            let a = try #require(before.body.firstMatch(of: fingerprint)).1, b = try #require(after.body.firstMatch(of: fingerprint)).1
            #expect(a != b, "l'impronta dei dati cambia con una rilevazione")
        }
    }

    @Test func aPDFNeedsChromiumAndSaysSoWhenItIsMissing() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            var configuration = ServerFixture.configuration()
            configuration.environment = ["TRAGUARDO_CHROMIUM": "/nessuna/cartella/chromium", "PATH": "/nessuna/cartella"]
            let app = TraguardoApplication.make(store: store, configuration: configuration)
            try await app.test(.router) { client in
                let reader = Browser(client)
                try await reader.logIn("lettore")
                let refused = try await reader.get("/enti/lucca/2013/documenti/relazione.pdf")
                #expect(refused.status == .serviceUnavailable)
                #expect(refused.body.contains("Il server non può stampare in PDF"), "\(refused.body)")
                #expect(refused.body.contains("/nessuna/cartella/chromium"))
            }
        }
        _ = try ExternalProgram.require(["chromium"], debianPackage: "chromium")
        try await ServerFixture.withSignedIn("lettore") { reader, _ in
            let pdf = try await reader.get("/enti/lucca/2013/documenti/valutazione.pdf")
            #expect(pdf.status == .ok, "\(pdf.body.prefix(400))")
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.data.prefix(4) == Data("%PDF".utf8))
        }
    }

    @Test func namesThatAreNotDocumentsAreNotFound() async throws {
        try await ServerFixture.withSignedIn("lettore") { reader, server in
            for path in ["relazione.csv", "nulla.pdf", "relazione", "relazione.html.zip", "opendata.docx"] {
                let page = try await reader.get("/enti/lucca/2013/documenti/" + path)
                #expect(page.status == .notFound, "\(path): \(page.status)")
                #expect(page.body.contains("pagina Documenti"))
            }
            let period = try await reader.get("/enti/lucca/2013/documenti/relazione.html?periodo=T9")
            #expect(period.status == .notFound)
            #expect(period.body.contains("Nessun periodo «T9»"))
            let signedOut = try await Browser(server.client).get("/enti/lucca/2013/documenti/relazione.html")
            #expect(signedOut.status == .seeOther)
        }
    }

    /// A member of a ZIP archive, read by python's zipfile.
    static func unzip(_ data: Data, member: String) throws -> String {
        try withFile(data) { path in
            try Python.text("import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(\(Python.literal(member))).decode())", arguments: [path])
        }
    }

    static func unzipNames(_ data: Data) throws -> [String] {
        try withFile(data) { path in
            try Python.text("import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", arguments: [path])
        }.split(separator: "\n").map(String.init)
    }

    static func withFile<T>(_ data: Data, _ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-scaricato-\(UUID().uuidString).zip")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }
}
