/// `xl/styles.xml`, only as far as reading needs it: which cell styles (`s` index) show dates.
struct StylesPart: XMLTokenHandler {
    private var customFormats: [Int: String] = [:]
    private var styleFormatIDs: [Int] = []
    private var inCellXfs = false

    var wantsText: Bool { false }

    mutating func startElement(_ name: String, attributes: [XMLAttribute]) throws {
        switch name {
        case "numFmt":
            if let id = attributes[attribute: "numFmtId"].flatMap(Int.init), let code = attributes[attribute: "formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs":
            inCellXfs = true
        case "xf" where inCellXfs:
            styleFormatIDs.append(attributes[attribute: "numFmtId"].flatMap(Int.init) ?? 0)
        default:
            break
        }
    }

    mutating func endElement(_ name: String) throws {
        if name == "cellXfs" { inCellXfs = false }
    }

    mutating func text(_ text: String) throws {}

    /// For each cell style index, whether its number format shows a date.
    var dateStyles: [Bool] {
        styleFormatIDs.map { DateNumberFormat.isDate(id: $0, code: customFormats[$0]) }
    }
}
