import Foundation
import SQLKit
import Testing
import TraguardoCore
@testable import TraguardoStore
import TraguardoTestSupport

/// A server reads an SQLite file with several connections: a read that takes long does not hold up the others.
@Suite("Lettori in parallelo su un file SQLite")
struct ReaderPoolTests {
    @Test func aReadGoesOnWhileAnotherReadIsUnderway() async throws {
        try await withTestDatabase(.sqlite) { database in
            let store = try await Store.open(database.location, readers: Store.serverReaders)
            let (finished, signal) = AsyncStream.makeStream(of: Void.self)
            async let slow: (signalled: Bool, users: Int) = store.read { db in
                // Holds its reader until the other reads have finished, or gives up after two minutes (so a single
                // reader makes this test fail instead of hanging; a busy machine only makes it slower).
                let signalled = await withTaskGroup(of: Bool.self) { group in
                    group.addTask { for await _ in finished { return true }; return false }
                    group.addTask { try? await Task.sleep(for: .seconds(120)); return false }
                    let first = await group.next() ?? false
                    group.cancelAll()
                    return first
                }
                let users = try await db.raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? -1
                return (signalled, users)
            }
            let version = try await store.schemaVersion()
            let markers = try await store.changeMarkers(entityCode: "lucca")
            signal.yield()
            signal.finish()
            let held = try await slow
            #expect(held.signalled, "le altre letture hanno atteso che il lettore occupato finisse")
            #expect(held.users == 0)
            #expect(version == Store.latestSchemaVersion)
            #expect(markers.isEmpty)
            await store.close()
        }
    }

    @Test func theMarkersOfEveryYearComeInOneReadAndFollowTheChanges() async throws {
        try await withTestDatabase(.sqlite) { database in
            let store = try await database.open()
            try await store.savePlans([SamplePlan.make(), SamplePlan.make(year: 2014)], actor: "test")
            let first = CycleScope(entityCode: SamplePlan.entityCode, year: 2013)
            let second = CycleScope(entityCode: SamplePlan.entityCode, year: 2014)
            let before = try await store.changeMarkers(entityCode: SamplePlan.entityCode)
            #expect(before == [2013: try await store.changeMarker(of: first), 2014: try await store.changeMarker(of: second)])
            #expect(before[2013]?.lastChange != nil)
            // A change of 2014 changes its marker only.
            var changed = SamplePlan.make(year: 2014)
            changed.entity.name += " (rinominato)"
            changed.cycle.horizonTo = 2099
            try await store.savePlans([changed], actor: "test")
            let after = try await store.changeMarkers(entityCode: SamplePlan.entityCode)
            #expect(after[2013] == before[2013])
            #expect(after[2014] != before[2014])
            #expect(try await store.changeMarkers(entityCode: "nessuno").isEmpty)
            await store.close()
        }
    }
}
