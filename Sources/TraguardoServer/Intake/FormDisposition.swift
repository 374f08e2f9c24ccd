import Foundation

/// The `Content-Disposition: form-data; name="…"; filename="…"` header of a multipart part, read as RFC 7578
/// and the HTML standard say browsers write it: parameters separated by `;` outside quotes, quoted strings
/// (`\"` and `\\` escaped, as some clients do; any other `\` is kept, a Windows path stays a path), `"` CR LF
/// sent as `%22` `%0D` `%0A` in quoted names (what browsers do), and `filename*=UTF-8''…`
/// (RFC 5987, percent-encoded) preferred to `filename` when both are sent. A parameter given twice makes the
/// header ambiguous: nil, and the part is refused.
struct FormDisposition: Sendable, Hashable {
    var name: String
    /// nil for a text field; the name the browser sent for a file (possibly empty: no file chosen).
    var filename: String?

    init?(_ header: String) {
        guard let parameters = Self.parameters(header) else { return nil }
        guard parameters.type.lowercased() == "form-data", let name = parameters.values["name"] else { return nil }
        self.name = name
        if let extended = parameters.values["filename*"].flatMap(Self.extendedValue) {
            filename = extended
        } else {
            filename = parameters.values["filename"]
        }
    }

    /// `type; a=b; c="d;e"` → ("type", ["a": "b", "c": "d;e"]); nil when a parameter repeats or a quote is not closed.
    static func parameters(_ header: String) -> (type: String, values: [String: String])? {
        var scalars = Substring(header).unicodeScalars[...]
        func skipSpaces() { while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() } }
        func token() -> String {
            var text = String.UnicodeScalarView()
            while let first = scalars.first, first != ";", first != "=" { text.append(scalars.removeFirst()) }
            return String(text).trimmingCharacters(in: .whitespaces)
        }
        let type = token()
        var values: [String: String] = [:]
        while scalars.first == ";" {
            scalars.removeFirst()
            skipSpaces()
            let key = token().lowercased()
            guard scalars.first == "=" else {
                if key.isEmpty { continue }
                return nil
            }
            scalars.removeFirst()
            skipSpaces()
            var value = String.UnicodeScalarView()
            if scalars.first == "\"" {
                scalars.removeFirst()
                var closed = false
                while let scalar = scalars.popFirst() {
                    if scalar == "\\", let next = scalars.first, next == "\"" || next == "\\" {
                        value.append(scalars.removeFirst())
                    } else if scalar == "\"" {
                        closed = true
                        break
                    } else {
                        value.append(scalar)
                    }
                }
                guard closed else { return nil }
                skipSpaces()
                guard scalars.isEmpty || scalars.first == ";" else { return nil }
                let decoded = String(value).replacingOccurrences(of: "%22", with: "\"")
                    .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
                guard values.updateValue(decoded, forKey: key) == nil else { return nil }
            } else {
                while let first = scalars.first, first != ";" { value.append(scalars.removeFirst()) }
                guard values.updateValue(String(value).trimmingCharacters(in: .whitespaces), forKey: key) == nil else { return nil }
            }
        }
        guard scalars.isEmpty else { return nil }
        return (type, values)
    }

    /// `UTF-8''%C3%A8%20strano.pdf` → «è strano.pdf» (RFC 5987 `ext-value`; only UTF-8 is read).
    static func extendedValue(_ raw: String) -> String? {
        let pieces = raw.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        return String(pieces[2]).removingPercentEncoding
    }
}
