import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

@Suite("Schema e migrazioni")
struct MigrationTests {
    @Test(arguments: TestBackend.allCases)
    func aNewDatabaseGetsEveryStep(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = try await database.open(migrate: false)
            #expect(try await store.schemaVersion() == 0)
            let steps = try await store.migrate()
            #expect(steps.map(\.version) == Array(1...Store.latestSchemaVersion))
            #expect(try await store.migrate().isEmpty)
            #expect(try await store.schemaVersion() == Store.latestSchemaVersion)
            await store.close()
        }
    }

    @Test(arguments: TestBackend.allCases)
    func anOlderDatabaseMigratesForwardKeepingItsData(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            // A database as the first version of the schema left it, with an Ente in it.
            let old = try await database.open(migrate: false)
            #expect(try await old.migrate(upTo: 1).map(\.version) == [1])
            let entity = SamplePlan.make().entity
            try await old.save(entity, actor: "v1")
            await old.close()

            let store = try await database.open()
            #expect(try await store.schemaVersion() == Store.latestSchemaVersion)
            #expect(try await store.entities() == [entity])
            // Every table of the later steps works.
            try await store.savePlan(SamplePlan.make(), actor: "import")
            #expect(try await store.loadPlan(CycleScope(entityCode: "lucca", year: 2013)) == SamplePlan.make())
            await store.close()
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aDatabaseFromANewerTraguardoIsRefused(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let store = try await database.open()
            try await TestDatabase.raw(
                "INSERT INTO traguardo_schema (version, name, applied_at) VALUES (999, 'futuro', '2030-01-01T00:00:00.000Z')",
                on: store)
            await store.close()
            let error = await storeError {
                _ = try await database.open()
            }
            let message = error?.description ?? ""
            #expect(error == .newerSchema(location: database.location.description, found: 999, known: Store.latestSchemaVersion))
            #expect(message.contains("versione più recente di Traguardo"))
        }
    }

    @Test(arguments: TestBackend.allCases)
    func severalStoresMigratingTogetherTakeTurns(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        let store = try await database.open()
                        let version = try await store.schemaVersion()
                        await store.close()
                        return version
                    }
                }
                for try await version in group { #expect(version == Store.latestSchemaVersion) }
            }
        }
    }
}
