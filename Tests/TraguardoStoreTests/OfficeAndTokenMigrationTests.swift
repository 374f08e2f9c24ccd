import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// Migration 10 on a database left by version 9: an office or area without an Ente gets the Ente when exactly
/// one Ente has a unit with that code (or id), and keeps none otherwise; other roles keep what they had. The
/// tokens of before get an expiry 90 days after the migration and read only.
@Suite("Migrazione 10: Ente degli uffici, token che scadono")
struct OfficeAndTokenMigrationTests {
    @Test(arguments: TestBackend.allCases)
    func officesWithoutAnEnteGetTheOnlyOneThatHasTheirUnit(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let old = try await database.open(migrate: false)
            #expect(try await old.migrate(upTo: 9).last?.version == 9)
            var other = SamplePlan.make(entityCode: "ente-b", year: 2024)
            other.units.append(OrganisationalUnit(id: "SOLO-B", entityCode: "ente-b", parentID: "SG", code: "SB", name: "Solo B", kind: .ufficio))
            try await old.savePlans([SamplePlan.make(), other], actor: "import")
            let accounts = [
                UserAccount(username: "solo.b", displayName: "Codice di un solo Ente", role: "responsabile-ufficio", unitCode: "SB"),
                UserAccount(username: "per.id", displayName: "Id di un solo Ente", role: "dirigente", unitCode: "SOLO-B"),
                UserAccount(username: "doppio", displayName: "SG è in due Enti", role: "responsabile-ufficio", unitCode: "SG"),
                UserAccount(username: "ignoto", displayName: "Unità di nessun Ente", role: "dirigente", unitCode: "XYZ"),
                UserAccount(username: "lettore.sb", displayName: "Un lettore resta di tutti gli Enti", role: "lettore", unitCode: "SB"),
                UserAccount(username: "gia.lucca", displayName: "Già di Lucca", role: "responsabile-ufficio", entityCode: "lucca", unitCode: "SG"),
            ]
            for account in accounts { try await old.addUser(account, passwordHash: "h", actor: "test") }
            try await TestDatabase.raw(
                "INSERT INTO api_tokens (token_hash, username, label, created_at) VALUES ('vecchio', 'solo.b', 'script', '2026-01-01T00:00:00.000Z')",
                on: old)
            await old.close()

            let before = Date()
            let store = try await database.open()
            #expect(try await store.schemaVersion() >= 10)
            var entities: [String: String?] = [:]
            for account in try await store.users() { entities[account.username] = account.entityCode }
            #expect(entities["solo.b"] == "ente-b")
            #expect(entities["per.id"] == "ente-b")
            #expect(entities["doppio"] == .some(nil))
            #expect(entities["ignoto"] == .some(nil))
            #expect(entities["lettore.sb"] == .some(nil))
            #expect(entities["gia.lucca"] == "lucca")

            let token = try #require(try await store.apiTokens(of: "solo.b").first)
            #expect(token.scope == .read)
            #expect(token.lastUsedAt == nil)
            let ninetyDays = TimeInterval(90 * 86_400)
            #expect(token.expiresAt >= before.addingTimeInterval(ninetyDays - 60))
            #expect(token.expiresAt <= Date().addingTimeInterval(ninetyDays + 60))
            #expect(try await store.apiTokenUser(tokenHash: "vecchio", now: Date())?.user.username == "solo.b")
            await store.close()
        }
    }
}
