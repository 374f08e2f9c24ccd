/// The CSV state machine: bytes in (in chunks of any size), records out. Quoted fields may hold the
/// separator, doubled quotes and line ends; CRLF, LF and CR all end a record. Like Excel it is lenient
/// with a quote inside an unquoted field (kept as it is) and with text after a closing quote (appended).
///
/// It works on bytes: the bytes of a record's fields are copied once, one after the other, into one buffer
/// reused from record to record (no array per field), and the runs of plain bytes between separators,
/// quotes and line ends are copied in one go.
struct CSVRecordParser {
    /// One record as read: valid only during the call that receives it (its buffers are reused).
    struct Record {
        /// 1-based record number (what a spreadsheet program shows as the row).
        var number = 0
        /// The line of the file where the record starts (differs when earlier fields hold line ends).
        var line = 1
        /// The fields' bytes one after the other, quotes undone.
        var bytes: [UInt8] = []
        /// Where each field ends in `bytes`: field `i` is `bytes[fieldEnds[i - 1]..<fieldEnds[i]]` (from 0 for the first).
        var fieldEnds: [Int] = []
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    let separator: UInt8

    private var state = State.fieldStart
    private var record = Record()
    private var recordNumber = 0
    private var line = 1
    private var pendingCR = false
    private var recordOpen = false
    /// The last byte added to the quoted field being read was a CR (a CRLF inside quotes is one line end).
    private var quotedAfterCR = false

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    init(separator: UInt8) {
        self.separator = separator
        record.bytes.reserveCapacity(1024)
        record.fieldEnds.reserveCapacity(16)
    }

    /// The number the record being read will have, for errors.
    var currentRecordNumber: Int { recordNumber + 1 }

    /// Reads `input`, calling `body` with each record it completes. Errors thrown by `body` are rethrown
    /// (the parser is then not to be fed again).
    mutating func feed(_ input: UnsafeBufferPointer<UInt8>, _ body: (Record) throws -> Void) rethrows {
        let quote = Self.quote, cr = Self.cr, lf = Self.lf, separator = separator
        let count = input.count
        var i = 0
        while i < count {
            if pendingCR {
                pendingCR = false
                if input[i] == lf {  // the LF of a CRLF already counted
                    i += 1
                    continue
                }
            }
            if !recordOpen {
                recordOpen = true
                record.line = line
            }
            switch state {
            case .fieldStart, .unquoted:
                if state == .fieldStart && input[i] == quote {
                    state = .quoted
                    quotedAfterCR = false
                    i += 1
                    continue
                }
                // A run of plain bytes (a quote here is plain: the field did not start with one).
                let start = i
                while i < count {
                    let byte = input[i]
                    if byte == separator || byte == cr || byte == lf { break }
                    i += 1
                }
                if i > start {
                    record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<i]))
                    state = .unquoted
                }
                if i < count {
                    let byte = input[i]
                    i += 1
                    if byte == separator { endField() } else { try endRecord(newline: byte, body) }
                }
            case .quoted:
                let start = i
                while i < count {
                    let byte = input[i]
                    if byte == quote { break }
                    if byte == cr {
                        line += 1
                        quotedAfterCR = true
                    } else {
                        if byte == lf && !quotedAfterCR { line += 1 }
                        quotedAfterCR = false
                    }
                    i += 1
                }
                if i > start { record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<i])) }
                if i < count {
                    state = .quoteInQuoted
                    i += 1
                }
            case .quoteInQuoted:
                let byte = input[i]
                i += 1
                if byte == quote {
                    record.bytes.append(quote)
                    quotedAfterCR = false
                    state = .quoted
                } else if byte == separator {
                    endField()
                } else if byte == cr || byte == lf {
                    try endRecord(newline: byte, body)
                } else {
                    record.bytes.append(byte)
                    state = .unquoted
                }
            }
        }
    }

    /// The input is over: passes the last record to `body`. Returns false when a quoted field was never closed.
    mutating func finish(_ body: (Record) throws -> Void) rethrows -> Bool {
        if state == .quoted { return false }
        if recordOpen { try endRecord(newline: nil, body) }
        return true
    }

    private mutating func endField() {
        record.fieldEnds.append(record.bytes.count)
        state = .fieldStart
    }

    private mutating func endRecord(newline: UInt8?, _ body: (Record) throws -> Void) rethrows {
        endField()
        recordNumber += 1
        record.number = recordNumber
        recordOpen = false
        if let newline {
            line += 1
            pendingCR = newline == Self.cr
        }
        try body(record)
        record.bytes.removeAll(keepingCapacity: true)
        record.fieldEnds.removeAll(keepingCapacity: true)
    }
}
