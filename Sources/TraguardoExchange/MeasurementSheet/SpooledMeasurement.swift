import Foundation
import TraguardoCore

/// A measurement as the bytes of one record of the `MeasurementSpool`: every field in a fixed order, typed
/// (lengths and counts as little-endian integers, texts as their UTF-8 bytes, decimals as the bytes of their
/// `Decimal`, the time as the bits of its `Double`), so that what is read back equals what was written, with no
/// text to format or parse on the way (the spool was JSON lines: their encoding and decoding were a fifth of an
/// import's time).
enum SpooledMeasurement {
    /// Appends the measurement's fields to the writer's bytes.
    static func write(_ m: TraguardoCore.Measurement, to w: inout SpoolWriter) {
        w.string(m.id)
        w.string(m.itemID)
        w.string(m.periodID)
        w.decimal(m.value)
        if let date = m.date {
            w.byte(1)
            w.int(date.year)
            w.byte(UInt8(truncatingIfNeeded: date.month))
            w.byte(UInt8(truncatingIfNeeded: date.day))
        } else {
            w.byte(0)
        }
        w.byte(m.done.map { $0 ? 2 : 1 } ?? 0)
        w.decimal(m.numerator)
        w.decimal(m.denominator)
        w.string(m.text)
        w.string(m.notComputableReason)
        w.byte(m.justifiedDeviation ? 1 : 0)
        w.string(m.justificationNote)
        if let override = m.override {
            w.byte(1)
            w.decimal(override.score)
            w.string(override.reason)
            w.string(override.approvedBy)
        } else {
            w.byte(0)
        }
        w.string(m.narrative)
        w.int(m.evidence.count)
        for item in m.evidence { w.string(item) }
        w.string(m.author)
        if let date = m.recordedAt {
            w.byte(1)
            w.uint64(date.timeIntervalSinceReferenceDate.bitPattern)
        } else {
            w.byte(0)
        }
        if let provenance = m.provenance {
            w.byte(1)
            w.string(provenance.source)
            w.string(provenance.lines)
        } else {
            w.byte(0)
        }
        if let series = m.series {
            w.byte(1)
            w.int(series.count)
            for entry in series {
                w.int(entry.year)
                w.decimal(entry.value)
            }
        } else {
            w.byte(0)
        }
    }

    /// Reads the measurement written by `write` from `reader`; nil when the bytes are not one (a damaged file).
    static func read(_ r: inout SpoolReader) -> TraguardoCore.Measurement? {
        guard let id = r.string(), let itemID = r.string(), let periodID = r.string() else { return nil }
        var m = TraguardoCore.Measurement(id: id, itemID: itemID, periodID: periodID)
        guard let value = r.optionalDecimal() else { return nil }
        m.value = value
        switch r.byte() {
        case 0: break
        case 1:
            guard let year = r.int(), let month = r.byte(), let day = r.byte() else { return nil }
            m.date = CivilDate(year: year, month: Int(month), day: Int(day))
        default: return nil
        }
        switch r.byte() {
        case 0: m.done = nil
        case 1: m.done = false
        case 2: m.done = true
        default: return nil
        }
        guard let numerator = r.optionalDecimal(), let denominator = r.optionalDecimal(),
              let text = r.optionalString(), let reason = r.optionalString(), let deviation = r.byte(), deviation <= 1,
              let note = r.optionalString() else { return nil }
        m.numerator = numerator
        m.denominator = denominator
        m.text = text
        m.notComputableReason = reason
        m.justifiedDeviation = deviation == 1
        m.justificationNote = note
        switch r.byte() {
        case 0: break
        case 1:
            guard let score = r.decimal(), let why = r.string(), let approvedBy = r.string() else { return nil }
            m.override = ScoreOverride(score: score, reason: why, approvedBy: approvedBy)
        default: return nil
        }
        guard let narrative = r.optionalString(), let count = r.int(), count >= 0, count <= r.remaining else { return nil }
        m.narrative = narrative
        for _ in 0..<count {
            guard let item = r.string() else { return nil }
            m.evidence.append(item)
        }
        guard let author = r.optionalString() else { return nil }
        m.author = author
        switch r.byte() {
        case 0: break
        case 1:
            guard let bits = r.uint64() else { return nil }
            m.recordedAt = Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits))
        default: return nil
        }
        switch r.byte() {
        case 0: break
        case 1:
            guard let source = r.string(), let lines = r.optionalString() else { return nil }
            m.provenance = Provenance(source: source, lines: lines)
        default: return nil
        }
        switch r.byte() {
        case 0: break
        case 1:
            guard let count = r.int(), count >= 0, count <= r.remaining else { return nil }
            var series: [YearValue] = []
            series.reserveCapacity(count)
            for _ in 0..<count {
                guard let year = r.int(), let value = r.decimal() else { return nil }
                series.append(YearValue(year: year, value: value))
            }
            m.series = series
        default: return nil
        }
        return m
    }
}

/// Appends typed fields to a byte buffer (`SpooledMeasurement`).
struct SpoolWriter {
    var out: [UInt8]

    mutating func byte(_ value: UInt8) { out.append(value) }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) { uint64(UInt64(bitPattern: Int64(value))) }

    mutating func uint32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    /// Length and UTF-8 bytes.
    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            uint32(UInt32(bytes.count))
            out.append(contentsOf: bytes)
        }
    }

    /// A presence byte, then the text.
    mutating func string(_ text: String?) {
        guard let text else { return byte(0) }
        byte(1)
        string(text)
    }

    /// The decimal's bytes exactly as the machine holds them (exponent, length, sign and mantissa words): the
    /// spool is read back only by the process that wrote it, so the same value comes back, digit for digit.
    mutating func decimal(_ value: Decimal) {
        withUnsafeBytes(of: value) { out.append(contentsOf: $0) }
    }

    mutating func decimal(_ value: Decimal?) {
        guard let value else { return byte(0) }
        byte(1)
        decimal(value)
    }
}

/// Reads what `SpoolWriter` wrote; each read is nil past the end.
struct SpoolReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    var remaining: Int { bytes.count - offset }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        defer { offset += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func uint64() -> UInt64? {
        guard remaining >= 8 else { return nil }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func int() -> Int? { uint64().map { Int(Int64(bitPattern: $0)) } }

    mutating func string() -> String? {
        guard let length = uint32().map(Int.init), length <= remaining else { return nil }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    /// `.some(nil)` for an absent text, nil for damaged bytes.
    mutating func optionalString() -> String?? {
        switch byte() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    mutating func decimal() -> Decimal? {
        let size = MemoryLayout<Decimal>.size
        guard remaining >= size else { return nil }
        var value = Decimal()
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + size])) }
        offset += size
        return value
    }

    mutating func optionalDecimal() -> Decimal?? {
        switch byte() {
        case 0: return .some(nil)
        case 1: return decimal().map { .some($0) }
        default: return nil
        }
    }
}
