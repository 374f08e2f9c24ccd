import Foundation
import Testing
import TraguardoStore
import TraguardoTestSupport

@Suite("Riga di comando: aiuto, versione, migrazioni, stato")
struct FoundationCommandsTests {
    func temporaryFolder() async throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: [["--help"], ["-h"], ["help"], ["migrate", "--help"], ["help", "status"]])
    func helpIsInItalian(_ arguments: [String]) async throws {
        let result = try await CommandLineRunner.run(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.output.contains("USO:"))
        #expect(result.output.contains("OPZIONI:"))
        #expect(result.output.contains("Mostra questo aiuto."))
        for english in ["USAGE", "OPTIONS", "SUBCOMMANDS", "Show help", "default:", "See '"] {
            #expect(!result.output.contains(english), "«\(english)» in \(result.output)")
        }
    }

    @Test func theMainHelpListsTheCommandsAndTheCommonOptions() async throws {
        let result = try await CommandLineRunner.run(["--help"])
        #expect(result.output.contains("SOTTOCOMANDI:"))
        for command in ["status", "migrate", "version"] { #expect(result.output.contains("  \(command)")) }
        #expect(result.output.contains("Vedere 'traguardo help <sottocomando>'"))
        let migrate = try await CommandLineRunner.run(["migrate", "--help"])
        #expect(migrate.output.contains("--database <percorso|url>"))
        #expect(migrate.output.contains("TRAGUARDO_DATABASE"))
    }

    @Test func usageErrorsAreInItalian() async throws {
        let unknown = try await CommandLineRunner.run(["migrate", "--databse", "x.sqlite"])
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("Errore: Opzione sconosciuta '--databse'"), "\(unknown)")
        #expect(unknown.errors.contains("Uso:"))
        let missing = try await CommandLineRunner.run(["migrate", "--database"])
        #expect(missing.status != 0)
        #expect(missing.errors.contains("Manca il valore di '--database <percorso|url>'"), "\(missing)")
    }

    @Test func versionNamesTheSchema() async throws {
        let result = try await CommandLineRunner.run(["version"])
        #expect(result.status == 0)
        #expect(result.output.contains("Traguardo 0."))
        #expect(result.output.contains("Schema del database: versione \(Store.latestSchemaVersion)"))
    }

    @Test func migrateCreatesTheDefaultFileInTheWorkingDirectory() async throws {
        let folder = try await temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try await CommandLineRunner.run(["migrate"], in: folder)
        #expect(first.status == 0, "\(first)")
        #expect(first.output.contains("applicato il passo 1"))
        #expect(first.output.contains("dalla versione 0 alla \(Store.latestSchemaVersion)"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("traguardo.sqlite").path))
        let second = try await CommandLineRunner.run(["migrate"], in: folder)
        #expect(second.output.contains("già alla versione \(Store.latestSchemaVersion)"), "\(second)")
        let status = try await CommandLineRunner.run(["status"], in: folder)
        #expect(status.status == 0)
        #expect(status.output.contains("Il database è vuoto"), "\(status)")
    }

    @Test func theEnvironmentVariableNamesTheDatabase() async throws {
        let folder = try await temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("da-ambiente.sqlite").path
        let result = try await CommandLineRunner.run(["migrate"], in: folder, environment: ["TRAGUARDO_DATABASE": path])
        #expect(result.status == 0, "\(result)")
        #expect(result.output.contains(path))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("traguardo.sqlite").path))
    }

    @Test func migrateWorksOnPostgres() async throws {
        try await withTestDatabase(.postgres) { database in
            let result = try await CommandLineRunner.run(["migrate", "--database", database.argument])
            #expect(result.status == 0, "\(result)")
            #expect(result.output.contains("alla \(Store.latestSchemaVersion) dello schema"))
            let status = try await CommandLineRunner.run(["status", "--database", database.argument])
            #expect(status.output.contains("PostgreSQL, schema versione \(Store.latestSchemaVersion)"), "\(status)")
        }
    }

    @Test func aForeignFileIsRefusedAndLeftAsItWas() async throws {
        let folder = try await temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("risultati.xlsx").path
        let content = Data("PK\u{3}\u{4} non un database".utf8)
        try content.write(to: URL(fileURLWithPath: path))
        let result = try await CommandLineRunner.run(["migrate", "--database", path])
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("Errore: Il file «\(path)» non è un database SQLite leggibile"), "\(result)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["risultati.xlsx"])
    }
}
