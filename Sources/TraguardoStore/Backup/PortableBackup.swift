import Foundation

/// Traguardo's own backup format, the same for SQLite and PostgreSQL (a backup of one restores into the other):
/// JSON lines, UTF-8. The first line says the format and the schema version; then, for each table, a line
/// naming it with its columns and their kinds, followed by one JSON array per row (bytes in base64); the last
/// line counts the rows, so that a truncated file is refused.
///
/// ```
/// {"created":"2026-12-06T10:00:00.000Z","format":"traguardo-backup/1","schema":9,"source":"postgres"}
/// {"columns":["code","data"],"kinds":["text","text"],"table":"entities"}
/// ["lucca","{…}"]
/// {"end":true,"rows":1234}
/// ```
enum PortableBackup {
    static let format = "traguardo-backup/1"

    struct Header: Codable {
        var format: String
        var schema: Int
        var source: String
        var created: String
    }

    struct TableStart: Codable {
        var table: String
        var columns: [String]
        var kinds: [ColumnKind]
    }

    struct End: Codable {
        var end: Bool
        var rows: Int
    }

    /// True when the file starts like a portable backup.
    static func looksPortable(_ head: Data) -> Bool {
        head.first == UInt8(ascii: "{")
    }
}

/// Writes a portable backup through a buffer.
final class PortableBackupWriter: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer = Data()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    private(set) var rows = 0

    init(creating url: URL, header: PortableBackup.Header) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        try line(encoder.encode(header))
    }

    func startTable(_ table: CatalogTable) throws {
        try line(encoder.encode(PortableBackup.TableStart(table: table.name, columns: table.columns, kinds: table.kinds)))
    }

    func row(_ values: [BackupValue]) throws {
        try line(JSONSerialization.data(withJSONObject: values.map(\.json), options: [.withoutEscapingSlashes]))
        rows += 1
    }

    func finish() throws {
        try line(encoder.encode(PortableBackup.End(end: true, rows: rows)))
        try handle.write(contentsOf: buffer)
        buffer.removeAll()
        try handle.synchronize()
        try handle.close()
    }

    func abandon() {
        try? handle.close()
    }

    private func line(_ data: Data) throws {
        buffer.append(data)
        buffer.append(0x0A)
        if buffer.count > 1 << 20 {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}

/// Reads a portable backup line by line, never whole.
struct PortableBackupReader: Sendable {
    let url: URL

    private func invalid(_ line: Int?, _ reason: String) -> StoreError {
        .invalidBackup(path: url.path, line: line, reason: reason)
    }

    /// The first line.
    func header() throws(StoreError) -> PortableBackup.Header {
        let first: Data?
        do {
            var reader = try LineReader(url: url)
            defer { reader.close() }
            first = try reader.next(maximum: 1)?.first.map { $0.1 }
        } catch {
            throw invalid(nil, "il file non si può leggere (\(error.localizedDescription))")
        }
        guard let first, let found = try? JSONDecoder().decode(PortableBackup.Header.self, from: first),
            found.format == PortableBackup.format
        else {
            throw invalid(1, "manca l'intestazione «\(PortableBackup.format)»")
        }
        return found
    }

    /// Every table with its rows in batches of up to `batch`, checked against the closing count.
    func read(batch: Int = 500, _ visit: (PortableBackup.TableStart, [[BackupValue]]) async throws -> Void) async throws {
        var table: PortableBackup.TableStart?
        var pending: [[BackupValue]] = []
        var rows = 0
        var ended = false
        let decoder = JSONDecoder()
        var reader: LineReader
        do { reader = try LineReader(url: url) } catch { throw invalid(nil, "il file non si può leggere (\(error.localizedDescription))") }
        defer { reader.close() }
        while let lines = try reader.next(maximum: 1000), !lines.isEmpty {
            for (number, data) in lines {
                if number == 1 { continue }
                if ended { throw invalid(number, "righe dopo la riga finale") }
                if data.first == UInt8(ascii: "[") {
                    guard let table else { throw invalid(number, "una riga di dati prima del nome della tabella") }
                    guard let array = try? JSONSerialization.jsonObject(with: data) as? [Any], array.count == table.columns.count else {
                        throw invalid(number, "attesa una riga di \(table.columns.count) valori della tabella «\(table.table)»")
                    }
                    var values: [BackupValue] = []
                    values.reserveCapacity(array.count)
                    for (index, item) in array.enumerated() {
                        guard let value = BackupValue(json: item, kind: table.kinds[index]) else {
                            throw invalid(number, "la colonna «\(table.columns[index])» di «\(table.table)» non contiene un valore \(table.kinds[index].rawValue)")
                        }
                        values.append(value)
                    }
                    pending.append(values)
                    rows += 1
                    if pending.count >= batch {
                        try await visit(table, pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                } else if let start = try? decoder.decode(PortableBackup.TableStart.self, from: data) {
                    if let table, !pending.isEmpty { try await visit(table, pending) }
                    pending.removeAll()
                    guard start.columns.count == start.kinds.count, !start.columns.isEmpty else {
                        throw invalid(number, "la tabella «\(start.table)» ha colonne e tipi in numero diverso")
                    }
                    table = start
                    try await visit(start, [])
                } else if let end = try? decoder.decode(PortableBackup.End.self, from: data) {
                    if let table, !pending.isEmpty { try await visit(table, pending) }
                    pending.removeAll()
                    guard end.rows == rows else { throw invalid(number, "la riga finale conta \(end.rows) righe, il file ne contiene \(rows)") }
                    ended = true
                } else {
                    throw invalid(number, "riga non riconosciuta")
                }
            }
        }
        guard ended else { throw invalid(nil, "il file è incompleto (manca la riga finale): forse il backup è stato interrotto") }
    }
}

/// The lines of a file, a few at a time.
struct LineReader {
    private let handle: FileHandle
    private var pending = Data()
    private var start = 0
    private var number = 0
    private var atEnd = false

    init(url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
    }

    /// Up to `maximum` non-empty lines with their numbers (from 1); empty at the end of the file.
    mutating func next(maximum: Int) throws -> [(Int, Data)]? {
        var lines: [(Int, Data)] = []
        while lines.count < maximum {
            if let newline = pending[start...].firstIndex(of: 0x0A) {
                number += 1
                if newline > start { lines.append((number, Data(pending[start..<newline]))) }
                start = newline + 1
                continue
            }
            if atEnd {
                if start < pending.endIndex {
                    number += 1
                    lines.append((number, Data(pending[start...])))
                    start = pending.endIndex
                }
                break
            }
            pending = Data(pending[start...])
            start = 0
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { atEnd = true } else { pending.append(chunk) }
        }
        return lines
    }

    func close() {
        try? handle.close()
    }
}
