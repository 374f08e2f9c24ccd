import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoCore
import TraguardoStore
@testable import TraguardoServer

/// Every operation of `/api/v1` declares, in `APIOperation.all`, the action of the core's permission table it needs,
/// and the router checks it before the handler reads the body or loads the plan, as the pages' routes do.
@Suite("API: il permesso dichiarato da ogni operazione")
struct APIDeclaredAccessTests {
    @Test func everyOperationNamesAnActionAndNoneIsOpen() {
        for operation in APIOperation.all {
            #expect(operation.access != .open && operation.access != .signedIn, "\(operation.method) \(operation.path)")
            #expect(!operation.access.actions.isEmpty, "\(operation.method) \(operation.path)")
        }
    }

    /// A reader with a write token posts a body that is not even JSON to every operation it may not use: each
    /// answers 403 with the role's refusal (never 400 for the body, never 404 for the plan), and writes nothing.
    @Test func aRoleWithoutTheActionIsRefusedBeforeTheBodyIsRead() async throws {
        try await ServerFixture.withStore(.sqlite) { store, _ in
            let token = try await APITests.token(for: "lettore", in: store, scope: .write)
            let before = try await store.auditCount(AuditQuery())
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let refused = APIOperation.all.filter { operation in
                    !operation.access.actions.contains { UserRole.reader.allows($0) }
                }
                #expect(refused.count >= 8)
                for operation in refused {
                    let path = "/api/v1" + operation.path
                        .replacingOccurrences(of: "{ente}", with: "lucca").replacingOccurrences(of: "{anno}", with: "2018")
                        .replacingOccurrences(of: "{numero}", with: "1")
                    let answer = try await client.executeRequest(
                        uri: path, method: operation.method,
                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                        body: ByteBuffer(string: "{ non è json"))
                    #expect(answer.status == .forbidden, "\(operation.method) \(path)")
                    #expect((try APITests.json(answer)["errore"] as? String)?.contains("non consente questa operazione") == true,
                            "\(operation.method) \(path)")
                }
            }
            #expect(try await store.auditCount(AuditQuery()) == before)
        }
    }
}
