import Foundation

/// The uploaded files written to a temporary folder of their own (the readers take paths), deleted after use.
///
/// The folder's name carries the server's process number (`traguardo-upload-4242-UUID`): a server killed in
/// the middle of an import cannot delete it, so every upload first removes the folders of processes that no
/// longer exist. Folders of a living server (another instance on the same machine) are left alone.
///
/// What the readers say about a file names it by its path there: ``hidingPaths(_:)`` turns that back into the
/// name the user uploaded, so that no server path reaches a page.
enum UploadFolder {
    static let prefix = "traguardo-upload-"

    /// `/tmp/traguardo-upload-4242-<UUID>/0/piano.yaml, riga 3` → `piano.yaml, riga 3`.
    static func hidingPaths(_ text: String) -> String {
        var temporary = FileManager.default.temporaryDirectory.path
        if !temporary.hasSuffix("/") { temporary += "/" }
        return text.replacingOccurrences(of: temporary, with: "")
            .replacing(/(\/[^\s\/«»"']*)*\/?traguardo-upload-[0-9A-Fa-f-]+\/[0-9]+\//, with: "")
    }

    static func with<T>(
        _ files: [MultipartBody.File], in parent: URL = FileManager.default.temporaryDirectory, _ body: ([URL]) async throws -> T
    ) async throws -> T {
        removeAbandoned(in: parent)
        let pid = ProcessInfo.processInfo.processIdentifier
        let folder = parent.appendingPathComponent("\(prefix)\(pid)-\(UUID().uuidString)")
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

    /// Removes the upload folders whose process has ended (killed before its `defer` ran).
    static func removeAbandoned(in parent: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }
}
