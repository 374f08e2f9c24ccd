import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

@Suite("Utenti, sessioni, accessi falliti, token, commenti e validazioni")
struct UserStorageTests {
    static let office = UserAccount(
        username: "ufficio.prog", displayName: "Ufficio Programmazione", role: "responsabile-ufficio", entityCode: "lucca",
        unitCode: "PROG")

    @Test(arguments: TestBackend.allCases)
    func usersAreStoredWithTheirHashAndAuditedWithoutIt(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.addUser(Self.office, passwordHash: "$2b$12$hash-di-prova", actor: "admin")
            let read = try #require(try await store.user("ufficio.prog"))
            #expect(read.displayName == "Ufficio Programmazione")
            #expect(read.role == "responsabile-ufficio")
            #expect(read.unitCode == "PROG")
            #expect(read.entityCode == "lucca")
            #expect(read.active)
            #expect(try await store.passwordHash(of: "ufficio.prog") == "$2b$12$hash-di-prova")
            #expect(await storeError {
                try await store.addUser(Self.office, passwordHash: "x", actor: "admin")
            } == .duplicate(table: "users", id: "ufficio.prog"))
            var changed = read
            changed.role = "lettore"
            changed.unitCode = nil
            try await store.updateUser(changed, actor: "admin")
            #expect(try await store.user("ufficio.prog")?.role == "lettore")
            #expect(try await store.users().map(\.username) == ["ufficio.prog"])
            let audit = try await store.auditLog(AuditQuery(table: "users"))
            #expect(audit.map(\.action) == [.update, .insert])
            #expect(audit.allSatisfy { !($0.after ?? "").contains("hash-di-prova") && !($0.before ?? "").contains("hash-di-prova") })
            #expect(audit.last?.actor == "admin")
        }
    }

    @Test(arguments: TestBackend.allCases)
    func sessionsExpireEndWithLogoutAndWithDeactivation(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.addUser(Self.office, passwordHash: "h", actor: "admin")
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let session = UserSession(
                tokenHash: "abc", username: "ufficio.prog", csrfToken: "csrf-1", createdAt: start,
                expiresAt: start.addingTimeInterval(3600))
            try await store.createSession(session)
            let found = try #require(try await store.session(tokenHash: "abc", now: start.addingTimeInterval(60)))
            #expect(found.session.csrfToken == "csrf-1")
            #expect(found.user.username == "ufficio.prog")
            #expect(try await store.session(tokenHash: "abc", now: start.addingTimeInterval(3601)) == nil)
            #expect(try await store.session(tokenHash: "altro", now: start) == nil)
            #expect(try await store.deleteExpiredSessions(now: start.addingTimeInterval(3601)) == 1)

            try await store.createSession(UserSession(
                tokenHash: "def", username: "ufficio.prog", csrfToken: "csrf-2", createdAt: start, expiresAt: start.addingTimeInterval(3600)))
            var inactive = Self.office
            inactive.active = false
            try await store.updateUser(inactive, actor: "admin")
            #expect(try await store.session(tokenHash: "def", now: start) == nil)

            inactive.active = true
            try await store.updateUser(inactive, actor: "admin")
            try await store.createSession(UserSession(
                tokenHash: "ghi", username: "ufficio.prog", csrfToken: "csrf-3", createdAt: start, expiresAt: start.addingTimeInterval(3600)))
            try await store.deleteSession(tokenHash: "ghi")
            #expect(try await store.session(tokenHash: "ghi", now: start) == nil)
            // Logins and logouts are in the security log, not in the registro modifiche.
            #expect(try await store.auditLog(AuditQuery(table: "sessions")).isEmpty)
            let events = try await store.securityEvents(limit: 100)
            #expect(events.filter { $0.kind == .login }.count == 3)
            #expect(events.filter { $0.kind == .logout }.count == 1)
            #expect(events.filter { $0.kind == .sessionEnded }.compactMap(\.detail).sorted() == ["scaduta", "utente disattivato da admin"])
            #expect(events.allSatisfy { $0.username == "ufficio.prog" })

            // A new password ends the open sessions too, each with its row in the security log.
            try await store.createSession(UserSession(
                tokenHash: "jkl", username: "ufficio.prog", csrfToken: "csrf-4", createdAt: start, expiresAt: start.addingTimeInterval(3600)))
            try await store.setPasswordHash("h2", for: "ufficio.prog", actor: "admin")
            #expect(try await store.session(tokenHash: "jkl", now: start) == nil)
            #expect(try await store.securityEvents(limit: 100).filter { $0.detail == "password cambiata da admin" }.count == 1)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func apiTokensFindTheirActiveUser(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.addUser(Self.office, passwordHash: "h", actor: "admin")
            try await store.addAPIToken(tokenHash: "t-hash", username: "ufficio.prog", label: "script", at: Date(), actor: "admin")
            #expect(try await store.apiTokenUser(tokenHash: "t-hash", now: Date())?.user.username == "ufficio.prog")
            #expect(try await store.apiTokenUser(tokenHash: "nessuno", now: Date()) == nil)
            var inactive = Self.office
            inactive.active = false
            try await store.updateUser(inactive, actor: "admin")
            #expect(try await store.apiTokenUser(tokenHash: "t-hash", now: Date()) == nil)
            #expect(await storeError {
                try await store.addAPIToken(tokenHash: "x", username: "fantasma", label: "", at: Date(), actor: "admin")
            } == .notFound(table: "users", id: "fantasma"))
        }
    }

    @Test(arguments: TestBackend.allCases)
    func commentsAndValidationsBelongToAnExistingCycle(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.savePlan(SamplePlan.make(), actor: "import")
            let scope = CycleScope(entityCode: SamplePlan.entityCode, year: SamplePlan.year)
            let at = Date(timeIntervalSince1970: 1_800_000_000)
            let first = try await store.addComment(PlanComment(elementID: "n1", author: "oiv", at: at, text: "Verificare le fonti"), in: scope, actor: "oiv")
            try await store.addComment(PlanComment(elementID: "n2", author: "oiv", at: at, text: "Bene"), in: scope, actor: "oiv")
            #expect(first.id != nil)
            #expect(try await store.comments(in: scope).map(\.text) == ["Verificare le fonti", "Bene"])
            #expect(try await store.comments(in: scope, elementID: "n2").map(\.text) == ["Bene"])
            try await store.validate(ResultValidation(periodCode: "ANNO", elementID: "ente", validatedBy: "oiv", at: at), in: scope, actor: "oiv")
            try await store.validate(
                ResultValidation(periodCode: "ANNO", elementID: "ente", validatedBy: "oiv", at: at, note: "confermato"), in: scope, actor: "oiv")
            // Validating again adds to the history: the first validation and its note are kept.
            #expect(try await store.validations(in: scope).map(\.note) == [nil, "confermato"])
            let missing = CycleScope(entityCode: "lucca", year: 1999)
            #expect(await storeError {
                try await store.addComment(PlanComment(elementID: "n1", author: "oiv", at: at, text: "x"), in: missing, actor: "oiv")
            } == .notFound(table: "cycles", id: "\(missing)"))
            #expect(try await store.auditLog(AuditQuery(table: "validations")).map(\.action) == [.insert, .insert])
            #expect(try await store.auditLog(AuditQuery(table: "comments")).count == 2)
        }
    }
}
