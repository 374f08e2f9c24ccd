import Foundation

/// Reads a CSV file as it streams from disk. The separator (`;`, `,` or tab) is the one found most often
/// in the first line outside quotes (`;` on a tie or when there is none); a UTF-8 BOM is skipped; every
/// field must be UTF-8. Fields come back as `.text`, empty fields as `.empty`; trailing empty fields of a
/// record are dropped, so a blank line is a row without cells.
public struct CSVReader: Sendable {
    public let url: URL
    public let separator: Character

    private let fileName: String
    /// Bytes read from the file at a time.
    static let chunkSize = 64 * 1024

    public init(url: URL) throws(SpreadsheetError) {
        let fileName = url.lastPathComponent
        let sample = try Self.readSample(url, fileName: fileName)
        self.init(url: url, separator: Self.detectSeparator(in: sample), fileName: fileName)
    }

    /// Reads with a separator chosen by the caller instead of detecting it.
    public init(url: URL, separator: Character) throws(SpreadsheetError) {
        let fileName = url.lastPathComponent
        guard let ascii = separator.asciiValue, ascii != UInt8(ascii: "\""), ascii != 0x0A, ascii != 0x0D else {
            throw SpreadsheetError(file: fileName, message: "separatore «\(separator)» non utilizzabile")
        }
        _ = try Self.readSample(url, fileName: fileName)
        self.init(url: url, separator: separator, fileName: fileName)
    }

    private init(url: URL, separator: Character, fileName: String) {
        self.url = url
        self.separator = separator
        self.fileName = fileName
    }

    /// Calls `body` with each record in file order. Errors thrown by `body` are rethrown as they are.
    public func forEachRow(_ body: (SpreadsheetRow) throws -> Void) throws {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw SpreadsheetError(file: fileName, message: "il file non si può leggere")
        }
        defer { try? handle.close() }
        var parser = CSVRecordParser(separator: separator.asciiValue ?? UInt8(ascii: ";"))
        func deliver(_ record: CSVRecordParser.Record) throws { try body(row(record)) }
        var first = true
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
            } catch {
                throw SpreadsheetError(file: fileName, message: "lettura interrotta (\(error.localizedDescription))")
            }
            if chunk.isEmpty { break }
            let skip = first && chunk.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            first = false
            try chunk.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                try parser.feed(UnsafeBufferPointer(rebasing: bytes[skip...]), deliver)
            }
        }
        let unclosed = parser.currentRecordNumber
        guard try parser.finish(deliver) else {
            throw SpreadsheetError(file: fileName, row: unclosed, message: "virgolette aperte e mai chiuse fino alla fine del file")
        }
    }

    /// Reads the whole file into memory (convenient for small files).
    public func rows() throws -> [SpreadsheetRow] {
        var rows: [SpreadsheetRow] = []
        try forEachRow { rows.append($0) }
        return rows
    }

    /// The record's fields as cells, each checked to be UTF-8; trailing empty fields dropped.
    private func row(_ record: CSVRecordParser.Record) throws(SpreadsheetError) -> SpreadsheetRow {
        var used = record.fieldEnds.count
        while used > 0, record.fieldEnds[used - 1] == (used > 1 ? record.fieldEnds[used - 2] : 0) { used -= 1 }
        var cells: [SpreadsheetCell] = []
        cells.reserveCapacity(used)
        let valid = record.bytes.withUnsafeBufferPointer { all in
            var start = 0
            for end in record.fieldEnds.prefix(used) {
                defer { start = end }
                if start == end {
                    cells.append(.empty)
                    continue
                }
                guard let text = String(validating: UnsafeBufferPointer(rebasing: all[start..<end]), as: UTF8.self) else { return false }
                cells.append(.text(text))
            }
            return true
        }
        guard valid else {
            let where_ = record.line == record.number ? "" : " (riga \(record.line) del file di testo)"
            throw SpreadsheetError(
                file: fileName, row: record.number, message: "testo non UTF-8\(where_): salvare il file con codifica UTF-8")
        }
        return SpreadsheetRow(number: record.number, cells: cells)
    }

    // MARK: Opening

    private static func readSample(_ url: URL, fileName: String) throws(SpreadsheetError) -> [UInt8] {
        let handle = try ReadableFile.open(url, fileName: fileName)
        defer { try? handle.close() }
        var sample = [UInt8]((try? handle.read(upToCount: chunkSize)) ?? Data())
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            throw SpreadsheetError(file: fileName, message: "il file è in UTF-16: salvarlo come CSV UTF-8")
        }
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { sample.removeFirst(3) }
        if sample.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw SpreadsheetError(file: fileName, message: "non è un file CSV: sembra un archivio ZIP (forse un file .xlsx)")
        }
        return sample
    }

    /// The separator met most often in the first line, outside quotes.
    static func detectSeparator(in sample: [UInt8]) -> Character {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: ","): 0, 0x09: 0]
        var inQuotes = false
        for byte in sample {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == 0x0A || byte == 0x0D { break }
                if counts[byte] != nil { counts[byte]! += 1 }
            }
        }
        let semicolons = counts[UInt8(ascii: ";")]!, commas = counts[UInt8(ascii: ",")]!, tabs = counts[0x09]!
        if tabs > semicolons && tabs > commas { return "\t" }
        if commas > semicolons { return "," }
        return ";"
    }
}
