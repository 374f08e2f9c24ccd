import Foundation
import TraguardoCore

/// Checked measurements waiting to be written: a temporary file of lines (each measurement as its stored JSON), so that reading a million
/// rows (first, with every check) and writing them (afterwards, in one transaction, only if nothing was
/// wrong) never holds them all in memory.
///
/// The file's name is removed right after it is opened: only this process's open descriptor keeps it, so the
/// system frees its space when the process ends however it ends (even `kill -9`), and nothing is left behind
/// in the temporary folder. Used by one task at a time (filled, closed, then read back), hence `@unchecked Sendable`.
public final class MeasurementSpool: @unchecked Sendable {
    public private(set) var count = 0
    private var handle: FileHandle?
    private var buffer: [UInt8] = []

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
        buffer.reserveCapacity(1 << 21)
    }

    /// A spooled measurement: the file it was read from (its index in the import's list), its Ente-year, and
    /// the measurement as the store writes it.
    public struct Entry: Sendable {
        public var file: Int
        public var entity: String
        public var year: Int
        public var measurement: EncodedMeasurement
    }

    /// One line per measurement: `file \t "ente" \t anno \t "id" \t "item" \t "periodo" \t {json}`. The
    /// strings are JSON strings, so no tab or newline is ever inside a field; the measurement is encoded once,
    /// here, and written to the database as it is.
    public func append(_ measurement: TraguardoCore.Measurement, entity: String, year: Int, file: Int = 0) throws {
        func field(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            buffer.append(0x09)
        }
        field(String(file))
        field(MeasurementJSON.string(entity))
        field(String(year))
        field(MeasurementJSON.string(measurement.id))
        field(MeasurementJSON.string(measurement.itemID))
        field(MeasurementJSON.string(measurement.periodID))
        buffer.append(contentsOf: MeasurementJSON.encode(measurement).utf8)
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

    /// The spooled measurements in batches of `size`, in the order they were added.
    public func forEachBatch(size: Int = 5000, _ body: ([Entry]) async throws -> Void) async throws {
        guard let reader = handle else { return }
        try reader.seek(toOffset: 0)
        var pending: [UInt8] = []
        var batch: [Entry] = []
        batch.reserveCapacity(size)
        while true {
            let chunk = try reader.read(upToCount: 1 << 20) ?? Data()
            pending.append(contentsOf: chunk)
            var start = 0
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                batch.append(try Self.entry(pending[start..<newline]))
                start = newline + 1
                if batch.count == size {
                    try await body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            pending.removeFirst(start)
            if chunk.isEmpty { break }
        }
        if !batch.isEmpty { try await body(batch) }
    }

    /// The spooled measurements in batches, each cut into runs of one file (a sheet is one Ente-year), in their
    /// order: what the store writes in one call, with the file the registro names; `done` is told how many were
    /// passed so far, of `count`.
    public func forEachGroup(
        size: Int = 5000,
        _ body: (_ entity: String, _ year: Int, _ file: Int, _ measurements: [EncodedMeasurement]) async throws -> Void,
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

    static func entry(_ line: ArraySlice<UInt8>) throws -> Entry {
        let fields = line.split(separator: 0x09, maxSplits: 6, omittingEmptySubsequences: false)
        guard fields.count == 7, let file = Int(String(decoding: fields[0], as: UTF8.self)),
              let year = Int(String(decoding: fields[2], as: UTF8.self)) else {
            throw SheetProblems(problems: [SheetProblem(file: "file temporaneo", message: "riga illeggibile")], total: 1)
        }
        func string(_ bytes: ArraySlice<UInt8>) throws -> String {
            guard bytes.count >= 2 else { throw SheetProblems(problems: [SheetProblem(file: "file temporaneo", message: "riga illeggibile")], total: 1) }
            if !bytes.contains(UInt8(ascii: "\\")) { return String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self) }
            return try JSONDecoder().decode(String.self, from: Data(bytes))
        }
        return Entry(
            file: file, entity: try string(fields[1]), year: year,
            measurement: EncodedMeasurement(id: try string(fields[3]), itemID: try string(fields[4]), periodID: try string(fields[5]),
                                            json: String(decoding: fields[6], as: UTF8.self)))
    }

    /// Frees the file now (it would be freed at exit anyway).
    public func discard() {
        try? handle?.close()
        handle = nil
    }
}
