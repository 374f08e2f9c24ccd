import ArgumentParser
import Foundation
import TraguardoStore

@main
struct Traguardo: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "traguardo",
        abstract: "Il ciclo della performance di un ente pubblico: piano, misurazione, valutazione, documenti.",
        discussion: """
            I dati stanno in un file SQLite (predefinito: traguardo.sqlite nella cartella corrente) o in un \
            database PostgreSQL (--database postgres://…). Le opzioni comuni: --database, --entity, --year, \
            --period, --format, -o.
            """,
        version: version,
        subcommands: [DemoCommand.self, ImportCommand.self, ExportCommand.self, GenerateCommand.self, StatusCommand.self, ScoreCommand.self, CompareCommand.self, ExplainCommand.self, CartaCommand.self, ReportCommand.self, SnapshotCommand.self, CheckCommand.self, ServeCommand.self, UserCommand.self, MigrateCommand.self, BackupCommand.self, RestoreCommand.self, VersionCommand.self, ApproveCommand.self, DiffCommand.self, RolloverCommand.self, RemindCommand.self, MergeCommand.self],
        defaultSubcommand: nil,
        helpNames: [.short, .long])

    /// Runs the command, with every message (help, usage errors, failures) in Italian.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(reporting: error)
        }
    }

    static func exit(reporting error: any Error) -> Never {
        let code: Int32
        let message: String
        if let failure = error as? CommandFailure {
            message = "Errore: \(failure.message)"
            code = failure.exitCode
        } else if let store = error as? StoreError {
            message = "Errore: \(store.description)"
            code = ExitCode.failure.rawValue
        } else {
            message = ItalianHelp.translate(fullMessage(for: error))
            code = exitCode(for: error).rawValue
        }
        if !message.isEmpty {
            if code == 0 {
                print(message)
            } else {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
        }
        Foundation.exit(code)
    }
}

/// A failure with an Italian message for the person at the keyboard.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32 = 1
}
