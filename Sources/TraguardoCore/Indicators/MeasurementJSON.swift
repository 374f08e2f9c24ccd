import Foundation

/// A measurement as JSON text with sorted keys, written by hand: the same text `JSONEncoder` writes with
/// `.sortedKeys` and `.withoutEscapingSlashes` (a test holds them equal), about ten times faster. An import of
/// a million rows writes a million of these.
public enum MeasurementJSON {
    public static func encode(_ m: Measurement) -> String { encode(m, whole: true) }

    /// What an inserted measurement sets, for the registro: the same text without the fields its row already
    /// names (id, item, period) and without those left at their empty value (no evidence, no justified deviation).
    public static func insertedFields(_ m: Measurement) -> String { encode(m, whole: false) }

    static func encode(_ m: Measurement, whole: Bool) -> String {
        // The keys in sorted order, as `JSONEncoder` with `.sortedKeys` writes them.
        var out = "{"
        out.reserveCapacity(320)
        var first = true
        func add(_ key: String, _ value: String?) {
            guard let value else { return }
            if !first { out += "," }
            first = false
            out += "\"" + key + "\":" + value
        }
        add("author", m.author.map(string))
        add("date", m.date.map { string($0.iso) })
        add("denominator", m.denominator.map(\.description))
        add("done", m.done.map { $0 ? "true" : "false" })
        if whole || !m.evidence.isEmpty { add("evidence", "[" + m.evidence.map(string).joined(separator: ",") + "]") }
        if whole {
            add("id", string(m.id))
            add("itemID", string(m.itemID))
        }
        add("justificationNote", m.justificationNote.map(string))
        if whole || m.justifiedDeviation { add("justifiedDeviation", m.justifiedDeviation ? "true" : "false") }
        add("narrative", m.narrative.map(string))
        add("notComputableReason", m.notComputableReason.map(string))
        add("numerator", m.numerator.map(\.description))
        add("override", m.override.map {
            object([("approvedBy", string($0.approvedBy)), ("reason", string($0.reason)), ("score", $0.score.description)])
        })
        if whole { add("periodID", string(m.periodID)) }
        add("provenance", m.provenance.map { p in
            object([("source", string(p.source))] + (p.lines.map { [("lines", string($0))] } ?? []))
        })
        add("recordedAt", m.recordedAt.map { number($0.timeIntervalSinceReferenceDate) })
        add("series", m.series.map { series in
            "[" + series.map { object([("value", $0.value.description), ("year", String($0.year))]) }.joined(separator: ",") + "]"
        })
        add("text", m.text.map(string))
        add("value", m.value.map(\.description))
        return out + "}"
    }

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.sorted { $0.0 < $1.0 }.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// A double as `JSONEncoder` writes it: its shortest form, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else (slashes, accents) as is.
    public static func string(_ text: String) -> String {
        // Most texts need no escape: quoted as they are.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
