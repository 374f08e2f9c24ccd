import Foundation

/// The uploaded files written to a temporary folder of their own (the readers take paths), deleted after use.
enum UploadFolder {
    static func with<T>(_ files: [MultipartBody.File], _ body: ([URL]) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-upload-\(UUID().uuidString)")
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
