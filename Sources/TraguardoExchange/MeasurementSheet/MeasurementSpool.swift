import Foundation
import TraguardoCore

/// Checked measurements waiting to be written: a temporary file of records (each measurement's typed fields,
/// `SpooledMeasurement`), so that reading a million rows (first, with every check) and writing them (afterwards,
/// in one transaction, only if nothing was wrong) never holds them all in memory.
///
/// The file's name is removed right after it is opened: only this process's open descriptor keeps it, so the
/// system frees its space when the process ends however it ends (even `kill -9`), and nothing is left behind
/// in the temporary folder. Used by one task at a time (filled, closed, then read back), hence `@unchecked Sendable`.
public final class MeasurementSpool: @unchecked Sendable {
    public private(set) var count = 0
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    /// The sheet, Ente and year of the last record written: a record names them only when they change.
    private var lastScope: (file: Int, entity: String, year: Int)?

    /// `folder`: where the (nameless) file lives; the system's temporary folder unless told otherwise.
    public init(folder: URL = FileManager.default.temporaryDirectory) throws {
        let url = folder.appendingPathComponent("traguardo-rilevazioni-\(UUID().uuidString).spool")
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw SheetProblems(problems: [SheetProblem(file: url.path, message: "impossibile creare il file temporaneo (\(reason))")], total: 1)
        }
        unlink(url.path)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        buffer.reserveCapacity(1 << 21)
    }

    /// A spooled measurement: the file it was read from (its index in the import's list), its Ente-year, and
    /// the measurement.
    public struct Entry: Sendable {
        public var file: Int
        public var entity: String
        public var year: Int
        public var measurement: TraguardoCore.Measurement
    }

    /// One record per measurement: its length (4 bytes), then 1 and the file's index, Ente and year when they
    /// differ from the previous record's (else 0), then the measurement's fields.
    public func append(_ measurement: TraguardoCore.Measurement, entity: String, year: Int, file: Int = 0) throws {
        let start = buffer.count
        // The buffer is moved into the writer and back (never shared: a shared one would be copied whole per row).
        var writer = SpoolWriter(out: [])
        swap(&writer.out, &buffer)
        writer.uint32(0)
        if let last = lastScope, last.file == file, last.year == year, last.entity == entity {
            writer.byte(0)
        } else {
            writer.byte(1)
            writer.int(file)
            writer.string(entity)
            writer.int(year)
            lastScope = (file, entity, year)
        }
        SpooledMeasurement.write(measurement, to: &writer)
        swap(&writer.out, &buffer)
        let length = UInt32(buffer.count - start - 4)
        for index in 0..<4 { buffer[start + index] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(index))) }
        count += 1
        if buffer.count > 1 << 20 { try flush() }
    }

    private func flush() throws {
        try handle?.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes writing; then `forEachBatch` reads the records back.
    public func close() throws {
        try flush()
    }

    /// The spooled measurements in batches of `size`, in the order they were added.
    public func forEachBatch(size: Int = 5000, _ body: ([Entry]) async throws -> Void) async throws {
        guard let reader = handle else { return }
        try reader.seek(toOffset: 0)
        var pending: [UInt8] = []
        var batch: [Entry] = []
        batch.reserveCapacity(size)
        var scope: (file: Int, entity: String, year: Int)?
        while true {
            let chunk = try reader.read(upToCount: 1 << 20) ?? Data()
            pending.append(contentsOf: chunk)
            // The whole records in `pending`, decoded; what remains is the start of the next one.
            let (entries, used) = try pending.withUnsafeBytes { bytes in
                var entries: [Entry] = []
                var offset = 0
                while bytes.count - offset >= 4 {
                    let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                    guard bytes.count - offset - 4 >= length else { break }
                    var record = SpoolReader(bytes: UnsafeRawBufferPointer(rebasing: bytes[offset + 4..<offset + 4 + length]))
                    entries.append(try Self.entry(&record, scope: &scope))
                    offset += 4 + length
                }
                return (entries, offset)
            }
            pending.removeFirst(used)
            for entry in entries {
                batch.append(entry)
                if batch.count == size {
                    try await body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if chunk.isEmpty { break }
        }
        guard pending.isEmpty else { throw Self.unreadable }
        if !batch.isEmpty { try await body(batch) }
    }

    /// The spooled measurements in batches, each cut into runs of one file (a sheet is one Ente-year), in their
    /// order: what the store writes in one call, with the file the registro names; `done` is told how many were
    /// passed so far, of `count`.
    public func forEachGroup(
        size: Int = 5000,
        _ body: (_ entity: String, _ year: Int, _ file: Int, _ measurements: [TraguardoCore.Measurement]) async throws -> Void,
        done: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws {
        var passed = 0
        try await forEachBatch(size: size) { batch in
            var start = 0
            while start < batch.count {
                var end = start + 1
                while end < batch.count, batch[end].file == batch[start].file { end += 1 }
                let first = batch[start]
                try await body(first.entity, first.year, first.file, batch[start..<end].map(\.measurement))
                start = end
            }
            passed += batch.count
            done(passed, count)
        }
    }

    private static let unreadable = SheetProblems(problems: [SheetProblem(file: "file temporaneo", message: "riga illeggibile")], total: 1)

    private static func entry(_ record: inout SpoolReader, scope: inout (file: Int, entity: String, year: Int)?) throws -> Entry {
        switch record.byte() {
        case 0: break
        case 1:
            guard let file = record.int(), let entity = record.string(), let year = record.int() else { throw unreadable }
            scope = (file, entity, year)
        default: throw unreadable
        }
        guard let scope, let measurement = SpooledMeasurement.read(&record), record.remaining == 0 else { throw unreadable }
        return Entry(file: scope.file, entity: scope.entity, year: scope.year, measurement: measurement)
    }

    /// Frees the file now (it would be freed at exit anyway).
    public func discard() {
        try? handle?.close()
        handle = nil
    }
}
