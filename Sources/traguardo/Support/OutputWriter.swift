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
}
