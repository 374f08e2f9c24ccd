import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoExchange
import TraguardoServer
import TraguardoStore

#if canImport(Glibc)
    import Glibc
#endif

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Crea un database nuovo con i dati di esempio (Examples/) e mostra che cosa contiene e i punteggi.",
        discussion: """
            Il file (predefinito: traguardo-demo.sqlite nella cartella corrente) è ricreato a ogni avvio. Crea un utente \
            dimostrativo per ruolo e, se lanciato da un terminale (o con --serve), avvia il server web.
            """)

    @Option(name: .long, help: ArgumentHelp("Il file SQLite da ricreare.", valueName: "percorso"))
    var database = "traguardo-demo.sqlite"

    @Option(name: .long, help: ArgumentHelp("La cartella degli esempi (predefinita: Examples/ del progetto).", valueName: "cartella"))
    var examples: String?

    @Flag(inversion: .prefixedNo, help: "Avvia il server web (predefinito: sì da un terminale, no altrimenti).")
    var serve: Bool?

    @Option(name: .long, help: ArgumentHelp("Porta del server web.", valueName: "porta"))
    var port = 8080

    func run() async throws {
        let folder = try examplesFolder()
        let datasets = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
            .filter { var dir: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &dir) && dir.boolValue }
        guard !datasets.isEmpty else { throw CommandFailure(message: "nessun esempio nella cartella «\(folder)»") }
        let plans: [CyclePlan]
        do {
            plans = try PlanFileReader.read(paths: datasets)
        } catch {
            throw CommandFailure(message: error.description)
        }
        try recreate(database)
        let store = try await Store.open(.sqlite(path: database))
        let opened: [String]
        do {
            try await store.savePlans(plans, actor: "demo")
            opened = try await DemoAccounts.install(in: store)
        } catch {
            await store.close()
            throw error
        }
        print("Database dimostrativo: \(database), con gli esempi di \(folder)\n")
        for plan in plans {
            let scores = PlanScorer.score(plan)
            print("\(plan.entity.code) \(plan.cycle.year) — \(plan.entity.name)")
            print("  \(ImportCommand.contents(plan))")
            print("  punteggio dell'Ente: \(scores.entity.score.shown) (metodologia «\(scores.methodology.name)»)")
        }
        print("""

            Per continuare:
              traguardo status --database \(database)
              traguardo score --database \(database) --entity lucca --year 2018
              traguardo explain --database \(database) --entity lucca --year 2018 ente
              traguardo check --database \(database) --entity lucca --year 2018
            """)
        let accounts = DemoAccounts.accounts.map { account -> String in
            let scope = [account.entityCode, account.unitCode].compactMap { $0 }.joined(separator: " ")
            return "  \(account.username.padding(toLength: 22, withPad: " ", startingAt: 0)) \(account.role)\(scope.isEmpty ? "" : " (\(scope))")"
        }.joined(separator: "\n")
        let banner = """

            Utenti dimostrativi (password per tutti: \(DemoAccounts.password)):
            \(accounts)
            Periodi aperti per la rilevazione: \(opened.joined(separator: ", "))
            """
        let shouldServe = serve ?? (isatty(STDIN_FILENO) == 1)
        guard shouldServe else {
            print(banner)
            print("\nPer il server web: traguardo serve --database \(database)")
            await store.close()
            return
        }
        do {
            try await ServeCommand.serve(
                store: store, host: "127.0.0.1", port: port, secureCookies: false,
                dataSource: ReportCommand.describe(.sqlite(path: database)), banner: banner)
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }

    private func examplesFolder() throws -> String {
        if let examples { return examples }
        let candidates = [
            "Examples",
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples").path,
        ]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw CommandFailure(message: "cartella degli esempi non trovata; indicarla con --examples")
        }
        return found
    }

    /// Removes the previous demo file, but only if it is a Traguardo database (or empty).
    private func recreate(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let head = (FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 16) }) ?? Data()
        if !head.isEmpty, head != Data("SQLite format 3\0".utf8) {
            throw CommandFailure(message: "«\(path)» esiste e non è un database: non lo cancello; indicare un altro file con --database")
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
