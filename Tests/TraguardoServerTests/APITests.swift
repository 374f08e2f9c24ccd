import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

@Suite("API JSON /api/v1: token, autorizzazioni, documento OpenAPI")
struct APITests {
    /// A token for the user, stored hashed as `traguardo user token` stores it.
    static func token(for username: String, in store: Store) async throws -> String {
        let token = SecretToken.make()
        try await store.addAPIToken(tokenHash: SecretToken.hash(token), username: username, label: "test", at: Date(), actor: "test")
        return token
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    @Test func readingNeedsAValidTokenAndGivesTheScorersFigures() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let token = try await Self.token(for: "lettore", in: store)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let anonymous = try await client.executeRequest(uri: "/api/v1/enti/lucca/2018/punteggi", method: .get, headers: [:], body: nil)
                #expect(anonymous.status == .unauthorized)
                let wrong = try await client.executeRequest(
                    uri: "/api/v1/enti/lucca/2018/punteggi", method: .get, headers: [.authorization: "Bearer \(SecretToken.make())"], body: nil)
                #expect(wrong.status == .unauthorized)
                let answer = try await client.executeRequest(
                    uri: "/api/v1/enti/lucca/2018/punteggi?periodo=ANNO", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
                #expect(answer.status == .ok)
                let listing = try JSONDecoder().decode(ScoreListing.self, from: Data(answer.body.readableBytesView))
                let expected = PlanScorer.score(try #require(try await store.loadPlan(ServerFixture.lucca2018)), period: "ANNO")
                #expect(listing.punteggi.first { $0.tipo == "ente" }?.mostrato == expected.entity.score.shown)
                let measurements = try await client.executeRequest(
                    uri: "/api/v1/enti/lucca/2018/rilevazioni", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
                let list = try #require(try JSONSerialization.jsonObject(with: Data(measurements.body.readableBytesView)) as? [[String: Any]])
                #expect(list.count == (try await store.loadPlan(ServerFixture.lucca2018)?.measurements.count))
                let missing = try await client.executeRequest(
                    uri: "/api/v1/enti/lucca/1999/piano", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
                #expect(missing.status == .notFound)
                #expect(try Self.json(missing)["errore"] != nil)
            }
        }
    }

    @Test func postingAMeasurementFollowsTheSameAuthorization() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let office = try await Self.token(for: "ufficio.pers", in: store)
            let other = try await Self.token(for: "ufficio.prog", in: store)
            let oiv = try await Self.token(for: "oiv", in: store)
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                func post(_ token: String, _ body: String) async throws -> TestResponse {
                    try await client.executeRequest(
                        uri: "/api/v1/enti/lucca/2018/rilevazioni", method: .post,
                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: ByteBuffer(string: body))
                }
                let body = #"{"item": "SG-2/2/1", "periodo": "ANNO", "valore": "no"}"#
                #expect(try await post(oiv, body).status == .forbidden)
                #expect(try await post(other, body).status == .forbidden)
                #expect(try await store.loadPlan(ServerFixture.lucca2018)?.measurements.first { $0.id == "SG-2/2/1@ANNO" }?.done == true)
                let written = try await post(office, body)
                #expect(written.status == .ok)
                let answer = try Self.json(written)
                #expect(answer["scritte"] as? Int == 1)
                let scores = PlanScorer.score(try #require(try await store.loadPlan(ServerFixture.lucca2018)), period: "ANNO")
                #expect(answer["punteggioItem"] as? String == scores.items["SG-2/2/1"]?.score.shown)
                #expect(answer["punteggioEnte"] as? String == scores.entity.score.shown)
                #expect(try await store.auditLog(AuditQuery(table: "measurements", recordID: "SG-2/2/1@ANNO")).first?.actor == "ufficio.pers")
                let unreadable = try await post(office, #"{"item": "SG-2/2/1", "periodo": "ANNO", "valore": "forse"}"#)
                #expect(unreadable.status == .unprocessableContent)
                #expect(try await post(office, "non è json").status == .badRequest)
            }
        }
    }

    @Test func theOpenAPIDocumentIsServedAndNamesEveryRoute() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let answer = try await client.executeRequest(uri: "/api/v1/openapi.yaml", method: .get, headers: [:], body: nil)
                #expect(answer.status == .ok)
                #expect(answer.headers[.contentType]?.hasPrefix("application/yaml") == true)
                let yaml = String(buffer: answer.body)
                try PyYAML.require()
                let summary = try Python.text("""
                    import sys, yaml
                    doc = yaml.safe_load(sys.argv[1])
                    print(doc['openapi'])
                    for path, item in sorted(doc['paths'].items()):
                        print(path, ' '.join(sorted(item)))
                    print(' '.join(sorted(doc['components']['securitySchemes'])))
                    """, arguments: [yaml])
                #expect(summary == """
                    3.1.0
                    /enti/{ente}/{anno}/piano get
                    /enti/{ente}/{anno}/punteggi get
                    /enti/{ente}/{anno}/rilevazioni get post
                    bearer

                    """)
                // Every documented path answers (with a token), under the documented server URL.
                let token = try await Self.token(for: "lettore", in: store)
                for path in ["piano", "punteggi", "rilevazioni"] {
                    let response = try await client.executeRequest(
                        uri: "/api/v1/enti/lucca/2018/\(path)", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
                    #expect(response.status == .ok, "\(path)")
                }
            }
        }
    }
}
