import Foundation
import Testing
import TraguardoTestSupport

/// `-o FILE` writes through a device, a FIFO or a symbolic link and never replaces it: run as root,
/// `traguardo score --format json -o /dev/null` once turned the machine's `/dev/null` into a regular file.
/// `-o -` writes to standard output, binary formats too.
@Suite("-o: dispositivi, FIFO e collegamenti si scrivono attraverso, -o - sull'uscita standard")
struct OutputFileTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")
    static let isRoot = getuid() == 0
    static let plan = examples.appendingPathComponent("lucca-2018").path

    func withFolder(_ body: (URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-uscita-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder)
    }

    /// The kind of what is at `path` itself (a link is a link): `S_IFCHR`, `S_IFIFO`, `S_IFLNK`, `S_IFREG`…
    func kind(_ path: String) -> mode_t? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    /// A character device like `/dev/null` (major 1, minor 3), made where the test can throw it away.
    func makeNullDevice(_ path: String) async throws {
        let mknod = Process()
        mknod.executableURL = URL(fileURLWithPath: ExternalProgram.path("mknod") ?? "/usr/bin/mknod")
        mknod.arguments = ["-m", "666", path, "c", "1", "3"]
        try mknod.run()
        mknod.waitUntilExit()
        #expect(mknod.terminationStatus == 0)
        #expect(kind(path) == S_IFCHR)
    }

    /// `check` of a plan file as JSON: a command that needs no database (exit 1 when it finds errors).
    func checkJSON(to path: String) async throws -> CommandLineRunner.Result {
        let result = try await CommandLineRunner.run(["check", Self.plan, "--format", "json", "-o", path])
        #expect(result.status == 0 || result.status == 1, "\(result)")
        #expect(!result.errors.contains("impossibile scrivere"), "\(result)")
        #expect(result.output.isEmpty, "\(result)")
        return result
    }

    @Test(.enabled(if: isRoot, "mknod vuole i permessi di root"))
    func aDeviceIsWrittenThroughAndStaysADevice() async throws {
        try await withFolder { folder in
            let device = folder.appendingPathComponent("null").path
            try await makeNullDevice(device)
            _ = try await checkJSON(to: device)
            #expect(kind(device) == S_IFCHR, "il dispositivo è stato sostituito")
            // Through a link, the same rule: the link and the device both stay.
            let link = folder.appendingPathComponent("verso-null").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "null")
            _ = try await checkJSON(to: link)
            #expect(kind(link) == S_IFLNK)
            #expect(kind(device) == S_IFCHR, "il dispositivo dietro al collegamento è stato sostituito")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["null", "verso-null"])
        }
    }

    @Test func aFIFOIsWrittenInPlaceForItsReader() async throws {
        try await withFolder { folder in
            let fifo = folder.appendingPathComponent("canale").path
            #expect(mkfifo(fifo, 0o600) == 0)
            let reader = try FIFOReader(path: fifo)
            _ = try await checkJSON(to: fifo)
            let received = reader.finish()
            #expect(kind(fifo) == S_IFIFO, "la FIFO è stata sostituita da un file")
            let json = try JSONSerialization.jsonObject(with: received) as? [[String: Any]]
            #expect(json?.first?["ente"] != nil, "ricevuto: \(String(decoding: received.prefix(200), as: UTF8.self))")
        }
    }

    @Test func aSymbolicLinkIsFollowedAndStaysALink() async throws {
        try await withFolder { folder in
            let target = folder.appendingPathComponent("rapporto.json")
            try Data("vecchio".utf8).write(to: target)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
            let link = folder.appendingPathComponent("ultimo.json").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "rapporto.json")
            _ = try await checkJSON(to: link)
            #expect(kind(link) == S_IFLNK, "il collegamento è stato sostituito da un file")
            #expect(kind(target.path) == S_IFREG)
            // Replaced, it keeps its permissions.
            #expect(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int == 0o600)
            let written = try String(contentsOf: target, encoding: .utf8)
            #expect(written.hasPrefix("["), "\(written.prefix(100))")
            // A link to a file not yet written: the file is made where the link leads.
            let dangling = folder.appendingPathComponent("nuovo.json").path
            try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "sotto/nuovo-rapporto.json")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("sotto"), withIntermediateDirectories: false)
            _ = try await checkJSON(to: dangling)
            #expect(kind(dangling) == S_IFLNK)
            #expect(kind(folder.appendingPathComponent("sotto/nuovo-rapporto.json").path) == S_IFREG)
            // No temporary file is left behind anywhere.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["nuovo.json", "rapporto.json", "sotto", "ultimo.json"])
        }
    }

    @Test func aFolderIsRefusedInItalian() async throws {
        try await withFolder { folder in
            let result = try await CommandLineRunner.run(["check", Self.plan, "--format", "json", "-o", folder.path])
            #expect(result.status != 0)
            #expect(result.errors.contains("è una cartella: indicare un file"), "\(result)")
            #expect(kind(folder.path) == S_IFDIR)
        }
    }

    /// Binary formats: `-o -` puts the file on standard output; `-o DEVICE` writes through.
    @Test func binaryFormatsGoToStandardOutputAndThroughDevices() async throws {
        try await withFolder { folder in
            let database = folder.appendingPathComponent("traguardo.sqlite").path
            let imported = try await CommandLineRunner.run(["import", "--database", database, Self.plan])
            #expect(imported.status == 0, "\(imported)")
            let scope = ["--database", database, "--entity", "lucca", "--year", "2018"]
            let zipSignature = "PK\u{03}\u{04}"
            for arguments in [
                ["report", "relazione"] + scope + ["--format", "xlsx"],
                ["report", "relazione"] + scope + ["--format", "docx"],
                ["export"] + scope + ["--format", "xlsx", "--period", "ANNO"],
            ] {
                let result = try await CommandLineRunner.run(arguments + ["-o", "-"])
                #expect(result.status == 0, "\(result)")
                #expect(result.output.hasPrefix(zipSignature), "\(arguments): \(result.output.prefix(40))")
                if Self.isRoot {
                    let device = folder.appendingPathComponent("null-\(arguments[0])-\(arguments[arguments.count - 1])").path
                    try await makeNullDevice(device)
                    let written = try await CommandLineRunner.run(arguments + ["-o", device])
                    #expect(written.status == 0, "\(written)")
                    #expect(kind(device) == S_IFCHR, "\(arguments): il dispositivo è stato sostituito")
                }
            }
            let missing = try await CommandLineRunner.run(["report", "relazione"] + scope + ["--format", "xlsx"])
            #expect(missing.status != 0)
            #expect(missing.errors.contains("-o - per l'uscita standard"), "\(missing)")
        }
    }
}

/// Reads a FIFO on a thread of its own while a command writes to it. The FIFO is opened for reading and
/// writing, so that opening never blocks and a FIFO replaced by a file ends the read instead of hanging.
private final class FIFOReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var stop = false
    private var stopped = false
    private let descriptor: Int32

    struct CannotOpen: Error {}

    init(path: String) throws {
        descriptor = open(path, O_RDWR | O_NONBLOCK)
        guard descriptor >= 0 else { throw CannotOpen() }
        Thread { [self] in run() }.start()
    }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                lock.withLock { data.append(contentsOf: buffer[..<count]) }
            } else if lock.withLock({ stop }) {
                break
            } else {
                usleep(1000)
            }
        }
        close(descriptor)
        lock.withLock { stopped = true }
    }

    /// Everything read, once what is left in the FIFO has been drained.
    func finish() -> Data {
        lock.withLock { stop = true }
        while !lock.withLock({ stopped }) { usleep(1000) }
        return lock.withLock { data }
    }
}
