import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// M8 of the web trial: a plan file of a few hundred bytes whose aliases expand to billions of values kept the
/// import page busy for many seconds (and `import --dry-run` for minutes). It is refused at its first anchor.
@Suite("Importazione del piano: una bomba di alias è rifiutata subito")
struct PlanFileAliasUploadTests {
    static let bomb = HostileInputs.aliasBomb(after: ImportTests.plan + "\n")

    @Test func anAliasBombIsRefusedWithFileAndLine() async throws {
        try await ServerFixture.withSignedIn("admin") { admin, server in
            try await admin.get("/amministrazione/importazione")
            let refused = try await ImportTests.upload(
                admin, "/amministrazione/importazione/piano", filename: "risate.yaml", content: Self.bomb, fields: [])
            #expect(refused.status == .unprocessableContent)
            let line = Self.bomb.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("&a0") }.map { $0 + 1 }
            // The page escapes «&» as «&amp;».
            #expect(refused.body.contains("risate.yaml, riga \(line ?? 0): ancora «&amp;a0» non ammessa"), "\(refused.body)")
            #expect(try await server.store.cycles(entityCode: "prova").isEmpty)
        }
    }
}
