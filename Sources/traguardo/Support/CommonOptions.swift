import ArgumentParser
import Foundation
import TraguardoStore

/// `--database PATH|postgres://URL`, shared by every command that reads or writes data.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "File SQLite o indirizzo postgres://utente:password@host:porta/database.",
            discussion: "Predefinito: la variabile TRAGUARDO_DATABASE, altrimenti traguardo.sqlite nella cartella corrente.",
            valueName: "percorso|url"))
    var database: String?

    func location() throws -> DatabaseLocation {
        try DatabaseLocation.resolve(option: database)
    }

    /// How a command's writes wait for another writer of the same SQLite file: in line, saying so on the
    /// error stream, for ten minutes (or `TRAGUARDO_ATTESA_SCRITTURA` seconds).
    static let writerWait = WriterWait(limit: WriterWait.commandLine.limit) { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }.adjusted()

    /// Opens the store (migrating it to the current schema unless told otherwise), runs `body`, closes it.
    func withStore<T>(migrate: Bool = true, _ body: (Store) async throws -> T) async throws -> T {
        let store = try await Store.open(try location(), migrate: migrate, writerWait: Self.writerWait)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// `--entity CODE --year YYYY --period CODE`: which Ente-year (and period) a command works on.
struct ScopeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Codice dell'Ente (lucca, pisa, massa-carrara, toscana-nord-ovest).", valueName: "codice"))
    var entity: String?

    @Option(name: .long, help: ArgumentHelp("Anno del ciclo.", valueName: "aaaa"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("Codice del periodo di monitoraggio (per esempio ANNO, T1, S1).", valueName: "codice"))
    var period: String?

    func validate() throws {
        if let year, !(1990...2100).contains(year) {
            throw ValidationError("l'anno \(year) non è plausibile: atteso un anno fra 1990 e 2100")
        }
    }
}

/// `--format …` and `-o FILE`.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Formato dell'uscita.", valueName: "formato"))
    var format: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("File in cui scrivere, o - per l'uscita standard (predefinito: lo schermo; i formati binari vogliono -o).", valueName: "file"))
    var output: String?
}

/// Who the audit log names for changes made from the command line.
enum CommandLineActor {
    static var name: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "sconosciuto"
        return "riga di comando (\(user))"
    }
}
