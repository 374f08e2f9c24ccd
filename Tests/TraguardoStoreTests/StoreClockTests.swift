import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// Every time the store takes comes from its clock (`Store.open(…, clock:)`), never from the machine's.
@Suite struct StoreClockTests {
    @Test func aNewUserIsCreatedAtTheStoresTime() async throws {
        let fixed = Date(timeIntervalSince1970: 1_000_000_000)
        try await withTestStore(.sqlite, clock: { fixed }) { store in
            try await store.addUser(UserAccount(username: "orologio", displayName: "Orologio", role: UserRole.reader.rawValue),
                                    passwordHash: "x", actor: "test")
            let stored = try #require(try await store.user("orologio"))
            #expect(stored.createdAt.map { abs($0.timeIntervalSince(fixed)) < 1 } == true, "\(String(describing: stored.createdAt))")
        }
    }
}
