import Foundation

/// CSV formula injection (OWASP «CSV Injection»): a cell that starts with `=`, `+`, `-`, `@` or a control
/// character (tab, carriage return …) is run by Excel and LibreOffice as a formula (`=HYPERLINK(…)`,
/// `-2+3 cmd|' /C calc'!A0`). Such a text gets a leading `'`, which the spreadsheet shows as text and
/// does not run. A text that is only a number (`-3`, `-12.5`, `-12,5`) is no formula and stays as it is.
public enum FormulaNeutralizer {
    public static func neutralized(_ text: String) -> String {
        needsPrefix(text) ? "'" + text : text
    }

    static func needsPrefix(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first.properties.generalCategory == .control { return true }
        guard "=+-@".unicodeScalars.contains(first) else { return false }
        return !isPlainNumber(text)
    }

    /// `-3`, `+0.5`, `-12,5`: a sign, digits and at most one decimal separator between digits.
    static func isPlainNumber(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 1, scalars[0] == "-" || scalars[0] == "+" else { return false }
        let body = scalars.dropFirst()
        let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        guard let first = body.first, let last = body.last, isDigit(first), isDigit(last) else { return false }
        let separators = body.filter { $0 == "." || $0 == "," }.count
        return separators <= 1 && body.allSatisfy { isDigit($0) || $0 == "." || $0 == "," }
    }
}
