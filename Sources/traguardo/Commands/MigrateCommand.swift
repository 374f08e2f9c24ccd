import ArgumentParser
import TraguardoStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Porta lo schema del database alla versione di questo Traguardo.",
        discussion: "Ogni comando lo fa da sé all'avvio; questo comando lo fa soltanto, e dice che cosa ha applicato.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withStore(migrate: false) { store in
        let before = try await store.schemaVersion()
        let steps = try await store.migrate()
        if steps.isEmpty {
            print("Il database \(store.location) è già alla versione \(before) dello schema: nulla da fare.")
        } else {
            for step in steps {
                print("applicato il passo \(step.version): \(step.name)")
            }
            print("Il database \(store.location) è passato dalla versione \(before) alla \(steps.last!.version) dello schema.")
        }
        }
    }
}
