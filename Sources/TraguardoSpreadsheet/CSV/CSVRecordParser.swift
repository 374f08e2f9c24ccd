/// The CSV state machine: bytes in (in chunks of any size), records out. Quoted fields may hold the
/// separator, doubled quotes and line ends; CRLF, LF and CR all end a record. Like Excel it is lenient
/// with a quote inside an unquoted field (kept as it is) and with text after a closing quote (appended).
struct CSVRecordParser {
    struct Record {
        /// 1-based record number (what a spreadsheet program shows as the row).
        var number: Int
        /// The line of the file where the record starts (differs when earlier fields hold line ends).
        var line: Int
        var fields: [[UInt8]]
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    let separator: UInt8
    var completed: [Record] = []

    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [[UInt8]] = []
    private var recordNumber = 0
    private var line = 1
    private var recordLine = 1
    private var pendingCR = false
    private var recordOpen = false

    init(separator: UInt8) {
        self.separator = separator
    }

    /// The number the record being read will have, for errors.
    var currentRecordNumber: Int { recordNumber + 1 }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        for byte in bytes {
            if pendingCR {
                pendingCR = false
                if byte == lf { continue }  // the LF of a CRLF already counted
            }
            if !recordOpen {
                recordOpen = true
                recordLine = line
            }
            switch state {
            case .fieldStart:
                if byte == quote {
                    state = .quoted
                } else if byte == separator {
                    endField()
                } else if byte == cr || byte == lf {
                    endRecord(newline: byte)
                } else {
                    field.append(byte)
                    state = .unquoted
                }
            case .unquoted:
                if byte == separator {
                    endField()
                } else if byte == cr || byte == lf {
                    endRecord(newline: byte)
                } else {
                    field.append(byte)
                }
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else {
                    if byte == lf || byte == cr { line += 1 }
                    // A CRLF inside a quoted field counts as one line end.
                    if byte == lf, field.last == cr { line -= 1 }
                    field.append(byte)
                }
            case .quoteInQuoted:
                if byte == quote {
                    field.append(quote)
                    state = .quoted
                } else if byte == separator {
                    endField()
                } else if byte == cr || byte == lf {
                    endRecord(newline: byte)
                } else {
                    field.append(byte)
                    state = .unquoted
                }
            }
        }
    }

    /// The input is over. Returns false when a quoted field was never closed.
    mutating func finish() -> Bool {
        if state == .quoted { return false }
        if recordOpen { endRecord(newline: nil) }
        return true
    }

    private mutating func endField() {
        fields.append(field)
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    private mutating func endRecord(newline: UInt8?) {
        endField()
        recordNumber += 1
        completed.append(Record(number: recordNumber, line: recordLine, fields: fields))
        fields.removeAll(keepingCapacity: true)
        recordOpen = false
        if let newline {
            line += 1
            pendingCR = newline == UInt8(ascii: "\r")
        }
    }
}
