import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// The evidence files of the rilevazione: stored with their bytes, listed without them, fetched only within
/// their Ente-year, written with the measurements or not at all, on both databases.
@Suite("Documenti a supporto delle rilevazioni")
struct EvidenceStorageTests {
    static let scope = CycleScope(entityCode: SamplePlan.entityCode, year: SamplePlan.year)

    /// Every byte value, a NUL first: text-only storage or an encoding would change it.
    static let content = Data([0x00, 0xFF, 0x25, 0x50, 0x44, 0x46, 0x0D, 0x0A] + (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })

    static func upload(_ name: String = "verbale 2013 – è.pdf", content: Data = content) -> EvidenceUpload {
        EvidenceUpload(itemID: "G1/I1/a", periodCode: "ANNO", fileName: name, mediaType: "application/pdf", content: content)
    }

    @Test(arguments: TestBackend.allCases)
    func aFileIsStoredListedAndReadBackByteForByteOnlyInItsEnteYear(_ backend: TestBackend) async throws {
        let now = Date(timeIntervalSince1970: 1_796_000_000.25)
        try await withTestStore(backend, clock: { now }) { store in
            try await store.savePlan(SamplePlan.make(), actor: "import")
            try await store.savePlan(SamplePlan.make(entityCode: "massa"), actor: "import")
            let file = try await store.addEvidence(Self.upload(), in: Self.scope, actor: "ufficio.ri")
            #expect(file.sizeBytes == Self.content.count)
            #expect(file.uploadedBy == "ufficio.ri")
            #expect(file.uploadedAt == now)
            #expect(file.evidenceLabel == "verbale 2013 – è.pdf (allegato n. \(file.id))")
            #expect(file.sha256.count == 64)
            let empty = try await store.addEvidence(Self.upload("vuoto.txt", content: Data("abc".utf8)), in: Self.scope, actor: "x")
            // SHA-256 of «abc» (FIPS 180-2, appendix B.1).
            #expect(empty.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")

            #expect(try await store.evidenceFiles(in: Self.scope) == [file, empty])
            #expect(try await store.evidenceFiles(in: Self.scope, itemID: "G1/I1/a").map(\.id) == [file.id, empty.id])
            #expect(try await store.evidenceFiles(in: Self.scope, itemID: "altro").isEmpty)
            let read = try #require(try await store.evidence(id: file.id, in: Self.scope))
            #expect(read.file == file)
            #expect(read.content == Self.content)
            // The same number asked for another Ente, or another year, is not there.
            #expect(try await store.evidence(id: file.id, in: CycleScope(entityCode: "massa", year: SamplePlan.year)) == nil)
            #expect(try await store.evidence(id: file.id, in: CycleScope(entityCode: SamplePlan.entityCode, year: 2014)) == nil)
            #expect(try await store.evidenceFiles(in: CycleScope(entityCode: "massa", year: SamplePlan.year)).isEmpty)

            let audit = try await store.auditLog(AuditQuery(table: "evidence_files"))
            #expect(audit.map(\.recordID) == [String(empty.id), String(file.id)])
            #expect(audit.allSatisfy { $0.action == .insert && $0.actor != "" })
            #expect(audit.last?.after?.contains(file.sha256) == true)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aFileOfAnItemOrCycleThatDoesNotExistIsRefused(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.savePlan(SamplePlan.make(), actor: "import")
            var stray = Self.upload()
            stray.itemID = "NON-ESISTE"
            #expect(await storeError {
                try await store.addEvidence(stray, in: Self.scope, actor: "x")
            } == .notFound(table: "measured_items", id: "NON-ESISTE"))
            #expect(await storeError {
                try await store.addEvidence(Self.upload(), in: CycleScope(entityCode: "lucca", year: 1999), actor: "x")
            } == .notFound(table: "cycles", id: "lucca 1999"))
            #expect(try await store.evidenceFiles(in: Self.scope).isEmpty)
            #expect(try await store.auditLog(AuditQuery(table: "evidence_files")).isEmpty)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aFileAddedInTheMeasurementsTransactionIsUndoneWithThem(_ backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.savePlan(SamplePlan.make(), actor: "import")
            let before = try await TestDatabase.dump(store)
            struct Stop: Error {}
            let scope = Self.scope
            let upload = Self.upload()
            _ = await storeError {
                _ = try await store.recordMeasurements(actor: "ufficio.ri") { batches in
                    let file = try await batches.addEvidence(upload, in: scope)
                    var m = SamplePlan.make().measurements[0]
                    m.evidence.append(file.evidenceLabel)
                    try await batches.write([m], in: scope)
                    throw Stop()
                }
            }
            #expect(try await TestDatabase.dump(store) == before)

            // Without the failure, both are there, and the measurement names the file.
            let summary = try await store.recordMeasurements(actor: "ufficio.ri") { batches in
                let file = try await batches.addEvidence(upload, in: scope)
                var m = SamplePlan.make().measurements[0]
                m.evidence.append(file.evidenceLabel)
                try await batches.write([m], in: scope)
            }
            #expect(summary.updated == 1)
            let file = try #require(try await store.evidenceFiles(in: scope).first)
            let plan = try #require(try await store.loadPlan(scope))
            #expect(plan.measurements[0].evidence == ["protocollo 1234/2014", file.evidenceLabel])
            #expect(try await store.evidence(id: file.id, in: scope)?.content == Self.content)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aVersion8DatabaseMigratesToEvidenceFilesKeepingItsPlan(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let old = try await database.open(migrate: false)
            #expect(try await old.migrate(upTo: 8).map(\.version) == Array(1...8))
            try await old.savePlan(SamplePlan.make(), actor: "v8")
            await old.close()

            let store = try await database.open()
            #expect(try await store.schemaVersion() == Store.latestSchemaVersion)
            #expect(try await store.loadPlan(Self.scope) == SamplePlan.make())
            let file = try await store.addEvidence(Self.upload(), in: Self.scope, actor: "ufficio.ri")
            #expect(try await store.evidence(id: file.id, in: Self.scope)?.content == Self.content)
            await store.close()
        }
    }
}
