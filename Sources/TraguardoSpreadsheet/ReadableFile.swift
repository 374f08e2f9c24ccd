import Foundation

/// A file a reader opens, or the error every reader gives when it cannot: «il file non esiste», «il file non si
/// può leggere».
enum ReadableFile {
    static func open(_ url: URL, fileName: String) throws(SpreadsheetError) -> FileHandle {
        do {
            return try FileHandle(forReadingFrom: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw SpreadsheetError(file: fileName, message: exists ? "il file non si può leggere" : "il file non esiste")
        }
    }
}
