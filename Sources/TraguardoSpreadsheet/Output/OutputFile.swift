import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file a person named (`-o FILE`, a document, a sheet, a backup) whole or not at all, and never
/// replaces what is not a plain file:
///
/// - a regular file, or a name where nothing is yet, is written under a temporary name beside it and then
///   renamed into place, so that readers see either the old file or the whole new one;
/// - a symbolic link is followed, link after link, and the same rule applies to where it leads (the link stays);
/// - a device (`/dev/null`, a terminal), a FIFO or a socket is opened and written in place, once the content
///   is complete: renaming over it would put a plain file in its place (run as root, `-o /dev/null` once
///   turned the machine's `/dev/null` into a regular file);
/// - a folder is refused.
public enum OutputFile {
    public static func write(_ data: Data, to url: URL) throws(SpreadsheetError) {
        try write(to: url) { temporary in try data.write(to: temporary) }
    }

    /// `produce` writes the content to the file it is given (never the destination itself).
    public static func write(to url: URL, _ produce: (URL) throws -> Void) throws(SpreadsheetError) {
        let name = url.lastPathComponent
        switch try destination(of: url.path, name: name) {
        case .replace(let target):
            try replace(URL(fileURLWithPath: target), name: name, produce)
        case .inPlace:
            try writeComplete(name: name, produce) { source throws(SpreadsheetError) in
                let descriptor = open(url.path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
                guard descriptor >= 0 else {
                    throw SpreadsheetError(file: name, message: "il file non si può aprire in scrittura (\(SystemError.text(errno)))")
                }
                defer { close(descriptor) }
                try copy(source, to: descriptor, name: name)
            }
        }
    }

    /// The content, once complete, on standard output (`-o -`): binary formats too.
    public static func writeToStandardOutput(name: String, _ produce: (URL) throws -> Void) throws(SpreadsheetError) {
        try writeComplete(name: name, produce) { source throws(SpreadsheetError) in
            try copy(source, to: STDOUT_FILENO, name: name)
        }
    }

    enum Destination: Equatable {
        /// A regular file or nothing yet, at this path (where the links lead): replaced by renaming.
        case replace(String)
        /// A device, FIFO or socket: opened and written.
        case inPlace
    }

    static func destination(of path: String, name: String) throws(SpreadsheetError) -> Destination {
        var status = stat()
        if stat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG: return .replace(try linkTarget(of: path, name: name))
            case S_IFDIR: throw SpreadsheetError(file: name, message: "è una cartella: indicare un file")
            default: return .inPlace
            }
        }
        let reason = errno
        guard reason == ENOENT else {
            throw SpreadsheetError(file: name, message: "il file non si può scrivere (\(SystemError.text(reason)))")
        }
        // Nothing there, or a link to a file not yet written: the file is made where the links lead.
        return .replace(try linkTarget(of: path, name: name))
    }

    /// The path a chain of symbolic links leads to (the path itself when it is not a link).
    static func linkTarget(of path: String, name: String) throws(SpreadsheetError) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else {
                throw SpreadsheetError(file: name, message: "il collegamento simbolico non si può leggere (\(SystemError.text(errno)))")
            }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(target).path
        }
        throw SpreadsheetError(file: name, message: "troppi collegamenti simbolici uno dentro l'altro")
    }

    /// The content written beside `target` under a temporary name, then renamed into place.
    private static func replace(_ target: URL, name: String, _ produce: (URL) throws -> Void) throws(SpreadsheetError) {
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        try run(produce, into: temporary, name: name)
        // A file replaced keeps its permissions (a backup readable by its owner only stays so).
        var existing = stat()
        if stat(target.path, &existing) == 0 { chmod(temporary.path, existing.st_mode & 0o7777) }
        if rename(temporary.path, target.path) != 0 {
            let reason = SystemError.text(errno)
            try? FileManager.default.removeItem(at: temporary)
            throw SpreadsheetError(file: name, message: "il file non si può sostituire (\(reason))")
        }
    }

    /// The content made whole in a private temporary folder, then handed to `deliver`.
    private static func writeComplete(
        name: String, _ produce: (URL) throws -> Void, deliver: (URL) throws(SpreadsheetError) -> Void
    ) throws(SpreadsheetError) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-uscita-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw SpreadsheetError(file: name, message: "la cartella temporanea non si può creare (\(SystemError.text(of: error)))")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let temporary = folder.appendingPathComponent(name.isEmpty || name == "/" ? "uscita" : name)
        try run(produce, into: temporary, name: name)
        try deliver(temporary)
    }

    private static func run(_ produce: (URL) throws -> Void, into temporary: URL, name: String) throws(SpreadsheetError) {
        do {
            try produce(temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? SpreadsheetError { throw error }
            throw SpreadsheetError(file: name, message: "il file non si può scrivere (\(SystemError.text(of: error)))")
        }
    }

    /// Every byte of `source` written to `descriptor`, a megabyte at a time.
    private static func copy(_ source: URL, to descriptor: Int32, name: String) throws(SpreadsheetError) {
        do {
            let input = try FileHandle(forReadingFrom: source)
            defer { try? input.close() }
            let output = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                try output.write(contentsOf: chunk)
            }
        } catch {
            throw SpreadsheetError(file: name, message: "il file non si può scrivere (\(SystemError.text(of: error)))")
        }
    }
}
