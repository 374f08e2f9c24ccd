/// `xl/sharedStrings.xml`: the strings that cells of type `s` point to by index. A rich-text string is the
/// concatenation of its runs (`<r><t>`); phonetic guides (`<rPh>`) are not part of the text.
struct SharedStringsPart: XMLTokenHandler {
    private(set) var strings: [String] = []
    private var current = ""
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    var wantsText: Bool { inText && phoneticDepth == 0 }

    mutating func startElement(_ name: String, attributes: [XMLAttribute]) throws {
        switch name {
        case "si":
            inItem = true
            current = ""
        case "t" where inItem:
            inText = true
        case "rPh":
            phoneticDepth += 1
        default:
            break
        }
    }

    mutating func endElement(_ name: String) throws {
        switch name {
        case "si":
            strings.append(current)
            inItem = false
        case "t":
            inText = false
        case "rPh":
            phoneticDepth -= 1
        default:
            break
        }
    }

    mutating func text(_ text: String) throws {
        current += text
    }
}
