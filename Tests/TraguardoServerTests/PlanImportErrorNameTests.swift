import Foundation
import Testing
import TraguardoTestSupport

/// Amministrazione › Importazione of a plan file that cannot be read: every message names the file as the user
/// uploaded it (`rotto.yaml`), never the server's temporary folder, and says what is wrong in Italian.
@Suite("Importazione del piano: errori col nome del file caricato")
struct PlanImportErrorNameTests {
    static let broken: [(filename: String, content: String)] = [
        // YAML that does not parse (libyaml's «did not find expected node content»).
        ("rotto.yaml", "ente:\n  codice: prova\n  nome: [Prova\nanno: 2019\n"),
        // JSON cut in the middle.
        ("rotto.json", "{\"ente\": {\"codice\": \"prova\", \"nome\": \"Prova\"}, \"anno\": "),
        // Well-formed, but a field of the wrong kind.
        ("sbagliato.yaml", ImportTests.plan.replacingOccurrences(of: "anno: 2019", with: "anno: duemila")),
    ]

    @Test(arguments: broken.indices)
    func theErrorNamesTheUploadedFileAndNoTemporaryPath(_ index: Int) async throws {
        let file = Self.broken[index]
        try await ServerFixture.withSignedIn("admin") { admin, server in
            try await admin.get("/amministrazione/importazione")
            let answer = try await ImportTests.upload(
                admin, "/amministrazione/importazione/piano", filename: file.filename, content: file.content, fields: [])
            #expect(answer.status == .unprocessableContent, "\(answer.body.prefix(400))")
            let errors = answer.body.components(separatedBy: "<main").last ?? answer.body
            #expect(errors.contains(file.filename), "\(errors.prefix(1500))")
            #expect(!errors.contains("traguardo-upload"), "\(errors.prefix(1500))")
            #expect(!errors.contains(FileManager.default.temporaryDirectory.path), "\(errors.prefix(1500))")
            #expect(!errors.contains("/tmp/"))
            #expect(!errors.contains("did not find") && !errors.contains("expected"), "messaggio in inglese: \(errors.prefix(1500))")
            #expect(try await server.store.cycles(entityCode: "prova").isEmpty)
        }
    }
}
