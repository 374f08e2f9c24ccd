import Foundation

/// CSV as Italian spreadsheets expect it: `;` between fields, CRLF line ends, UTF-8 with a BOM (so that
/// Excel recognises accents). A field is quoted when it holds the separator, a quote, CR or LF.
public enum CSVWriter {
    public static func text(_ rows: [[String]], separator: Character = ";") -> String {
        var result = ""
        for row in rows {
            result += row.map { field($0, separator: separator) }.joined(separator: String(separator))
            result += "\r\n"
        }
        return result
    }

    /// Writes the rows with a UTF-8 BOM, whole or not at all (`OutputFile`).
    public static func write(_ rows: [[String]], separator: Character = ";", to url: URL) throws(SpreadsheetError) {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(contentsOf: text(rows, separator: separator).utf8)
        try OutputFile.write(data, to: url)
    }

    static func field(_ value: String, separator: Character) -> String {
        let needsQuotes = value.contains { $0 == separator || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
