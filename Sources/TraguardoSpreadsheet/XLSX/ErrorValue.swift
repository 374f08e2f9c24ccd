/// The error values a workbook file may hold. Files always spell them in English; Italian Excel shows
/// them translated (`#RIF!`, `#VALORE!`, …), so the writer maps the Italian names back to the file's.
public enum ErrorValue {
    public static let fileCodes: Set<String> = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]

    public static let italianToFile: [String: String] = [
        "#NULLO!": "#NULL!", "#VALORE!": "#VALUE!", "#RIF!": "#REF!", "#NOME?": "#NAME?", "#N/D": "#N/A",
        "#DATI_IN_RECUPERO": "#GETTING_DATA",
    ]

    /// The code to store in a file (`t="e"`), or nil when the text is no error value a reader would accept.
    public static func fileCode(for text: String) -> String? {
        let upper = text.uppercased()
        if fileCodes.contains(upper) { return upper }
        return italianToFile[upper]
    }
}
