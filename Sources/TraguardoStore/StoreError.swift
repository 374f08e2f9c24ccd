import Foundation
import TraguardoCore

/// What can go wrong with the store, said in Italian for the person at the keyboard.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// `--database` names neither a file nor a PostgreSQL URL.
    case invalidLocation(String, reason: String)
    /// The file exists but is not an SQLite database (a spreadsheet, a text file, a damaged file).
    case notADatabase(path: String, found: String)
    /// The file is an SQLite database made by another program.
    case foreignDatabase(path: String, tables: [String])
    /// The database was written by a newer Traguardo.
    case newerSchema(location: String, found: Int, known: Int)
    /// The database cannot be opened or reached.
    case cannotOpen(location: String, reason: String)
    /// A record refers to something that does not exist, or would leave something dangling.
    case integrity(String)
    /// A record to update or delete is not there.
    case notFound(table: String, id: String)
    /// A record to insert is already there.
    case duplicate(table: String, id: String)
    /// The database answered with an error.
    case database(String)
    /// A plan saved on condition that it was still the one the change was made on (`PlanFingerprint`), and another
    /// change was saved first: nothing written. `current` is the stored plan's fingerprint.
    case planChanged(current: String)
    /// Another writer held the database (an SQLite file) for longer than this one was willing to wait.
    /// `holder` names it when known (`«traguardo import» (processo 4242), dalle 10:02:03`).
    case busy(location: String, waitedSeconds: Int, holder: String?)
    /// A file (a backup) could not be written.
    case cannotWriteFile(path: String, reason: String)
    /// A file given to `restore` that is not a usable Traguardo backup (`line`: where, in a portable one).
    case invalidBackup(path: String, line: Int?, reason: String)
    /// `restore` into a database that already holds data, without `--replace`.
    case restoreTargetNotEmpty(location: String, tables: [String])
    /// The backup's schema and the target's differ (and the target cannot simply be brought to it).
    case backupSchemaMismatch(location: String, backup: Int, target: Int)

    public var description: String {
        switch self {
        case .invalidLocation(let text, let reason):
            "Database «\(text)» non valido: \(reason)."
        case .notADatabase(let path, let found):
            "Il file «\(path)» non è un database SQLite leggibile (\(found)). Il file non è stato modificato; "
                + "indicare con --database un database Traguardo o un file nuovo."
        case .foreignDatabase(let path, let tables):
            "Il file «\(path)» è un database SQLite di un altro programma (tabelle: \(tables.prefix(5).joined(separator: ", "))"
                + "\(tables.count > 5 ? ", …" : "")). Il file non è stato modificato; indicare con --database un database Traguardo o un file nuovo."
        case .newerSchema(let location, let found, let known):
            "Il database «\(location)» ha lo schema versione \(found), creato da una versione più recente di Traguardo "
                + "(questa conosce fino alla \(known)). Aggiornare Traguardo; il database non è stato modificato."
        case .cannotOpen(let location, let reason):
            "Impossibile aprire il database «\(location)»: \(reason)."
        case .integrity(let detail):
            "Salvataggio annullato, nulla è stato scritto: \(detail)."
        case .notFound(let table, let id):
            "Nessun elemento «\(id)» in \(RecordTable.label(of: table))."
        case .duplicate(let table, let id):
            "L'elemento «\(id)» esiste già in \(RecordTable.label(of: table))."
        case .database(let detail):
            "Errore del database, nulla è stato scritto: \(detail)."
        case .planChanged(let current):
            PlanEditor.changedMeanwhile + " Impronta del piano ora: \(current)."
        case .busy(let location, let waited, let holder):
            "Il database «\(location)» è occupato da \(holder ?? "un'altra operazione di scrittura (per esempio un'importazione)"): "
                + "atteso il proprio turno per \(WriterWait.spoken(seconds: waited)), senza esito. Nulla è stato scritto; riprovare quando "
                + "l'operazione in corso è terminata."
        case .cannotWriteFile(let path, let reason):
            "Impossibile scrivere «\(path)»: \(reason)."
        case .invalidBackup(let path, let line, let reason):
            "Il file «\(path)»\(line.map { ", riga \($0)," } ?? "") non è un backup di Traguardo utilizzabile: \(reason). "
                + "Il database non è stato modificato."
        case .restoreTargetNotEmpty(let location, let tables):
            "Il database «\(location)» non è vuoto (contiene dati in: \(tables.prefix(5).joined(separator: ", "))"
                + "\(tables.count > 5 ? ", …" : "")). Per sostituirne tutto il contenuto con il backup usare --replace; "
                + "il database non è stato modificato."
        case .backupSchemaMismatch(let location, let backup, let target):
            "Il backup ha lo schema versione \(backup), il database «\(location)» la \(target): ripristinare in un database "
                + "nuovo (ogni comando lo porterà poi alla versione corrente). Il database non è stato modificato."
        }
    }

    public var errorDescription: String? { description }
}
