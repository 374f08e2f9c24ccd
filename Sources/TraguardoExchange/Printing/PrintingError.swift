import Foundation

/// Why a PDF or a screenshot could not be made, in Italian, naming the program or the file.
public enum PrintingError: Error, Equatable, CustomStringConvertible {
    /// No Chromium on this machine.
    case chromiumMissing
    /// `TRAGUARDO_CHROMIUM` names something that is not an executable file.
    case chromiumNotExecutable(String)
    case cannotStart(String, String)
    /// Chromium ran but wrote no PDF (or PNG).
    case chromiumFailed(status: Int32, timedOut: Bool, message: String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .chromiumMissing:
            "per scrivere il PDF serve Chromium, che non è installato: nessuno dei programmi "
                + ChromiumPrinter.candidates.map { "«\($0)»" }.joined(separator: ", ")
                + " si trova nel PATH (su Debian: apt-get install chromium; oppure indicare il programma con "
                + "TRAGUARDO_CHROMIUM=/percorso/chromium). In alternativa: --format html e «Stampa» dal browser."
        case .chromiumNotExecutable(let path):
            "TRAGUARDO_CHROMIUM indica «\(path)», che non è un programma eseguibile"
        case .cannotStart(let path, let reason):
            "impossibile avviare «\(path)»: \(reason)"
        case .chromiumFailed(let status, let timedOut, let message):
            (timedOut ? "Chromium non ha finito in tempo ed è stato fermato" : "Chromium non ha scritto il file (stato \(status))")
                + (message.isEmpty ? "" : ": \(message)")
        case .cannotWrite(let path, let reason):
            "impossibile scrivere «\(path)»: \(reason)"
        }
    }
}
