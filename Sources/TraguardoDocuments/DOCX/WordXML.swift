import Foundation

/// The pieces of WordprocessingML markup the DOCX parts share: the declaration, the namespaces, escaped text
/// and runs of text (line breaks and tabs become `w:br` and `w:tab`, as Word ignores them inside `w:t`).
enum WordXML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// `xmlns:w` and `xmlns:r`, for the root element of the document, header and footer parts.
    static let namespaces = #"xmlns:w="\#(main)" xmlns:r="\#(relationships)""#

    /// Text for an XML text node or attribute value: `&`, `<`, `>`, `"`, `'` as entities, forbidden characters dropped.
    static func escaped(_ text: String) -> String {
        HTMLEscaping.text(text)
    }

    /// How a run of text looks.
    struct RunFormat: Hashable {
        var bold = false
        var italic = false
        /// `RRGGBB`, nil for the style's colour.
        var color: String?
        /// In half points, nil for the style's size.
        var halfPoints: Int?

        var properties: String {
            var out = ""
            if bold { out += "<w:b/><w:bCs/>" }
            if italic { out += "<w:i/><w:iCs/>" }
            if let color { out += #"<w:color w:val="\#(color)"/>"# }
            if let halfPoints { out += #"<w:sz w:val="\#(halfPoints)"/><w:szCs w:val="\#(halfPoints)"/>"# }
            return out.isEmpty ? "" : "<w:rPr>\(out)</w:rPr>"
        }
    }

    /// One `w:r` holding `text`, every line break a `w:br` and every tab a `w:tab`; `xml:space="preserve"` keeps
    /// leading and trailing spaces.
    static func run(_ text: String, format: RunFormat = RunFormat()) -> String {
        var content = ""
        var pending = ""
        func flush() {
            guard !pending.isEmpty else { return }
            content += #"<w:t xml:space="preserve">\#(escaped(pending))</w:t>"#
            pending = ""
        }
        var previousWasCarriageReturn = false
        for character in text.unicodeScalars {
            switch character {
            case "\r":
                flush()
                content += "<w:br/>"
                previousWasCarriageReturn = true
                continue
            case "\n":
                if !previousWasCarriageReturn {
                    flush()
                    content += "<w:br/>"
                }
            case "\t":
                flush()
                content += "<w:tab/>"
            default:
                pending.unicodeScalars.append(character)
            }
            previousWasCarriageReturn = false
        }
        flush()
        return "<w:r>\(format.properties)\(content)</w:r>"
    }

    /// A `w:p` with a paragraph style, extra paragraph properties (in schema order after `w:pStyle`) and runs.
    static func paragraph(style: String?, properties: String = "", runs: String) -> String {
        var pPr = ""
        if let style { pPr += #"<w:pStyle w:val="\#(style)"/>"# }
        pPr += properties
        return "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + runs + "</w:p>"
    }

    /// A field (`PAGE`, `NUMPAGES`) as Word writes it: begin, instruction, separator, a placeholder result, end.
    static func field(_ instruction: String, placeholder: String = "1", format: RunFormat = RunFormat()) -> String {
        let rPr = format.properties
        return #"<w:r>\#(rPr)<w:fldChar w:fldCharType="begin"/></w:r>"#
            + #"<w:r>\#(rPr)<w:instrText xml:space="preserve"> \#(instruction) </w:instrText></w:r>"#
            + #"<w:r>\#(rPr)<w:fldChar w:fldCharType="separate"/></w:r>"#
            + #"<w:r>\#(rPr)<w:t>\#(placeholder)</w:t></w:r>"#
            + #"<w:r>\#(rPr)<w:fldChar w:fldCharType="end"/></w:r>"#
    }
}
