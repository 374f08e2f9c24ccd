import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// Typed texts have one length limit (`TextLength.maxCharacters`), checked by the rilevazione form, the
/// comments and validations of the OIV and the schede: over it, an Italian error and nothing saved
/// (web-trial L7: a 1 MB comment and a 500 kB note were accepted).
@Suite("Lunghezza massima dei testi: note, commenti, motivi")
struct TextLengthTests {
    static let tooLong = String(repeating: "è", count: TextLength.maxCharacters + 1)
    static let longest = String(repeating: "a", count: TextLength.maxCharacters)

    @Test func aNoteTooLongIsAnsweredBesideItsFieldAndNothingIsSaved() async throws {
        try await ServerFixture.withSignedIn("ufficio.pers") { office, server in
            try await office.get(EvidenceTests.form)
            let item = EvidenceTests.item
            let before = try await TestDatabase.dump(server.store)
            let refused = try await office.post(EvidenceTests.form, [
                ("item[\(item)]", "1"), ("valore[\(item)]", "no"), ("nota[\(item)]", Self.tooLong),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("La nota ha 4.001 caratteri: il massimo è 4.000."), "\(refused.body)")
            #expect(try await TestDatabase.dump(server.store) == before)
            // At the limit it is saved.
            let saved = try await office.post(EvidenceTests.form, [("item[\(item)]", "1"), ("valore[\(item)]", "no"), ("nota[\(item)]", Self.longest)])
            #expect(saved.status == .ok)
            #expect(try await EvidenceTests.measurement(server.store)?.narrative == Self.longest)
        }
    }

    @Test func aCommentOrValidationNoteTooLongIsRefusedAndNothingIsSaved() async throws {
        try await ServerFixture.withSignedIn("oiv") { oiv, server in
            try await oiv.get("/enti/lucca/2018/nodi/SG-4")
            let comment = try await oiv.post("/enti/lucca/2018/commenti", [("elemento", "SG-4"), ("testo", Self.tooLong)])
            #expect(comment.status == .badRequest)
            #expect(comment.body.contains("Il commento ha 4.001 caratteri: il massimo è 4.000."))
            let validation = try await oiv.post(
                "/enti/lucca/2018/validazioni", [("elemento", "SG-4"), ("periodo", "ANNO"), ("nota", Self.tooLong)])
            #expect(validation.status == .badRequest)
            #expect(try await server.store.comments(in: ServerFixture.lucca2018).isEmpty)
            #expect(try await oiv.post("/enti/lucca/2018/commenti", [("elemento", "SG-4"), ("testo", Self.longest)]).status == .seeOther)
        }
    }

    @Test func aSheetNoteTooLongIsAProblemOfItsRow() async throws {
        try await ServerFixture.withSignedIn("admin") { admin, server in
            try await admin.get("/amministrazione/importazione")
            let before = try await ImportTests.measurement(server.store)
            let answer = try await ImportTests.upload(
                admin, "/amministrazione/importazione/schede", filename: "lunga.csv",
                content: ImportTests.sheet(["SG-2/2/1;;;;;;;no;;;" + Self.tooLong]), fields: [("ente_anno", "lucca/2018")])
            #expect(answer.status == .unprocessableContent)
            #expect(answer.body.contains("colonna «Note»: La nota ha 4.001 caratteri: il massimo è 4.000."), "\(answer.body.suffix(3000))")
            #expect(try await ImportTests.measurement(server.store) == before)
        }
    }
}
