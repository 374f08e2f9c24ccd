import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// API tokens in the store: they expire, read only unless created to write, record their last use at most
/// once a minute, can be revoked one by one or all together, and end with a new password or a deactivation
/// (a reactivation does not bring them back). Every change has its audit row, never with the hash.
@Suite("Token delle API: scadenza, ultimo uso, revoca")
struct APITokenStorageTests {
    static let reader = UserAccount(username: "lettore", displayName: "Lettore", role: "lettore")
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    /// A hash as long as a SHA-256 in hex, starting with `prefix`.
    static func hash(_ prefix: String) -> String { prefix + String(repeating: "0", count: 64 - prefix.count) }

    @Test(arguments: TestBackend.allCases)
    func aTokenReadsOnlyByDefaultAndExpires(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.addUser(Self.reader, passwordHash: "h", actor: "admin")
            let reading = Self.hash("1e77"), writing = Self.hash("5c21")
            try await store.addAPIToken(tokenHash: reading, username: "lettore", label: "script", at: Self.start, actor: "admin")
            try await store.addAPIToken(
                tokenHash: writing, username: "lettore", label: "carico", scope: .write, at: Self.start,
                expiresAt: Self.start.addingTimeInterval(3_600), actor: "admin")
            let read = try #require(try await store.apiTokenUser(tokenHash: reading, now: Self.start))
            #expect(read.token.scope == .read)
            #expect(read.token.expiresAt == Self.start.addingTimeInterval(TimeInterval(APIToken.defaultLifetimeDays) * 86_400))
            #expect(try await store.apiTokenUser(tokenHash: writing, now: Self.start)?.token.scope == .write)
            // One hour later the second token has expired; the first lasts its 90 days, and not a second more.
            #expect(try await store.apiTokenUser(tokenHash: writing, now: Self.start.addingTimeInterval(3_600)) == nil)
            #expect(try await store.apiTokenUser(tokenHash: reading, now: read.token.expiresAt.addingTimeInterval(-1)) != nil)
            #expect(try await store.apiTokenUser(tokenHash: reading, now: read.token.expiresAt) == nil)
            let audit = try await store.auditLog(AuditQuery(table: "api_tokens"))
            #expect(audit.count == 2)
            #expect(audit.allSatisfy { !($0.after ?? "").contains(reading) && !($0.after ?? "").contains(writing) })
            #expect(audit.contains { $0.after?.contains(#""permessi":"scrittura""#) == true })
        }
    }

    @Test(arguments: TestBackend.allCases)
    func theLastUseIsWrittenAtMostOnceAMinute(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.addUser(Self.reader, passwordHash: "h", actor: "admin")
            try await store.addAPIToken(tokenHash: "t-hash", username: "lettore", label: "script", at: Self.start, actor: "admin")
            #expect(try await store.apiTokens(of: "lettore").first?.lastUsedAt == nil)
            _ = try await store.apiTokenUser(tokenHash: "t-hash", now: Self.start.addingTimeInterval(10))
            #expect(try await store.apiTokens(of: "lettore").first?.lastUsedAt == Self.start.addingTimeInterval(10))
            // 59 seconds later: not written again.
            _ = try await store.apiTokenUser(tokenHash: "t-hash", now: Self.start.addingTimeInterval(69))
            #expect(try await store.apiTokens(of: "lettore").first?.lastUsedAt == Self.start.addingTimeInterval(10))
            _ = try await store.apiTokenUser(tokenHash: "t-hash", now: Self.start.addingTimeInterval(70))
            #expect(try await store.apiTokens(of: "lettore").first?.lastUsedAt == Self.start.addingTimeInterval(70))
            // A use is not a change: no audit row.
            #expect(try await store.auditLog(AuditQuery(table: "api_tokens")).count == 1)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aTokenIsRevokedByItsCodeAndAllOfThemAtOnce(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.addUser(Self.reader, passwordHash: "h", actor: "admin")
            try await store.addUser(UserAccount(username: "altro", displayName: "Altro", role: "lettore"), passwordHash: "h", actor: "admin")
            let (a, b, c, d) = (Self.hash("aaaaaaaaaaaa1111"), Self.hash("bbbbbbbbbbbb2222"), Self.hash("cccccccccccc3333"), Self.hash("dddddddddddd4444"))
            for hash in [a, b, c] {
                try await store.addAPIToken(tokenHash: hash, username: "lettore", label: "script", at: Self.start, actor: "admin")
            }
            try await store.addAPIToken(tokenHash: d, username: "altro", label: "altro", at: Self.start, actor: "admin")
            #expect(try await store.apiTokens(of: "lettore").map(\.code).sorted() == ["aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"])
            // Another user's code revokes nothing.
            #expect(try await store.revokeAPIToken(code: "dddddddddddd", of: "lettore", actor: "admin") == false)
            #expect(try await store.revokeAPIToken(code: "aaaaaaaaaaaa", of: "lettore", actor: "admin"))
            #expect(try await store.apiTokenUser(tokenHash: a, now: Self.start) == nil)
            #expect(try await store.apiTokenUser(tokenHash: b, now: Self.start) != nil)
            #expect(try await store.revokeAPITokens(of: "lettore", actor: "admin") == 2)
            #expect(try await store.apiTokens(of: "lettore").isEmpty)
            #expect(try await store.apiTokenUser(tokenHash: d, now: Self.start) != nil)
            let deleted = try await store.auditLog(AuditQuery(table: "api_tokens")).filter { $0.action == .delete }
            #expect(deleted.count == 3)
            #expect(deleted.allSatisfy { $0.actor == "admin" && $0.before?.contains(a) != true && $0.before?.contains(b) != true })
            #expect(deleted.contains { $0.before?.contains(#""codice":"aaaaaaaaaaaa""#) == true })
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aNewPasswordOrADeactivationEndsTheTokensAndAReactivationDoesNotRevivethem(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.addUser(Self.reader, passwordHash: "h", actor: "admin")
            try await store.addAPIToken(tokenHash: "prima", username: "lettore", label: "script", at: Self.start, actor: "admin")
            try await store.setPasswordHash("h2", for: "lettore", actor: "admin")
            #expect(try await store.apiTokenUser(tokenHash: "prima", now: Self.start) == nil)
            #expect(try await store.apiTokens(of: "lettore").isEmpty)

            try await store.addAPIToken(tokenHash: "dopo", username: "lettore", label: "script", at: Self.start, actor: "admin")
            var account = Self.reader
            account.active = false
            try await store.updateUser(account, actor: "admin")
            account.active = true
            try await store.updateUser(account, actor: "admin")
            #expect(try await store.apiTokenUser(tokenHash: "dopo", now: Self.start) == nil, "riattivato, il vecchio token non torna")
            #expect(try await store.apiTokens(of: "lettore").isEmpty)
            // A change that does not deactivate keeps the tokens.
            try await store.addAPIToken(tokenHash: "ancora", username: "lettore", label: "script", at: Self.start, actor: "admin")
            account.displayName = "Lettore esterno"
            try await store.updateUser(account, actor: "admin")
            #expect(try await store.apiTokenUser(tokenHash: "ancora", now: Self.start) != nil)
        }
    }
}
