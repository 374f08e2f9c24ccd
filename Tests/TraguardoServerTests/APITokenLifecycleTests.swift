import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// API tokens through the server (report M7): read only unless created to write (403 in Italian), they
/// expire, the users page shows them with their last use and revokes them, and a new password or a
/// deactivation ends them for good.
@Suite("Token delle API: permessi, scadenza, revoca dalla pagina utenti")
struct APITokenLifecycleTests {
    static func get(_ client: any TestClientProtocol, _ token: String) async throws -> TestResponse {
        try await client.executeRequest(
            uri: "/api/v1/enti/lucca/2018/punteggi?periodo=ANNO", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
    }

    static func post(_ client: any TestClientProtocol, _ token: String) async throws -> TestResponse {
        try await client.executeRequest(
            uri: "/api/v1/enti/lucca/2018/rilevazioni", method: .post,
            headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
            body: ByteBuffer(string: #"{"item": "SG-2/2/1", "periodo": "ANNO", "valore": "no"}"#))
    }

    @Test(arguments: TestBackend.allCases)
    func aTokenWritesOnlyWhenCreatedToWrite(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let reading = try await APITests.token(for: "ufficio.pers", in: store)
            let writing = try await APITests.token(for: "ufficio.pers", in: store, scope: .write)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                #expect(try await Self.get(client, reading).status == .ok)
                let refused = try await Self.post(client, reading)
                #expect(refused.status == .forbidden)
                #expect(try APITests.json(refused)["errore"] as? String
                    == "il token è di sola lettura: per inserire rilevazioni crearne uno con «traguardo user token ufficio.pers --write»")
                #expect(try await store.loadPlan(ServerFixture.lucca2018)?.measurements.first { $0.id == "SG-2/2/1@ANNO" }?.author
                    != "ufficio.pers")
                #expect(try await Self.post(client, writing).status == .ok)
                #expect(try await store.loadPlan(ServerFixture.lucca2018)?.measurements.first { $0.id == "SG-2/2/1@ANNO" }?.author
                    == "ufficio.pers")
            }
        }
    }

    @Test func aTokenExpires() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let clock = TestClock()
            let token = SecretToken.make()
            try await store.addAPIToken(
                tokenHash: SecretToken.hash(token), username: "lettore", label: "breve", at: clock.now,
                expiresAt: clock.now.addingTimeInterval(3_600), actor: "test")
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration(clock: { clock.now }))
            try await app.test(.router) { client in
                let valid = try await Self.get(client, token)
                #expect(valid.status == .ok)
                clock.advance(3_600)
                let expired = try await Self.get(client, token)
                #expect(expired.status == .unauthorized)
            }
        }
    }

    @Test(arguments: TestBackend.allCases)
    func theUsersPageShowsAndRevokesTokensAndPasswordsAndDeactivationsEndThem(_ backend: TestBackend) async throws {
        try await ServerFixture.withStore(backend) { store, _ in
            let first = try await APITests.token(for: "lettore", in: store)
            let second = try await APITests.token(for: "lettore", in: store)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                #expect(try await Self.get(client, first).status == .ok)
                let admin = Browser(client)
                try await admin.logIn("admin")
                var page = try await admin.get("/amministrazione/utenti")
                let firstCode = String(SecretToken.hash(first).prefix(12)), secondCode = String(SecretToken.hash(second).prefix(12))
                #expect(page.body.contains("<caption>Token delle API di «lettore»</caption>"))
                #expect(page.body.contains(#"<tr><td>\#(firstCode)</td><td>test</td><td>sola lettura</td>"#))
                #expect(page.body.contains(#"action="/amministrazione/utenti/lettore/token/\#(secondCode)/revoca""#))
                // The first was used, the second never.
                #expect(page.body.contains(#"<tr><td>\#(secondCode)</td>"#))
                #expect(page.body.firstMatch(of: try Regex(#"<tr><td>\#(secondCode)</td>(?:<td>[^<]*</td>){4}<td>mai</td>"#)) != nil)
                #expect(page.body.firstMatch(of: try Regex(#"<tr><td>\#(firstCode)</td>(?:<td>[^<]*</td>){4}<td>\d\d/\d\d/\d{4} \d\d:\d\d</td>"#))
                    != nil)

                let revoked = try await admin.post("/amministrazione/utenti/lettore/token/\(firstCode)/revoca")
                #expect(revoked.status == .seeOther)
                #expect(try await Self.get(client, first).status == .unauthorized)
                #expect(try await Self.get(client, second).status == .ok)
                #expect(try await admin.post("/amministrazione/utenti/lettore/token/\(firstCode)/revoca").status == .notFound)
                #expect(try await store.auditLog(AuditQuery(table: "api_tokens", recordID: "lettore")).first?.actor == "admin")

                // Deactivated, then reactivated: the token does not come back.
                page = try await admin.get("/amministrazione/utenti")
                try await admin.post("/amministrazione/utenti/lettore", [("nome", "Lettore"), ("ruolo", "lettore"), ("ente", ""), ("ufficio", "")])
                try await admin.post("/amministrazione/utenti/lettore", [
                    ("nome", "Lettore"), ("ruolo", "lettore"), ("ente", ""), ("ufficio", ""), ("attivo", "1"),
                ])
                #expect(try await store.user("lettore")?.active == true)
                #expect(try await Self.get(client, second).status == .unauthorized)

                // A new password ends the tokens made since.
                let third = try await APITests.token(for: "lettore", in: store)
                #expect(try await Self.get(client, third).status == .ok)
                #expect(try await admin.post("/amministrazione/utenti/lettore/password", [("password", "nuova-password-lettore")]).status
                    == .seeOther)
                #expect(try await Self.get(client, third).status == .unauthorized)
            }
        }
    }
}
