import Foundation
import TraguardoExchange
import TraguardoSpreadsheet

/// Writes a command's result to `-o FILE` (whole, or not at all) or, without `-o` or with `-o -`, to standard
/// output. A device, FIFO or symbolic link named by `-o` is written through, never replaced (`OutputFile`).
enum OutputWriter {
    static func write(_ text: String, to path: String?) throws {
        try write(Data(text.utf8), to: path)
    }

    static func write(_ data: Data, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        do { try OutputFile.write(data, to: URL(fileURLWithPath: path)) } catch {
            throw CommandFailure(message: "impossibile scrivere «\(path)»: \(error.message)")
        }
    }

    /// A file made by a writer that needs a path of its own (XLSX, DOCX, PDF, a backup): `produce` writes it to
    /// the path it is given; the result goes to `-o FILE` as above, or with `-o -` to standard output.
    /// An error of `produce` (a document that cannot be made) is thrown as it is, not as a failure to write.
    static func write(to path: String, name: String, _ produce: (URL) throws -> Void) throws {
        var failure: (any Error)?
        let producing = { (url: URL) throws in
            do { try produce(url) } catch { failure = error; throw error }
        }
        do {
            if path == "-" {
                try OutputFile.writeToStandardOutput(name: name, producing)
            } else {
                try OutputFile.write(to: URL(fileURLWithPath: path), producing)
            }
        } catch {
            if let failure = failure as? CommandFailure { throw failure }
            if let failure { throw CommandFailure(message: "\(failure)") }
            throw CommandFailure(message: path == "-" ? error.message : "impossibile scrivere «\(path)»: \(error.message)")
        }
    }

    /// A value as the JSON every `--format json` prints: indented, keys sorted.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// The `--format` of a command that prints text or JSON: true for JSON. `score` also takes tabella/table.
    static func textOrJSON(_ format: String?, command: String, tableNames: Bool = false) throws -> Bool {
        let textNames = tableNames ? ["tabella", "table", "testo", "text"] : ["testo", "text"]
        let format = format ?? textNames[0]
        guard (textNames + ["json"]).contains(format) else {
            throw CommandFailure(message: "formato «\(format)» non previsto per \(command): ammessi \(textNames[0]), json")
        }
        return format == "json"
    }
}
