import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Salva una copia completa e coerente del database in un file.",
        discussion: """
            Da SQLite la copia è un file SQLite (VACUUM INTO), che si apre così com'è con --database. Da PostgreSQL, \
            o con --format portabile, è il formato di Traguardo: righe JSON con la versione dello schema, che \
            «traguardo restore» rimette in un database SQLite o PostgreSQL. La copia si fa col database in uso: non \
            attende le scritture in corso e contiene i dati come erano in un istante. Contiene tutto, anche utenti \
            e sessioni: va custodita come il database. Esempi:
              traguardo backup -o copia-2026-12-06.sqlite
              traguardo backup --database postgres://traguardo@db/traguardo -o copia.jsonl
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(
        "File da scrivere: sostituito per intero, o lasciato com'era se qualcosa va storto.", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp(
        "sqlite (predefinito da SQLite) o portabile (predefinito da PostgreSQL, e l'unico da lì).", valueName: "formato"))
    var format: String?

    func validate() throws {
        if output == "-" { throw ValidationError("il backup va in un file: indicare -o FILE") }
        if let format, BackupFormat(rawValue: format) == nil {
            throw ValidationError("formato «\(format)» non previsto per backup: ammessi sqlite, portabile")
        }
    }

    func run() async throws {
        let url = URL(fileURLWithPath: output)
        try await database.withStore(migrate: false) { store in
            let summary = try await store.backup(to: url, format: format.flatMap(BackupFormat.init(rawValue:)))
            let kind = summary.format == .sqlite ? "copia SQLite" : "backup portabile"
            let rows = summary.rows.map { ", \(ItalianFormatting.number(Decimal($0))) righe" } ?? ""
            let megabytes = ItalianFormatting.number(Decimal(summary.bytes) / 1_048_576, fractionDigits: 2)
            print("Backup di \(store.location) scritto in «\(output)»: \(kind), schema versione \(summary.schemaVersion)\(rows), "
                + "\(megabytes) MB.")
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Rimette nel database il contenuto di un backup (tutto o niente).",
        discussion: """
            FILE è una copia SQLite o un backup portabile fatti con «traguardo backup», da SQLite o da PostgreSQL. \
            Il database indicato con --database deve essere vuoto (un file nuovo, un database PostgreSQL appena \
            creato); se contiene dati il ripristino si rifiuta, a meno di --replace, che ne sostituisce tutto il \
            contenuto. La versione dello schema del backup deve essere quella del database (un database vuoto vi \
            viene portato); dopo il ripristino lo schema è portato alla versione corrente. Se qualcosa va storto il \
            database resta com'era. Esempi:
              traguardo restore copia-2026-12-06.sqlite --database nuovo.sqlite
              traguardo restore copia.jsonl --database postgres://traguardo@db/traguardo_nuovo
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("Il file di backup.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Sostituisce tutto il contenuto di un database che contiene già dati.")
    var replace = false

    func validate() throws {
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("il file «\(file)» non esiste") }
    }

    func run() async throws {
        try await database.withStore(migrate: false) { store in
            let summary = try await store.restore(from: URL(fileURLWithPath: file), replace: replace)
            let steps = try await store.migrate()
            if !summary.replaced.isEmpty {
                print("Sostituito il contenuto precedente di \(store.location) (\(summary.replaced.count) tabelle).")
            }
            print("Ripristinato «\(file)» in \(store.location): \(ItalianFormatting.number(Decimal(summary.rows))) righe, "
                + "schema versione \(summary.schemaVersion)"
                + (steps.isEmpty ? "." : ", poi portato alla versione \(steps.last!.version)."))
        }
    }
}
