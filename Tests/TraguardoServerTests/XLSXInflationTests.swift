import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// An XLSX that inflates beyond reason is refused with an error naming the file: 32 MB per part read whole,
/// 128 MB for all the files of one request (web-trial L3: a 620 kB file inflated its shared strings towards
/// 512 MB, and several such files could be sent at once).
@Suite("Importazione: limite di decompressione degli XLSX")
struct XLSXInflationTests {
    /// A ZIP whose `xl/workbook.xml` is `megabytes` MB of spaces (a few kB compressed).
    static func bomb(megabytes: Int) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bomba-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Python.run("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/>'
                           + ' ' * (int(sys.argv[2]) << 20) + '</workbook>')
            """, arguments: [url.path, String(megabytes)])
        return try Data(contentsOf: url)
    }

    /// Posts the files to the schede import, as a browser does.
    static func post(_ browser: Browser, files: [(name: String, data: Data)]) async throws -> (status: HTTPResponse.Status, body: String) {
        let boundary = "confine-\(UUID().uuidString)"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(browser.csrf ?? "")\r\n".utf8)
        for file in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n".utf8)
            body += Data("Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n".utf8) + file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: browser.cookieHeader]
        let response = try await browser.client.executeRequest(
            uri: "/amministrazione/importazione/schede", method: .post, headers: headers, body: ByteBuffer(bytes: body))
        return (response.status, String(buffer: response.body))
    }

    @Test func aPartInflatingBeyond32MBIsRefusedNamingTheFile() async throws {
        let bomb = try Self.bomb(megabytes: 40)
        #expect(bomb.count < 200_000)
        try await ServerFixture.withSignedIn("controllo") { controller, _ in
            try await controller.get("/amministrazione/importazione")
            let answer = try await Self.post(controller, files: [("bomba.xlsx", bomb)])
            #expect(answer.status == .unprocessableContent)
            #expect(answer.body.contains("bomba.xlsx: la parte xl/workbook.xml supera 32 MB una volta decompressa"), "\(answer.body.suffix(2000))")
        }
    }

    @Test func theFilesOfOneRequestShareOneBudget() async throws {
        let part = try Self.bomb(megabytes: 30)
        try await ServerFixture.withSignedIn("controllo") { controller, _ in
            try await controller.get("/amministrazione/importazione")
            let files = (1...5).map { (name: "scheda-\($0).xlsx", data: part) }
            let answer = try await Self.post(controller, files: files)
            #expect(answer.status == .unprocessableContent)
            #expect(answer.body.contains("scheda-5.xlsx: i file XLSX di questo invio superano 128 MB una volta decompressi"), "\(answer.body.suffix(2000))")
            #expect(!answer.body.contains("scheda-1.xlsx: i file XLSX di questo invio"))
        }
    }
}
