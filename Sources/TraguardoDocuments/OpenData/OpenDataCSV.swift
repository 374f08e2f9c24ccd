import Foundation

/// A table of the open data set as CSV for machine reading (AgID guidelines for open data): UTF-8 without
/// BOM, comma separator, a header row with the field names, `"` quoting where a value needs it (RFC 4180),
/// CRLF line ends, a dot as decimal separator and no thousands separator, ISO 8601 dates, `true`/`false`,
/// an empty field for a missing value. A text a spreadsheet would run as a formula gets a leading `'`
/// (`FormulaNeutralizer`); numbers, dates and booleans are written as they are.
public enum OpenDataCSV {
    /// `elementi.csv`.
    public static func fileName(_ table: OpenDataTable) -> String { "\(table.name).csv" }

    public static func text(_ table: OpenDataTable) -> String {
        var out = table.fields.map { field($0.name) }.joined(separator: ",") + "\r\n"
        for row in table.rows {
            out += row.map { field(cell($0)) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The text of a value: a text cell made safe for a spreadsheet, every other value its plain digits.
    static func cell(_ value: OpenDataValue?) -> String {
        switch value {
        case nil: ""
        case let .text(text)?: FormulaNeutralizer.neutralized(text)
        case let value?: value.plain
        }
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
