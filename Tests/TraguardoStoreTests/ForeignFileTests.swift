import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

@Suite("File che non sono database Traguardo")
struct ForeignFileTests {
    /// Every file of the folder with its bytes.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-estraneo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: [
        Data("codice;descrizione;valore\nA1;Pratiche;4,2\n".utf8),
        Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),  // an XLSX (ZIP) header
        Data("SQLite format 3\0".utf8) + Data(repeating: 0xFF, count: 200),  // a damaged database
    ])
    func aFileThatIsNotADatabaseIsLeftUntouched(_ content: Data) async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("dati.sqlite").path
        try content.write(to: URL(fileURLWithPath: path))
        let before = try snapshot(folder)
        let error = await storeError {
            _ = try await Store.open(.sqlite(path: path))
        }
        let message = error?.description ?? ""
        #expect(message.contains("«\(path)»"))
        #expect(message.contains("non") && message.contains("database"))
        #expect(try snapshot(folder) == before)
    }

    @Test func anotherProgramsDatabaseIsLeftUntouched() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gestionale.sqlite").path
        let foreign = try await Store.open(.sqlite(path: path), migrate: false)
        try await TestDatabase.raw("CREATE TABLE clienti (id INTEGER PRIMARY KEY, nome TEXT)", on: foreign)
        try await TestDatabase.raw("INSERT INTO clienti (nome) VALUES ('Rossi')", on: foreign)
        await foreign.close()
        // Leave only the main file, as another program would.
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != "gestionale.sqlite" {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        let before = try snapshot(folder)
        let error = await storeError {
            _ = try await Store.open(.sqlite(path: path))
        }
        let message = error?.description ?? ""
        #expect(error == .foreignDatabase(path: path, tables: ["clienti"]))
        #expect(message.contains("altro programma"))
        #expect(message.contains("non è stato modificato"))
        #expect(try snapshot(folder) == before)
    }

    @Test func aFolderOrAMissingFolderIsAClearError() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        await #expect(throws: StoreError.cannotOpen(location: folder.path, reason: "è una cartella, non un file")) {
            _ = try await Store.open(.sqlite(path: folder.path))
        }
        let missing = folder.appendingPathComponent("manca/traguardo.sqlite").path
        let error = await storeError {
            _ = try await Store.open(.sqlite(path: missing))
        }
        let message = error?.description ?? ""
        #expect(message.contains("non esiste"))
    }

    @Test func anUnreachablePostgresServerIsAClearError() async throws {
        // Port 1 on loopback: nobody listens there.
        let location = try DatabaseLocation.resolve(option: "postgres://traguardo@127.0.0.1:1/traguardo", environment: [:])
        let error = await storeError {
            _ = try await Store.open(location)
        }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("Impossibile aprire il database «postgres://traguardo@127.0.0.1:1/traguardo»"))
    }
}
