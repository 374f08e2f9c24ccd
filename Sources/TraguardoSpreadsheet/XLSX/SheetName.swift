/// The rules a sheet name must follow to be accepted by Excel.
public enum SheetName {
    public static let maxLength = 31
    public static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Why the name is not acceptable, in Italian; nil when it is fine.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "il nome di un foglio non può essere vuoto" }
        if name.count > maxLength {
            return "il nome del foglio \"\(name)\" supera i \(maxLength) caratteri"
        }
        if let character = name.first(where: { forbidden.contains($0) }) {
            return "il nome del foglio \"\(name)\" contiene «\(character)»: non sono ammessi [ ] : * ? / \\"
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            return "il nome del foglio \"\(name)\" non può iniziare o finire con un apostrofo"
        }
        if name.unicodeScalars.contains(where: { !XMLText.isAllowed($0) }) {
            return "il nome del foglio \"\(name)\" contiene caratteri di controllo"
        }
        return nil
    }
}
