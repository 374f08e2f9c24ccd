import Foundation
import PostgresNIO
import SQLKit

/// Many rows at once into one table: `COPY … FROM STDIN` on PostgreSQL (the connection of the current
/// transaction, which `PostgresBackend` makes known to the task), nil elsewhere so that the caller inserts
/// in large multi-row statements. A million-row import is thousands of statements otherwise.
enum BulkCopy {
    @TaskLocal static var connection: PostgresConnection?

    /// Below this many rows a multi-row INSERT is as quick.
    static let threshold = 200

    /// Copies `rows` (one value per column, nil for NULL) into `table`; false when no COPY is possible here.
    static func copy(into table: String, columns: [String], count: Int, rows: @autoclosure () -> [[String?]]) async throws -> Bool {
        guard let connection, count >= threshold else { return false }
        let rows = rows()
        try await connection.copyFrom(
            table: table, columns: columns, format: .text(.init()), logger: Logger(label: "traguardo.copy")
        ) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            for row in rows {
                for (index, value) in row.enumerated() {
                    if index > 0 { buffer.writeInteger(UInt8(0x09)) }
                    if let value { escape(value, into: &buffer) } else { buffer.writeString("\\N") }
                }
                buffer.writeInteger(UInt8(0x0A))
                if buffer.readableBytes > 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
        return true
    }

    /// COPY's text format: backslash, tab, newline and carriage return escaped. Most values have none of them and
    /// are written whole (byte by byte, the writes into the buffer were 11% of an import's CPU).
    static func escape(_ text: String, into buffer: inout ByteBuffer) {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscape) else {
            buffer.writeString(text)
            return
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + 8)
        for byte in utf8 {
            switch byte {
            case 0x5C: escaped.append(0x5C); escaped.append(0x5C)
            case 0x09: escaped.append(0x5C); escaped.append(UInt8(ascii: "t"))
            case 0x0A: escaped.append(0x5C); escaped.append(UInt8(ascii: "n"))
            case 0x0D: escaped.append(0x5C); escaped.append(UInt8(ascii: "r"))
            default: escaped.append(byte)
            }
        }
        buffer.writeBytes(escaped)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x5C || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
