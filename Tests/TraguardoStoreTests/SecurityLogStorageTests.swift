import Foundation
import SQLKit
import Testing
import TraguardoCore
@testable import TraguardoStore
import TraguardoTestSupport

@Suite("Registro degli accessi: accessi non riusciti, sessioni per utente, pulizia")
struct SecurityLogStorageTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func account(_ username: String, entity: String? = "lucca") -> UserAccount {
        UserAccount(username: username, displayName: username, role: "lettore", entityCode: entity)
    }

    static func failure(_ username: String, _ address: String, minute: Double) -> SecurityEvent {
        SecurityEvent(at: start.addingTimeInterval(minute * 60), kind: .loginFailed, username: username, address: address)
    }

    @Test(arguments: TestBackend.allCases)
    func failedLoginsAreCountedPerAddressAcrossUsernamesAndPerUsernameAcrossAddresses(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.recordSecurityEvents([
                Self.failure("admin", "10.0.0.1", minute: 0), Self.failure("oiv", "10.0.0.1", minute: 1),
                Self.failure("lettore", "10.0.0.1", minute: 3), Self.failure("admin", "10.0.0.2", minute: 2),
                SecurityEvent(at: Self.start, kind: .login, username: "admin", address: "10.0.0.1"),
            ])
            let byAddress = try await store.loginFailures(address: "10.0.0.1", since: Self.start.addingTimeInterval(-1))
            #expect(byAddress == LoginFailureTally(count: 3, latest: Self.start.addingTimeInterval(180)))
            #expect(try await store.loginFailures(address: "10.0.0.1", since: Self.start.addingTimeInterval(90)).count == 1)
            let byUsername = try await store.loginFailures(username: "admin", since: Self.start.addingTimeInterval(-1))
            #expect(byUsername == LoginFailureTally(count: 2, latest: Self.start.addingTimeInterval(120)))
            #expect(try await store.loginFailures(username: "nessuno", since: .distantPast) == LoginFailureTally(count: 0, latest: nil))
            // Nothing of it is a change to the data.
            #expect(try await store.auditLog().isEmpty)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func failuresLeaveAfterTheirWindowAndTheOtherEventsAfterTheirs(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.recordSecurityEvents([
                Self.failure("admin", "10.0.0.1", minute: 0),
                SecurityEvent(at: Self.start, kind: .throttled, username: "admin", address: "10.0.0.1"),
                SecurityEvent(at: Self.start, kind: .login, username: "admin", address: "10.0.0.3"),
                Self.failure("admin", "10.0.0.1", minute: 20),
            ])
            let later = Self.start.addingTimeInterval(30 * 60)
            try await store.recordSecurityEvents(
                [SecurityEvent(at: later, kind: .logout, username: "admin", address: "10.0.0.3")],
                purge: .init(failuresBefore: Self.start.addingTimeInterval(15 * 60), othersBefore: Self.start.addingTimeInterval(-1)))
            #expect(try await store.securityEvents(limit: 10).map(\.kind) == [.logout, .loginFailed, .login])
            try await store.recordSecurityEvents([], purge: .init(failuresBefore: later, othersBefore: later))
            #expect(try await store.securityEvents(limit: 10).map(\.kind) == [.logout])
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aUserKeepsAtMostTheSessionsAllowedAndTheNewestStay(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.addUser(Self.account("lettore"), passwordHash: "h", actor: "admin")
            for index in 0..<7 {
                let at = Self.start.addingTimeInterval(Double(index) * 60)
                try await store.createSession(
                    UserSession(tokenHash: "t\(index)", username: "lettore", csrfToken: "c", createdAt: at, expiresAt: at.addingTimeInterval(3600)),
                    address: "10.0.0.1", maximumPerUser: 5)
            }
            #expect(try await store.sessionCount(username: "lettore") == 5)
            let now = Self.start.addingTimeInterval(7 * 60)
            for index in 0..<2 { #expect(try await store.session(tokenHash: "t\(index)", now: now) == nil, "t\(index)") }
            for index in 2..<7 { #expect(try await store.session(tokenHash: "t\(index)", now: now) != nil, "t\(index)") }
            let events = try await store.securityEvents(limit: 100)
            #expect(events.filter { $0.kind == .login }.count == 7)
            #expect(events.filter { $0.kind == .sessionEnded }.count == 2)
            #expect(events.allSatisfy { $0.address == "10.0.0.1" })
            // Even at the same instant (the clock not moved), the new session is the one that stays.
            try await store.createSession(
                UserSession(tokenHash: "nuova", username: "lettore", csrfToken: "c", createdAt: now, expiresAt: now.addingTimeInterval(60)),
                maximumPerUser: 1)
            #expect(try await store.sessionCount(username: "lettore") == 1)
            #expect(try await store.session(tokenHash: "nuova", now: now) != nil)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func anEnteLimitedReaderOfTheLogSeesOnlyItsUsers(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.addUser(Self.account("a.lucca"), passwordHash: "h", actor: "admin")
            try await store.addUser(Self.account("a.pisa", entity: "pisa"), passwordHash: "h", actor: "admin")
            try await store.recordSecurityEvents([
                Self.failure("a.lucca", "10.0.0.1", minute: 0), Self.failure("a.pisa", "10.0.0.1", minute: 1),
                Self.failure("nessuno", "10.0.0.1", minute: 2),
            ])
            #expect(try await store.securityEvents(entityCode: "lucca", limit: 10).map(\.username) == ["a.lucca"])
            #expect(try await store.securityEvents(entityCode: "siena", limit: 10).isEmpty)
            #expect(try await store.securityEvents(limit: 10).map(\.username) == ["nessuno", "a.pisa", "a.lucca"])
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aPasswordHashIsUpgradedOnlyWhenItIsStillTheOneChecked(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.addUser(Self.account("lettore"), passwordHash: "vecchio", actor: "admin")
            try await store.createSession(
                UserSession(tokenHash: "t", username: "lettore", csrfToken: "c", createdAt: Self.start, expiresAt: Self.start.addingTimeInterval(60)))
            let audit = try await store.auditLog().count
            #expect(try await store.upgradePasswordHash(of: "lettore", from: "altro", to: "nuovo") == false)
            #expect(try await store.passwordHash(of: "lettore") == "vecchio")
            #expect(try await store.upgradePasswordHash(of: "lettore", from: "vecchio", to: "nuovo"))
            #expect(try await store.passwordHash(of: "lettore") == "nuovo")
            #expect(try await store.session(tokenHash: "t", now: Self.start) != nil, "la sessione resta: la password è la stessa")
            #expect(try await store.auditLog().count == audit)
        }
    }

    /// Migration 11 moves the logins and failures the registro modifiche held to the security log.
    @Test(arguments: TestBackend.allCases)
    func theMigrationMovesLoginsOutOfTheRegistro(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = try await database.open(migrate: false)
            do {
                try await store.migrate(upTo: 9)
                try await store.backend.withConnection { db in
                    for (table, action, before) in [("sessions", "inserimento", "NULL"), ("sessions", "eliminazione", "'{\"uscita\":true}'"),
                                                    ("sessions", "eliminazione", "'{\"scaduta\":true}'"), ("login_failures", "inserimento", "NULL"),
                                                    ("login_failures", "eliminazione", "NULL"), ("users", "inserimento", "NULL")] {
                        try await db.raw(SQLQueryString("""
                            INSERT INTO audit_log (at, actor, action, table_name, record_id, before_data)
                            VALUES ('2026-12-01T08:00:00.000Z', 'oiv', '\(unsafeRaw: action)', '\(unsafeRaw: table)', 'oiv', \(unsafeRaw: before))
                            """)).run()
                    }
                }
                try await store.migrate()
                #expect(try await store.auditLog().map(\.table) == ["users"])
                let moved = try await store.securityEvents(limit: 10)
                #expect(moved.map(\.kind) == [.loginFailed, .sessionEnded, .logout, .login])
                #expect(moved.allSatisfy { $0.username == "oiv" && $0.address == "non registrato" })
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }
}
