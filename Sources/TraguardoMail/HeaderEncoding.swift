import Foundation

/// RFC 2047: a header text with characters outside ASCII («Promemoria: rilevazioni da completare entro il
/// 15/04», «Attività») becomes encoded words `=?UTF-8?B?…?=`, each at most 75 characters and never splitting a
/// character; pure ASCII text stays as it is. Line breaks are never kept: a header cannot be split by its text.
enum HeaderEncoding {
    static func encode(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if flat.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 && $0.value < 127 }), flat.utf8.count <= 900,
           !flat.contains("=?")
        {
            return flat
        }
        return encodedWords(flat)
    }

    /// The text as encoded words, joined by folding whitespace (`CRLF SPACE`).
    static func encodedWords(_ text: String) -> String {
        // "=?UTF-8?B?" + "?=" take 12 of the 75 characters; 63 base64 characters carry 45 bytes (15 groups of 3).
        let maximumBytes = 45
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > maximumBytes, !chunk.isEmpty {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }
}
