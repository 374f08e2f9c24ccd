import Foundation

/// Writes a file beside its destination under a temporary name, then renames it into place, so that
/// readers see either the old file or the whole new one, never a half-written file.
enum AtomicFileReplacement {
    static func write(to url: URL, _ produce: (URL) throws -> Void) throws(SpreadsheetError) {
        let fileName = url.lastPathComponent
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(fileName).\(UUID().uuidString).tmp")
        do {
            try produce(temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? SpreadsheetError { throw error }
            throw SpreadsheetError(file: fileName, message: "il file non si può scrivere (\(error.localizedDescription))")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw SpreadsheetError(file: fileName, message: "il file non si può sostituire (\(reason))")
        }
    }
}
