import Foundation
import TraguardoCore
import TraguardoExchange
import TraguardoSpreadsheet

/// What each fuzz target does with one input: the readers of what people upload or hand to the command line.
/// Any input must end in a value or an Italian error: a crash, a hang or an English parser message is a finding
/// (a failed precondition is a crash to libFuzzer). `scripts/fuzz` runs them; the normal tests replay the
/// findings kept in `Tests/TraguardoExchangeTests/FuzzRegressions/` through the same functions.
public enum FuzzTargets {
    public static let all: [String: @Sendable (Data) -> Void] = [
        "plan-file": planFile, "csv": csv, "xlsx": xlsx, "italian-value": italianValue,
    ]

    /// The words of libyaml's English messages: none may reach a syntax error.
    static let parserEnglish = ["found", "did not find", "while parsing", "while scanning", "expected"]

    /// A plan file's text, YAML or JSON (`PlanFileReader`).
    public static func planFile(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        do {
            _ = try PlanFileReader.read(texts: [(name: "fuzz.yaml", text: text)])
        } catch {
            for problem in error.errors where problem.message.hasPrefix("sintassi") {
                precondition(problem.line != nil, "errore di sintassi senza riga: \(problem)")
                precondition(!parserEnglish.contains { problem.message.contains($0) }, "inglese in: \(problem)")
            }
        }
    }

    /// A CSV sheet, every row.
    public static func csv(_ data: Data) {
        FuzzFile.with(data, extension: "csv") { url in
            guard let reader = try? CSVReader(url: url) else { return }
            _ = try? reader.forEachRow { _ in }
        }
    }

    /// An XLSX workbook, every row of every sheet.
    public static func xlsx(_ data: Data) {
        FuzzFile.with(data, extension: "xlsx") { url in
            guard let reader = try? XLSXReader(url: url) else { return }
            for name in reader.sheetNames { _ = try? reader.forEachRow(inSheet: name) { _ in } }
        }
    }

    /// A value as a person types it (`EnteredValue`, `ItalianValue`, `ItalianNumber`): one per line.
    public static func italianValue(_ data: Data) {
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).prefix(64) {
            let text = String(line)
            _ = try? EnteredValue.parse(text, year: 2024)
            _ = try? ItalianValue.parse(text)
            _ = ItalianNumber.parse(text)
            _ = ItalianNumber.parseMachine(text)
        }
    }
}

/// The readers of sheets read files: each input is written to one file of this process, reused.
enum FuzzFile {
    static func with(_ data: Data, extension suffix: String, _ body: (URL) -> Void) {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: folder).appendingPathComponent("traguardo-fuzz-\(getpid()).\(suffix)")
        guard (try? data.write(to: url)) != nil else { return }
        defer { try? FileManager.default.removeItem(at: url) }
        body(url)
    }
}
