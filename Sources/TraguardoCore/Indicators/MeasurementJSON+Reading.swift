import Foundation

extension MeasurementJSON {
    /// Reads the JSON of a measurement, by hand (Foundation's decoder was nearly half the time of loading an
    /// Ente-year); nil when the text is not a measurement this reader knows, and the caller uses `JSONDecoder`.
    public static func decode(_ text: String) -> Measurement? {
        var parser = JSONParser(bytes: Array(text.utf8))
        guard case .object(let fields)? = parser.document() else { return nil }
        var m = Measurement(id: "", itemID: "", periodID: "")
        var has = (id: false, item: false, period: false, deviation: false, evidence: false)
        for (key, value) in fields {
            switch (key, value) {
            case ("id", .string(let s)): m.id = s; has.id = true
            case ("itemID", .string(let s)): m.itemID = s; has.item = true
            case ("periodID", .string(let s)): m.periodID = s; has.period = true
            case ("justifiedDeviation", .bool(let b)): m.justifiedDeviation = b; has.deviation = true
            case ("evidence", .array(let items)):
                var evidence: [String] = []
                for item in items {
                    guard case .string(let s) = item else { return nil }
                    evidence.append(s)
                }
                m.evidence = evidence
                has.evidence = true
            case ("value", .number(let n)): guard let d = decimal(n) else { return nil }; m.value = d
            case ("numerator", .number(let n)): guard let d = decimal(n) else { return nil }; m.numerator = d
            case ("denominator", .number(let n)): guard let d = decimal(n) else { return nil }; m.denominator = d
            case ("date", .string(let s)): guard let date = CivilDate(iso: s) else { return nil }; m.date = date
            case ("done", .bool(let b)): m.done = b
            case ("text", .string(let s)): m.text = s
            case ("notComputableReason", .string(let s)): m.notComputableReason = s
            case ("justificationNote", .string(let s)): m.justificationNote = s
            case ("narrative", .string(let s)): m.narrative = s
            case ("author", .string(let s)): m.author = s
            case ("recordedAt", .number(let n)):
                guard let seconds = Double(n) else { return nil }
                m.recordedAt = Date(timeIntervalSinceReferenceDate: seconds)
            case ("provenance", .object(let inner)):
                var source: String?
                var lines: String?
                for (k, v) in inner {
                    switch (k, v) {
                    case ("source", .string(let s)): source = s
                    case ("lines", .string(let s)): lines = s
                    case ("lines", .null): break
                    default: return nil
                    }
                }
                guard let source else { return nil }
                m.provenance = Provenance(source: source, lines: lines)
            case (_, .null): continue
            default: return nil // override, series, or anything unexpected: the full decoder reads it
            }
        }
        guard has.id, has.item, has.period, has.deviation, has.evidence else { return nil }
        return m
    }

    static func decimal(_ text: String) -> Decimal? {
        Decimal(string: text, locale: posix)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")
}

/// A small strict JSON reader for records: objects, arrays, strings, numbers (kept as text, so decimals stay
/// exact), true, false, null.
struct JSONParser {
    enum Value {
        case object([(String, Value)])
        case array([Value])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() -> Value? {
        guard let value = value() else { return nil }
        skipSpace()
        return i == bytes.count ? value : nil
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func value(depth: Int = 0) -> Value? {
        guard depth < 32 else { return nil }
        skipSpace()
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var fields: [(String, Value)] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let v = value(depth: depth + 1) else { return nil }
                fields.append((key, v))
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
                return nil
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [Value] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                guard let v = value(depth: depth + 1) else { return nil }
                items.append(v)
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                return nil
            }
        case UInt8(ascii: "\""):
            return string().map(Value.string)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default:
            let start = i
            while i < bytes.count, (bytes[i] >= 0x30 && bytes[i] <= 0x39) || [0x2D, 0x2B, 0x2E, 0x65, 0x45].contains(bytes[i]) { i += 1 }
            guard i > start else { return nil }
            return .number(String(decoding: bytes[start..<i], as: UTF8.self))
        }
    }

    private mutating func literal(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { return false }
        i += w.count
        return true
    }

    private mutating func string() -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        var plain = true
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                if plain {
                    let s = String(decoding: bytes[start..<i], as: UTF8.self)
                    i += 1
                    return s
                }
                break
            }
            if b == UInt8(ascii: "\\") { plain = false; i += 2; continue }
            if b < 0x20 { return nil }
            i += 1
        }
        // With escapes: decode them.
        i = start
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if b == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { return nil }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { return nil }
                        i += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: return nil
                }
                continue
            }
            out.append(b)
            i += 1
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else { return nil }
        i += 4
        return v
    }
}
