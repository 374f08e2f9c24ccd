import Foundation

/// Writes a command's result to `-o FILE` (whole, or not at all) or to the screen.
enum OutputWriter {
    static func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(message: "impossibile scrivere «\(path)»: \(error.localizedDescription)")
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
