import Foundation

/// A note next to an SQLite file saying which process is writing it (`traguardo.sqlite-scrittura`), so that a
/// writer that has to wait can say for whom. Written once the write lock is held and removed before it is
/// released, so two writers never touch it at the same time. A note left by a killed process is ignored:
/// it names a process that no longer exists.
struct WriterNote {
    let databasePath: String

    var url: URL { URL(fileURLWithPath: databasePath + "-scrittura") }

    /// This process, as a person would recognise it: `«traguardo import» (processo 4242), dalle 10:02:03`.
    static func describeThisProcess(at date: Date) -> String {
        let arguments = ProcessInfo.processInfo.arguments
        let program = URL(fileURLWithPath: arguments.first ?? "traguardo").lastPathComponent
        let command = arguments.dropFirst().first.flatMap { $0.hasPrefix("-") ? nil : $0 }
        let name = [program, command].compactMap { $0 }.joined(separator: " ")
        let time = date.formatted(Date.FormatStyle(date: .omitted, time: .standard).locale(Locale(identifier: "it_IT")))
        return "«\(name)» (processo \(ProcessInfo.processInfo.processIdentifier)), dalle \(time)"
    }

    func write() {
        let line = "\(ProcessInfo.processInfo.processIdentifier)\n\(Self.describeThisProcess(at: Date()))\n"
        try? Data(line.utf8).write(to: url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Who holds the lock, if a living process left its note.
    func holder() -> String? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, let pid = Int32(lines[0]), pid > 0, Self.isAlive(pid), !lines[1].isEmpty else { return nil }
        return String(lines[1])
    }

    private static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
