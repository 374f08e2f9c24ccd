/// `xl/workbook.xml`: the sheets in tab order with their relationship ids, and the date system.
struct WorkbookPart: XMLTokenHandler {
    struct Sheet: Sendable {
        var name: String
        var relationshipID: String
    }

    private(set) var sheets: [Sheet] = []
    private(set) var date1904 = false

    var wantsText: Bool { false }

    mutating func startElement(_ name: String, attributes: [XMLAttribute]) throws {
        switch name {
        case "workbookPr":
            let value = attributes[attribute: "date1904"]
            date1904 = value == "1" || value == "true"
        case "sheet":
            // `r:id` (any prefix bound to the relationships namespace): the only attribute named `id`.
            guard let name = attributes[attribute: "name"], let id = attributes[attribute: "id"] else {
                throw XMLSyntaxError(message: "foglio senza nome o senza collegamento nel file workbook.xml")
            }
            sheets.append(Sheet(name: name, relationshipID: id))
        default:
            break
        }
    }

    mutating func endElement(_ name: String) throws {}
    mutating func text(_ text: String) throws {}
}
