import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// `/api/v1`: approving the plan with its act, comparing two versions or two years, preparing another year, the same
/// store operations as `traguardo approve|diff|rollover` and the page «Versioni del piano»; and the editor's new
/// elements (account lines, Carta rows, procedures, roles) through `POST …/piano/modifiche`.
@Suite("API: approvazione, confronto, rinnovo del piano; nuovi elementi dell'editor")
struct APIPlanVersionsTests {
    static func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, token: String, body: String? = nil
    ) async throws -> TestResponse {
        try await client.executeRequest(
            uri: "/api/v1/enti/lucca/2013/piano/\(path)", method: method,
            headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: body.map { ByteBuffer(string: $0) })
    }

    /// Role × route: only the controller and the amministratore (with a write token) approve and roll over; every
    /// role that reads the plan compares; a refusal writes nothing.
    @Test func theRoleMatrixOfTheNewRoutes() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            var made: [String: String] = [:]
            for who in AuthorizationMatrixTests.accounts where who != "admin.lucca" {
                made[who] = try await APITests.token(for: who, in: store, scope: .write)
            }
            let tokens = made
            let readOnly = try await APITests.token(for: "controllo", in: store, scope: .read)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let managers: Set<String> = ["admin", "controllo"]
                let approval = #"{"atto": "Delibera di Giunta n. 9 del 28/01/2013"}"#
                let rollover = #"{"anno": 2014}"#
                for (who, token) in tokens.sorted(by: { $0.key < $1.key }) where !managers.contains(who) {
                    let before = try await store.auditLog(AuditQuery()).count
                    #expect(try await Self.send(client, .post, "approvazione", token: token, body: approval).status == .forbidden, "\(who)")
                    #expect(try await Self.send(client, .post, "rinnovo", token: token, body: rollover).status == .forbidden, "\(who)")
                    #expect(try await store.auditLog(AuditQuery()).count == before, "\(who)")
                    #expect(try await Self.send(client, .get, "confronto?altroAnno=2018", token: token).status == .ok, "\(who)")
                }
                #expect(try await Self.send(client, .post, "approvazione", token: readOnly, body: approval).status == .forbidden)
                #expect(try await Self.send(client, .get, "confronto?altroAnno=2018", token: readOnly).status == .ok)
                #expect(try await Self.send(client, .get, "confronto?altroAnno=2018", token: "sbagliato").status == .unauthorized)
                for who in managers.sorted() {
                    let token = try #require(tokens[who])
                    let approved = try await Self.send(client, .post, "approvazione", token: token, body: approval)
                    // The first approves; the second is refused with the store's reason: already approved.
                    #expect(approved.status == (who == "admin" ? .ok : .unprocessableContent), "\(who) \(String(buffer: approved.body))")
                }
                #expect(PlanApproval.state(of: try #require(try await store.loadPlan(ServerFixture.lucca2013))) == .approved)
                #expect(try await Self.send(client, .post, "rinnovo", token: try #require(tokens["controllo"]), body: rollover).status == .ok)
                #expect(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2014)) != nil)
            }
        }
    }

    @Test func approveVaryCompareAndRollOver() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let token = try await APITests.token(for: "controllo", in: store, scope: .write)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                // An unreadable act: 422 with the reason, nothing written.
                let bad = try await Self.send(client, .post, "approvazione", token: token, body: #"{"atto": "approvato a voce"}"#)
                #expect(bad.status == .unprocessableContent)
                #expect(PlanApproval.state(of: try #require(try await store.loadPlan(ServerFixture.lucca2013))) == .draft)
                #expect(try await Self.send(client, .post, "approvazione", token: token, body: "{}").status == .badRequest)
                let approved = try APITests.json(try await Self.send(
                    client, .post, "approvazione", token: token, body: #"{"atto": "Delibera di Giunta n. 9 del 28/01/2013"}"#))
                #expect(approved["citazione"] as? String == "Delibera di Giunta n. 9 del 28/01/2013", "\(approved)")
                let approvalVersion = try #require(approved["versione"] as? Int)
                // A variation through the editor's API, citing its act: an account line of the Ente.
                let edit = #"""
                    {"elemento": "conto", "operazione": "crea", "atto": "Delibera di Giunta n. 20 del 15/03/2013",
                     "campi": [{"nome": "codice", "valore": "9999"}, {"nome": "descrizione", "valore": "Fondo di prova"},
                               {"nome": "fase", "valore": "aggiornato"}, {"nome": "importo", "valore": "1.234,56"}]}
                    """#
                let saved = try await Self.send(client, .post, "modifiche", token: token, body: edit)
                #expect(saved.status == .ok, "\(String(buffer: saved.body))")
                // Default comparison: the last two versions, the new line among the changes.
                let comparison = try APITests.json(try await Self.send(client, .get, "confronto", token: token))
                let changes = try #require(comparison["modifiche"] as? [[String: Any]])
                let line = try #require(changes.first { ($0["sintesi"] as? String)?.contains("9999") == true }, "\(changes)")
                #expect(line["tipo"] as? String == "aggiunto" && line["variazione"] as? Bool == true)
                #expect((comparison["titolo"] as? String)?.contains("alla versione \(approvalVersion + 1)") == true, "\(comparison)")
                // Version numbers that do not exist, or cannot be read.
                #expect(try await Self.send(client, .get, "confronto?da=99", token: token).status == .notFound)
                #expect(try await Self.send(client, .get, "confronto?da=ieri", token: token).status == .unprocessableContent)
                #expect(try await Self.send(client, .get, "confronto?altroAnno=duemila", token: token).status == .unprocessableContent)
                #expect(try await Self.send(client, .get, "confronto?altroAnno=1999", token: token).status == .notFound)
                // Rollover: a bad year, then 2014, then 2014 again refused unless «sostituisci».
                #expect(try await Self.send(client, .post, "rinnovo", token: token, body: #"{"anno": 2013}"#).status == .unprocessableContent)
                let rolled = try await Self.send(client, .post, "rinnovo", token: token, body: #"{"anno": 2014}"#)
                #expect(rolled.status == .ok)
                let summary = try APITests.json(rolled)
                #expect(summary["anno"] as? Int == 2014 && summary["daAnno"] as? Int == 2013)
                #expect((summary["targetDaFissare"] as? Int ?? 0) > 0, "\(summary)")
                let again = try await Self.send(client, .post, "rinnovo", token: token, body: #"{"anno": 2014}"#)
                #expect(again.status == .unprocessableContent)
                #expect((try APITests.json(again)["errore"] as? String)?.contains("ha già un piano 2014") == true)
                #expect(try await Self.send(client, .post, "rinnovo", token: token, body: #"{"anno": 2014, "sostituisci": true}"#).status == .ok)
            }
        }
    }

    /// The editor's new elements through the API, each refusal with the field, the value found and what is expected.
    @Test func newElementsThroughTheEditorAPI() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let token = try await APITests.token(for: "controllo", in: store, scope: .write)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                func edit(_ element: String, _ operation: String, id: String? = nil, _ fields: [String: String]) async throws -> TestResponse {
                    var body: [String: Any] = ["elemento": element, "operazione": operation, "campi": fields.map { ["nome": $0.key, "valore": $0.value] }]
                    if let id { body["id"] = id }
                    return try await Self.send(client, .post, "modifiche", token: token,
                                               body: String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self))
                }
                // The OpenAPI document lists the new elements of «ModificaPiano».
                let document = try APITests.json(try await client.executeRequest(uri: "/api/v1/openapi.json", method: .get, headers: [:], body: nil))
                let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
                let editSchema = (schemas?["ModificaPiano"] as? [String: Any])?["properties"] as? [String: Any]
                let elements = (editSchema?["elemento"] as? [String: Any])?["enum"] as? [String] ?? []
                #expect(Set(["conto", "carta", "procedimento", "ruolo"]).isSubset(of: Set(elements)), "\(elements)")
                let before = try #require(try await store.loadPlan(ServerFixture.lucca2013))
                let person = try #require(before.people.first?.id)
                let unit = try #require(before.units.first?.id)
                #expect(try await edit("carta", "crea", ["codice": "9.9.9", "processo": "Rilascio certificati", "uffici": "Registro\nAlbo"]).status == .ok)
                #expect(try await edit("procedimento", "crea", ["codice": "P99", "nome": "Pagamenti", "valore_target": "90"]).status == .ok)
                let role = try await edit("ruolo", "crea", ["persona": person, "ruolo": "coordinatore", "unita": unit, "dal": "2013"])
                #expect(role.status == .ok, "\(String(buffer: role.body))")
                let roleID = try #require(try APITests.json(role)["id"] as? String)
                let refused = try await edit("ruolo", "modifica", id: roleID, ["ruolo": "capo", "al": "2010"])
                #expect(refused.status == .unprocessableContent)
                let message = try #require(try APITests.json(refused)["errore"] as? String)
                #expect(message.contains("ruolo: valore «capo» non previsto; ammessi:"), "\(message)")
                #expect(message.contains("al: dal 2013 al 2010"), "\(message)")
                let after = try #require(try await store.loadPlan(ServerFixture.lucca2013))
                #expect(after.serviceStandards.first { $0.id == "9.9.9" }?.offices == ["Registro", "Albo"])
                #expect(after.procedures.first { $0.id == "P99" }?.targetValue == 90)
                #expect(after.roles.first { $0.id == roleID }?.role == .coordinatore)
                // One audit row per record changed, by the token's user.
                #expect(try await store.auditLog(AuditQuery(table: "service_standards", actor: "controllo")).count == 1)
                #expect(try await store.auditLog(AuditQuery(table: "procedures", actor: "controllo")).count == 1)
            }
        }
    }
}
