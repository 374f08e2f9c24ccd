import Foundation
import TraguardoCore

/// Progress of a long import on standard error: a bar redrawn in place on a terminal, plain lines
/// (every 100.000 rows, every 10%) when the output goes to a file or a pipe.
final class ProgressReporter: @unchecked Sendable {
    let isTerminal: Bool
    private var lastLine = -1
    private var drewOnTerminal = false
    private let lock = NSLock()

    init(isTerminal: Bool = isatty(STDERR_FILENO) != 0) {
        self.isTerminal = isTerminal
    }

    func reading(_ file: String, rows: Int) {
        if isTerminal {
            draw("\(file): \(Decimal(rows).italian) righe lette")
        } else if rows / 100_000 != lastLine {
            lastLine = rows / 100_000
            if rows >= 100_000 { line("\(file): \(Decimal(rows).italian) righe lette") }
        }
    }

    func writing(done: Int, total: Int) {
        guard total > 0 else { return }
        let percent = min(100, done * 100 / total)
        if isTerminal {
            let filled = percent / 5
            draw("Scrittura [\(String(repeating: "█", count: filled))\(String(repeating: "·", count: 20 - filled))] \(percent)% "
                + "(\(Decimal(done).italian) di \(Decimal(total).italian))")
        } else if percent / 10 != lastLine {
            lastLine = percent / 10
            line("Scrittura: \(percent)% (\(Decimal(done).italian) di \(Decimal(total).italian) rilevazioni)")
        }
    }

    /// Ends a phase: the next one starts on a new line.
    func finishPhase() {
        lock.lock()
        defer { lock.unlock() }
        if drewOnTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
        drewOnTerminal = false
        lastLine = -1
    }

    private func draw(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        drewOnTerminal = true
    }

    private func line(_ text: String) {
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }
}
