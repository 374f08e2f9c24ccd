import Foundation
import TraguardoCore

/// Checked measurements waiting to be written: a temporary file of JSON lines, so that reading a million
/// rows (first, with every check) and writing them (afterwards, in one transaction, only if nothing was
/// wrong) never holds them all in memory.
///
/// The file's name is removed right after it is opened: only this process's open descriptor keeps it, so the
/// system frees its space when the process ends however it ends (even `kill -9`), and nothing is left behind
/// in the temporary folder. Used by one task at a time (filled, closed, then read back), hence `@unchecked Sendable`.
public final class MeasurementSpool: @unchecked Sendable {
    public private(set) var count = 0
    private var handle: FileHandle?
    private var buffer = Data()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// `folder`: where the (nameless) file lives; the system's temporary folder unless told otherwise.
    public init(folder: URL = FileManager.default.temporaryDirectory) throws {
        let url = folder.appendingPathComponent("traguardo-rilevazioni-\(UUID().uuidString).jsonl")
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw SheetProblems(problems: [SheetProblem(file: url.path, message: "impossibile creare il file temporaneo (\(reason))")], total: 1)
        }
        unlink(url.path)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Which Ente-year each measurement belongs to is kept with it.
    struct Line: Codable {
        var ente: String
        var anno: Int
        var m: TraguardoCore.Measurement
    }

    public func append(_ measurement: TraguardoCore.Measurement, entity: String, year: Int) throws {
        buffer.append(try encoder.encode(Line(ente: entity, anno: year, m: measurement)))
        buffer.append(0x0A)
        count += 1
        if buffer.count > 1 << 20 { try flush() }
    }

    private func flush() throws {
        try handle?.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes writing; then `forEachBatch` reads the lines back.
    public func close() throws {
        try flush()
    }

    /// The spooled measurements in batches of `size`, with their Ente and year, in the order they were added.
    public func forEachBatch(size: Int = 1000, _ body: ([(entity: String, year: Int, measurement: TraguardoCore.Measurement)]) async throws -> Void)
        async throws
    {
        guard let reader = handle else { return }
        try reader.seek(toOffset: 0)
        let decoder = JSONDecoder()
        var pending = Data()
        var batch: [(entity: String, year: Int, measurement: TraguardoCore.Measurement)] = []
        batch.reserveCapacity(size)
        while true {
            let chunk = try reader.read(upToCount: 1 << 20) ?? Data()
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                let line = try decoder.decode(Line.self, from: pending[start..<newline])
                start = pending.index(after: newline)
                batch.append((line.ente, line.anno, line.m))
                if batch.count == size {
                    try await body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            pending = Data(pending[start...])
            if chunk.isEmpty { break }
        }
        if !batch.isEmpty { try await body(batch) }
    }

    /// The spooled measurements in batches, each batch grouped by Ente and year (what the store writes in one
    /// call); `done` is told how many were passed so far, of `count`.
    public func forEachGroup(
        size: Int = 1000, _ body: (_ entity: String, _ year: Int, _ measurements: [TraguardoCore.Measurement]) async throws -> Void,
        done: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws {
        var passed = 0
        try await forEachBatch(size: size) { batch in
            var groups: [String: (entity: String, year: Int, measurements: [TraguardoCore.Measurement])] = [:]
            var order: [String] = []
            for line in batch {
                let key = "\(line.entity)/\(line.year)"
                if groups[key] == nil { order.append(key); groups[key] = (line.entity, line.year, []) }
                groups[key]?.measurements.append(line.measurement)
            }
            for key in order { if let group = groups[key] { try await body(group.entity, group.year, group.measurements) } }
            passed += batch.count
            done(passed, count)
        }
    }

    /// Frees the file now (it would be freed at exit anyway).
    public func discard() {
        try? handle?.close()
        handle = nil
    }
}
