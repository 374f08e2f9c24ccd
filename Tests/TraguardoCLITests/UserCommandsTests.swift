import Foundation
import Testing
import TraguardoStore
import TraguardoTestSupport

/// `traguardo user add` checks the role, the Ente and the unit as the web forms do (one check), and
/// `traguardo user token` creates read-only tokens that expire, lists them and revokes them.
@Suite("Riga di comando: utenti e token")
struct UserCommandsTests {
    /// A database with two Enti that both have a unit SG (and RI).
    static func withTwoEnti(_ backend: TestBackend, _ body: (TestDatabase) async throws -> Void) async throws {
        try await withTestDatabase(backend) { database in
            let store = try await database.open()
            try await store.savePlans([SamplePlan.make(), SamplePlan.make(entityCode: "ente-b", year: 2024)], actor: "test")
            await store.close()
            try await body(database)
        }
    }

    static func run(_ arguments: [String], _ database: TestDatabase, input: String? = nil) async throws -> CommandLineRunner.Result {
        try await CommandLineRunner.run(arguments + ["--database", database.argument], input: input)
    }

    @Test(arguments: TestBackend.allCases)
    func anOfficeNeedsItsEnteAndAUnitOfThatEnte(_ backend: TestBackend) async throws {
        try await Self.withTwoEnti(backend) { database in
            let password = "password-sicura-1\n"
            let noEnte = try await Self.run(["user", "add", "sg.tutti", "--role", "dirigente", "--unit", "SG", "--password-stdin"], database, input: password)
            #expect(noEnte.status != 0)
            #expect(noEnte.errors.contains("--entity: Un dirigente lavora per un Ente: scegliere l'Ente della sua area."), "\(noEnte)")
            let unknown = try await Self.run(
                ["user", "add", "sg.tutti", "--role", "responsabile-ufficio", "--entity", "ente-b", "--unit", "PERS", "--password-stdin"], database,
                input: password)
            #expect(unknown.status != 0)
            #expect(unknown.errors.contains("--unit: Ufficio «PERS» sconosciuto: atteso il codice di un'unità dei piani dell'Ente «ente-b» (RI, SG)."),
                    "\(unknown)")
            let unknownEnte = try await Self.run(
                ["user", "add", "sg.tutti", "--role", "lettore", "--entity", "milano", "--password-stdin"], database, input: password)
            #expect(unknownEnte.errors.contains("--entity: Ente «milano» sconosciuto: atteso il codice di un Ente del database (ente-b, lucca) o nessuno."),
                    "\(unknownEnte)")
            var store = try await database.open()
            #expect(try await store.user("sg.tutti") == nil)
            await store.close()

            let added = try await Self.run(
                ["user", "add", "sg.lucca", "--role", "dirigente", "--entity", "lucca", "--unit", "SG", "--password-stdin"], database, input: password)
            #expect(added.status == 0, "\(added)")
            store = try await database.open()
            let account = try #require(try await store.user("sg.lucca"))
            #expect(account.entityCode == "lucca")
            #expect(account.unitCode == "SG")
            await store.close()
        }
    }

    @Test(arguments: TestBackend.allCases)
    func tokensAreReadOnlyExpireAndAreListedAndRevoked(_ backend: TestBackend) async throws {
        try await Self.withTwoEnti(backend) { database in
            await #expect(try Self.run(["user", "add", "lettore", "--role", "lettore", "--password-stdin"], database, input: "password-sicura-1\n").status == 0)
            let created = try await Self.run(["user", "token", "lettore", "--label", "script"], database)
            #expect(created.status == 0, "\(created)")
            let token = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(token.count >= 40 && !token.contains(" "), "solo il token sullo standard output")
            #expect(created.errors.contains("sola lettura, valido fino al"))
            let code = try #require(created.errors.firstMatch(of: /codice ([0-9a-f]{12})/)).1

            let store = try await database.open()
            let stored = try #require(try await store.apiTokens(of: "lettore").first)
            #expect(stored.scope == .read)
            #expect(abs(stored.expiresAt.timeIntervalSince(stored.createdAt) - 90 * 86_400) < 1)
            await store.close()

            await #expect(try Self.run(["user", "token", "lettore", "--write", "--days", "1", "--label", "carico"], database).errors
                .contains("lettura e scrittura"))
            let tooLong = try await Self.run(["user", "token", "lettore", "--days", "400"], database)
            #expect(tooLong.status != 0)
            #expect(tooLong.errors.contains("--days 400 non valido: atteso un numero di giorni da 1 a 365"), "\(tooLong)")
            let list = try await Self.run(["user", "token", "lettore", "--list"], database)
            #expect(list.output.contains("\(code)\tscript\tsola lettura\tcreato il "), "\(list)")
            #expect(list.output.contains("\tcarico\tlettura e scrittura\t"))
            #expect(list.output.contains("mai usato"))

            await #expect(try Self.run(["user", "token", "lettore", "--revoke", String(code)], database).output.contains("revocato"))
            let again = try await Self.run(["user", "token", "lettore", "--revoke", String(code)], database)
            #expect(again.status != 0)
            #expect(again.errors.contains("nessun token «\(code)» dell'utente «lettore»"))
            await #expect(try Self.run(["user", "token", "lettore", "--revoke-all"], database).output.contains("Revocati 1 token di «lettore»."))
            await #expect(try Self.run(["user", "token", "lettore", "--list"], database).output.contains("«lettore» non ha token."))
        }
    }
}
