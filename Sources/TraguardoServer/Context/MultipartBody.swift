import Foundation

/// A `multipart/form-data` body (the rilevazione form, which carries evidence files): its text fields and
/// its files. Parsed by hand, following RFC 7578: parts separated by `--boundary`, each with a
/// `Content-Disposition: form-data; name="…"[; filename="…"]` header.
public struct MultipartBody: Sendable {
    public struct File: Sendable, Hashable {
        public var field: String
        public var filename: String
        public var data: Data
        /// The part's `Content-Type` as the browser sent it (nil when it sent none).
        public var contentType: String? = nil
    }

    public var fields: [(name: String, value: String)] = []
    public var files: [File] = []

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
    public static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// nil when the body is not well formed.
    public init?(_ body: Data, boundary: String) {
        let delimiter = Data("--\(boundary)".utf8)
        let separator = Data("\r\n\r\n".utf8)
        var parts: [Data] = []
        var searchStart = body.startIndex
        guard var partStart = body.range(of: delimiter, in: searchStart..<body.endIndex)?.upperBound else { return nil }
        searchStart = partStart
        while let next = body.range(of: delimiter, in: searchStart..<body.endIndex) {
            parts.append(body[partStart..<next.lowerBound])
            partStart = next.upperBound
            searchStart = next.upperBound
        }
        for part in parts {
            // Each part: CRLF, headers, CRLF CRLF, content, CRLF.
            var content = part
            if content.starts(with: Data("\r\n".utf8)) { content = content.dropFirst(2) }
            guard let split = content.range(of: separator) else { continue }
            let head = String(decoding: content[content.startIndex..<split.lowerBound], as: UTF8.self)
            var value = content[split.upperBound..<content.endIndex]
            if value.suffix(2) == Data("\r\n".utf8) { value = value.dropLast(2) }
            guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") })
            else { continue }
            let attributes = Self.attributes(String(disposition))
            guard let name = attributes["name"] else { continue }
            if let filename = attributes["filename"] {
                let type = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-type:") }
                    .map { $0.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces) }
                if !filename.isEmpty || !value.isEmpty {
                    files.append(File(field: name, filename: filename, data: Data(value), contentType: type))
                }
            } else {
                fields.append((name, String(decoding: value, as: UTF8.self)))
            }
        }
    }

    /// `form-data; name="valore[X]"; filename="a.pdf"` → ["name": "valore[X]", "filename": "a.pdf"].
    static func attributes(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            var value = String(pair[1])
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            result[pair[0].lowercased()] = value.replacingOccurrences(of: "%22", with: "\"")
        }
        return result
    }
}
