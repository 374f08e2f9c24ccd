/// Whether a cell's number format shows a date, so that its serial number is read as a `CivilDate`.
public enum DateNumberFormat {
    /// The built-in formats that show dates (14-22: `m/d/yyyy` … `m/d/yy h:mm`; 45-47: `mm:ss` and kin,
    /// kept as Excel's readers do) plus the East Asian date formats 27-36 and 50-58.
    public static let builtinDateIDs: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)

    public static func isDate(id: Int, code: String?) -> Bool {
        if let code { return isDate(code: code) }
        return builtinDateIDs.contains(id)
    }

    /// A custom format code shows a date when, outside quoted text, escapes and `[…]` sections,
    /// it has day or year letters, or month letters without hours or seconds (`mm` alone is a month).
    public static func isDate(code: String) -> Bool {
        var letters = Set<Character>()
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        // Only the first section (positive numbers) decides.
        for character in code {
            if escaped { escaped = false; continue }
            if inQuotes {
                if character == "\"" { inQuotes = false }
                continue
            }
            if inBrackets {
                if character == "]" { inBrackets = false }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": escaped = true  // `_x` pads, `*x` repeats: the next character is not a code
            case ";": return decide(letters)
            default: letters.insert(Character(character.lowercased()))
            }
        }
        return decide(letters)
    }

    private static func decide(_ letters: Set<Character>) -> Bool {
        if letters.contains("d") || letters.contains("y") { return true }
        return letters.contains("m") && !letters.contains("h") && !letters.contains("s")
    }
}
