import Foundation
import Testing
@testable import TraguardoServer

/// The folders the uploaded files are written to do not pile up when a server is killed in the middle.
@Suite("Cartelle temporanee dei file caricati")
struct UploadFolderTests {
    @Test func foldersOfAKilledServerAreRemovedByTheNextUploadAndLivingOnesKept() async throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-upload-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = parent.appendingPathComponent("\(UploadFolder.prefix)\(ended.processIdentifier)-\(UUID().uuidString)")
        let living = parent.appendingPathComponent("\(UploadFolder.prefix)\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        let unrelated = parent.appendingPathComponent("altro-file.txt")
        for folder in [dead, living] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("0"), withIntermediateDirectories: true)
            try Data("scheda".utf8).write(to: folder.appendingPathComponent("0/scheda.csv"))
        }
        try Data("x".utf8).write(to: unrelated)

        let seen = try await UploadFolder.with([MultipartBody.File(field: "file", filename: "piano.yaml", data: Data("a: 1".utf8))], in: parent) { urls in
            try urls.map { try String(contentsOf: $0, encoding: .utf8) }
        }
        #expect(seen == ["a: 1"])
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: parent.path))
        #expect(left == [living.lastPathComponent, unrelated.lastPathComponent], "\(left)")
    }
}
