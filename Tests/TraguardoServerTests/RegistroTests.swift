import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The registro modifiche page: a change made through the rilevazione shows with its author; the filter
/// narrows the rows and reads its dates in Italian; a lettore is refused.
@Suite("Registro modifiche")
struct RegistroTests {
    @Test func anEntryOfTheRilevazioneShowsWithItsAuthorAndTheFilterNarrowsIt() async throws {
        try await ServerFixture.withSignedIn("ufficio.pers") { office, server in
            #expect(try await office.post("/enti/lucca/2018/rilevazione/ANNO/PERS", [("valore[SG-2/2/1]", "no")]).status == .ok)

            let controller = Browser(server.client)
            try await controller.logIn("controllo")
            let registro = try await controller.get("/registro")
            #expect(registro.status == .ok)
            #expect(registro.body.contains("<td>ufficio.pers</td><td>modifica</td>"))
            #expect(registro.body.contains("<td>SG-2/2/1@ANNO</td>"))

            let byOthers = try await controller.post("/registro", [("autore", "nessuno-così"), ("tipo", ""), ("dal", ""), ("al", "")])
            #expect(byOthers.status == .ok)
            #expect(!byOthers.body.contains("<td>ufficio.pers</td>"))
            #expect(byOthers.body.contains("Nessuna modifica con questi filtri."))

            let byOffice = try await controller.post("/registro", [("autore", "ufficio.pers"), ("tipo", "measurements")])
            #expect(byOffice.body.contains("<td>ufficio.pers</td><td>modifica</td>"))

            let badDate = try await controller.post("/registro", [("dal", "ieri")])
            #expect(badDate.status == .unprocessableContent)
            #expect(badDate.body.contains("non è una data"))

            let reader = Browser(server.client)
            try await reader.logIn("lettore")
            let refused = try await reader.get("/registro")
            #expect(refused.status == .forbidden)
            #expect(!refused.body.contains("ufficio.pers</td>"))
        }
    }
}
