import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoExchange
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Amministrazione › Importazione takes the plan workbook too (`traguardo export --format xlsx`): a good one is
/// imported, a bad one shows its sheet, row and column and changes nothing.
@Suite("Amministrazione: importazione del foglio Excel del piano")
struct ImportWorkbookTests {
    /// Posts `data` as the file of the plan form, with the browser's cookies and CSRF token.
    static func upload(_ browser: Browser, filename: String, data: Data) async throws
        -> (status: HTTPResponse.Status, body: String)
    {
        let boundary = "confine-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in [("csrf", browser.csrf ?? "")] {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\n")
        body.writeString("Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
        body.writeBytes(data)
        body.writeString("\r\n--\(boundary)--\r\n")
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: browser.cookieHeader]
        let response = try await browser.client.executeRequest(uri: "/amministrazione/importazione/piano", method: .post, headers: headers, body: body)
        return (response.status, String(buffer: response.body))
    }

    static func workbook(_ plan: CyclePlan) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("piano-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try PlanWorkbookWriter.write(plan, to: url)
        return try Data(contentsOf: url)
    }

    @Test func aPlanWorkbookIsImportedAndABadOneChangesNothing() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let controller = Browser(client)
                try await controller.logIn("controllo")
                let page = try await controller.get("/amministrazione/importazione")
                #expect(page.body.contains(#"accept=".yaml,.yml,.json,.xlsx""#))
                var plan = try #require(try await store.loadPlan(ServerFixture.lucca2018))
                let yaml = try PlanFileWriter.yaml(plan)

                // A unit code that does not exist: the error names sheet, row and column; nothing is written.
                let index = try #require(plan.indicators.firstIndex { $0.nodeID != nil })
                plan.indicators[index].ownerUnitID = "NON-ESISTE"
                let auditBefore = try await store.auditLog(AuditQuery(limit: 100_000)).count
                let bad = try await Self.upload(controller, filename: "piano-sbagliato.xlsx", data: try Self.workbook(plan))
                #expect(bad.status == .unprocessableContent)
                #expect(bad.body.contains("Non ho importato nulla"))
                #expect(bad.body.contains("piano-sbagliato.xlsx, foglio «Indicatori», riga "), "\(bad.body)")
                #expect(bad.body.contains("colonna T «Ufficio»: unità «NON-ESISTE» non esiste"), "\(bad.body)")
                #expect(!bad.body.contains("traguardo-upload-"))
                #expect(try await store.auditLog(AuditQuery(limit: 100_000)).count == auditBefore)
                #expect(try PlanFileWriter.yaml(try #require(try await store.loadPlan(ServerFixture.lucca2018))) == yaml)

                // The same workbook with a real unit: imported, one change in the registro.
                plan.indicators[index].ownerUnitID = plan.units.first?.id
                let good = try await Self.upload(controller, filename: "piano.xlsx", data: try Self.workbook(plan))
                #expect(good.status == .ok, "\(good.body)")
                #expect(good.body.contains("Importato lucca 2018"), "\(good.body)")
                let stored = try #require(try await store.loadPlan(ServerFixture.lucca2018))
                #expect(stored.indicators.first { $0.id == plan.indicators[index].id }?.ownerUnitID == plan.units.first?.id)
                #expect(try await store.auditLog(AuditQuery(limit: 100_000)).count > auditBefore)
            }
        }
    }
}
