/// What an update changed, for the registro: only the fields whose value differs, before and after, each as
/// written in the stored JSON (so nothing is rounded or reformatted). A change of one value in a record of
/// twenty fields is two short objects, not two copies of the record.
enum AuditChange {
    /// The changed top-level fields of two JSON objects; both texts unchanged when either is not an object.
    static func compact(before: String, after: String) -> (before: String, after: String) {
        guard let old = fields(of: before), let new = fields(of: after) else { return (before, after) }
        let oldByKey = Dictionary(old, uniquingKeysWith: { a, _ in a })
        let newByKey = Dictionary(new, uniquingKeysWith: { a, _ in a })
        let changed = Set(oldByKey.keys).union(newByKey.keys).filter { oldByKey[$0] != newByKey[$0] }
        func object(_ fields: [(key: String, value: String)]) -> String {
            "{" + fields.filter { changed.contains($0.key) }.map { "\($0.key):\($0.value)" }.joined(separator: ",") + "}"
        }
        return (object(old), object(new))
    }

    /// The top-level fields of a JSON object as (quoted key, value text), in order; nil if `text` is not one.
    static func fields(of text: String) -> [(key: String, value: String)]? {
        let bytes = Array(text.utf8)
        var i = 0
        func skipSpace() { while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 } }
        /// Moves past the string that starts at `i`.
        func skipString() -> Bool {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return false }
            i += 1
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
                if bytes[i] == UInt8(ascii: "\"") { i += 1; return true }
                i += 1
            }
            return false
        }
        /// Moves past the value that starts at `i` (nested objects and arrays whole).
        func skipValue() -> Bool {
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""): guard skipString() else { return false }; continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return true }
                    depth -= 1
                case UInt8(ascii: ","): if depth == 0 { return true }
                default: break
                }
                i += 1
            }
            return false
        }
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        var result: [(key: String, value: String)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { return result }
        while true {
            skipSpace()
            let keyStart = i
            guard skipString() else { return nil }
            let key = String(decoding: bytes[keyStart..<i], as: UTF8.self)
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipSpace()
            let valueStart = i
            guard skipValue() else { return nil }
            var valueEnd = i
            while valueEnd > valueStart, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[valueEnd - 1]) { valueEnd -= 1 }
            result.append((key, String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)))
            if bytes[i] == UInt8(ascii: "}") { return result }
            i += 1
        }
    }
}
