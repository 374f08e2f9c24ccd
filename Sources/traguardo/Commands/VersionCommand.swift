import ArgumentParser
import TraguardoStore

struct VersionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Mostra la versione di Traguardo e dello schema del database.")

    func run() async throws {
        print("Traguardo \(Traguardo.version)")
        print("Schema del database: versione \(Store.latestSchemaVersion)")
    }
}
