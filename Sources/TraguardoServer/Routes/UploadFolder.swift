import Foundation

/// The uploaded files written to a temporary folder of their own (the readers take paths), deleted after use.
/// What the readers say about a file names it by its path there: ``hidingPaths(_:)`` turns that back into the
/// name the user uploaded, so that no server path reaches a page.
enum UploadFolder {
    static let folderPrefix = "traguardo-upload-"

    /// `/tmp/traguardo-upload-<UUID>/0/piano.yaml, riga 3` → `piano.yaml, riga 3`.
    static func hidingPaths(_ text: String) -> String {
        var temporary = FileManager.default.temporaryDirectory.path
        if !temporary.hasSuffix("/") { temporary += "/" }
        return text.replacingOccurrences(of: temporary, with: "")
            .replacing(/(\/[^\s\/«»"']*)*\/?traguardo-upload-[0-9A-Fa-f-]+\/[0-9]+\//, with: "")
    }

    static func with<T>(_ files: [MultipartBody.File], _ body: ([URL]) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(folderPrefix + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var urls: [URL] = []
        for (index, file) in files.enumerated() {
            // Only the last path component of the name the browser sent, never a path.
            let name = URL(fileURLWithPath: file.filename).lastPathComponent
            let safe = name.isEmpty || name == ".." ? "file-\(index)" : name
            let sub = folder.appendingPathComponent("\(index)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let url = sub.appendingPathComponent(safe)
            try file.data.write(to: url)
            urls.append(url)
        }
        return try await body(urls)
    }
}
