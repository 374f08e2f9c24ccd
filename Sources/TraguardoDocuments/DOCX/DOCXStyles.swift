/// `word/styles.xml`: the styles a reader of the document finds in Word's style list, with the names Word
/// gives its built-in ones (`heading 1` shown as «Titolo 1» in an Italian Word, `Heading 1` in python-docx),
/// so that the navigation pane, the table of contents and accessibility checkers see the structure.
///
/// Default: Calibri (Liberation Sans/Carlito where Calibri is missing) 10,5 pt, Italian (it-IT).
enum DOCXStyles {
    /// Style identifiers, as the body refers to them.
    enum ID {
        static let title = "Title"
        static let subtitle = "Subtitle"
        static let entity = "Ente"
        static let coverDetail = "DettagliCopertina"
        static let caption = "Caption"
        static let note = "Nota"
        static let table = "TabellaTraguardo"
        static let tableText = "TestoTabella"
        static let header = "Header"
        static let footer = "Footer"
        static func heading(_ level: Int) -> String { "Heading\(headingLevel(level))" }
        static let tocHeading = "TOCHeading"
        static func toc(_ level: Int) -> String { "TOC\(min(max(level, 1), 2))" }
    }

    /// Levels beyond 4 are written as level 4; levels below 1 as level 1.
    static func headingLevel(_ level: Int) -> Int { min(max(level, 1), 4) }

    static let ink = "1A1A1A"
    static let accent = "1F3864"
    static let rule = "9AA3AD"
    static let soft = "EEF1F4"
    static let flag = "FFF4D6"
    static let grey = "555555"

    static var xml: String {
        var out = WordXML.declaration
        out += #"<w:styles xmlns:w="\#(WordXML.main)">"#
        out += "<w:docDefaults><w:rPrDefault><w:rPr>"
        out += #"<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>"#
        out += #"<w:color w:val="\#(ink)"/><w:sz w:val="21"/><w:szCs w:val="21"/>"#
        out += #"<w:lang w:val="it-IT" w:eastAsia="it-IT" w:bidi="ar-SA"/>"#
        out += "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        out += #"<w:spacing w:after="120" w:line="264" w:lineRule="auto"/>"#
        out += "</w:pPr></w:pPrDefault></w:docDefaults>"

        out += paragraphStyle(id: "Normal", name: "Normal", isDefault: true, basedOn: nil)
        out += #"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#
        out += #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#

        out += paragraphStyle(
            id: ID.title, name: "Title", priority: 10,
            pPr: #"<w:spacing w:before="120" w:after="120"/>"#,
            rPr: #"<w:b/><w:bCs/><w:color w:val="\#(accent)"/><w:sz w:val="44"/><w:szCs w:val="44"/>"#)
        out += paragraphStyle(
            id: ID.subtitle, name: "Subtitle", priority: 11,
            pPr: #"<w:spacing w:after="240"/>"#,
            rPr: #"<w:color w:val="\#(grey)"/><w:sz w:val="30"/><w:szCs w:val="30"/>"#)
        out += paragraphStyle(
            id: ID.entity, name: "Ente", priority: 12,
            pPr: #"<w:spacing w:after="60"/>"#,
            rPr: #"<w:smallCaps/><w:sz w:val="26"/><w:szCs w:val="26"/>"#)
        out += paragraphStyle(
            id: ID.coverDetail, name: "Dettagli copertina", priority: 13,
            pPr: #"<w:spacing w:after="60"/>"#,
            rPr: #"<w:color w:val="\#(grey)"/><w:sz w:val="19"/><w:szCs w:val="19"/>"#)

        let headingSizes = [1: 32, 2: 26, 3: 23, 4: 21]
        for level in 1...4 {
            let size = headingSizes[level] ?? 21
            var pPr = "<w:keepNext/><w:keepLines/>"
            pPr += level == 1 ? #"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="\#(rule)"/></w:pBdr>"# : ""
            pPr += #"<w:spacing w:before="\#(level == 1 ? 360 : 240)" w:after="120"/>"#
            pPr += #"<w:outlineLvl w:val="\#(level - 1)"/>"#
            var rPr = "<w:b/><w:bCs/>"
            if level <= 2 { rPr += #"<w:color w:val="\#(accent)"/>"# }
            if level == 4 { rPr += "<w:i/><w:iCs/>" }
            rPr += #"<w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/>"#
            out += paragraphStyle(id: ID.heading(level), name: "heading \(level)", priority: 9, pPr: pPr, rPr: rPr)
        }

        out += paragraphStyle(
            id: ID.tocHeading, name: "TOC Heading", priority: 39,
            pPr: #"<w:keepNext/><w:spacing w:before="240" w:after="240"/>"#,
            rPr: #"<w:b/><w:bCs/><w:color w:val="\#(accent)"/><w:sz w:val="32"/><w:szCs w:val="32"/>"#)
        for level in 1...2 {
            out += paragraphStyle(
                id: ID.toc(level), name: "toc \(level)", priority: 39,
                pPr: #"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs><w:spacing w:after="60"/>"#
                    + (level == 2 ? #"<w:ind w:left="284"/>"# : ""),
                rPr: level == 1 ? "<w:b/><w:bCs/>" : "")
        }
        out += paragraphStyle(
            id: ID.caption, name: "caption", priority: 35,
            pPr: #"<w:keepNext/><w:spacing w:before="120" w:after="60"/>"#,
            rPr: #"<w:b/><w:bCs/><w:sz w:val="20"/><w:szCs w:val="20"/>"#)
        out += paragraphStyle(
            id: ID.note, name: "Nota", priority: 36,
            pPr: #"<w:pBdr><w:left w:val="single" w:sz="18" w:space="6" w:color="\#(rule)"/></w:pBdr><w:ind w:left="170"/>"#,
            rPr: #"<w:color w:val="333333"/><w:sz w:val="20"/><w:szCs w:val="20"/>"#)
        out += paragraphStyle(
            id: ID.tableText, name: "Testo tabella", priority: 37,
            pPr: #"<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>"#,
            rPr: #"<w:sz w:val="19"/><w:szCs w:val="19"/>"#)
        out += paragraphStyle(
            id: ID.header, name: "header", priority: 99,
            pPr: #"<w:spacing w:after="0"/><w:jc w:val="center"/>"#,
            rPr: #"<w:color w:val="\#(grey)"/><w:sz w:val="16"/><w:szCs w:val="16"/>"#)
        out += paragraphStyle(
            id: ID.footer, name: "footer", priority: 99,
            pPr: #"<w:spacing w:after="0"/><w:jc w:val="right"/>"#,
            rPr: #"<w:color w:val="\#(grey)"/><w:sz w:val="16"/><w:szCs w:val="16"/>"#)

        let border = #"w:val="single" w:sz="4" w:space="0" w:color="\#(rule)""#
        out += #"<w:style w:type="table" w:styleId="\#(ID.table)"><w:name w:val="Tabella Traguardo"/>"#
        out += #"<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>"#
        out += #"<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>"#
        out += "<w:tblPr><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { out += "<w:\(side) \(border)/>" }
        out += "</w:tblBorders>"
        out += #"<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>"#
        out += "</w:tblPr>"
        out += #"<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="\#(soft)"/></w:tcPr></w:tblStylePr>"#
        out += "</w:style>"
        out += "</w:styles>"
        return out
    }

    private static func paragraphStyle(
        id: String, name: String, isDefault: Bool = false, basedOn: String? = "Normal", priority: Int? = nil,
        pPr: String = "", rPr: String = ""
    ) -> String {
        var out = #"<w:style w:type="paragraph""# + (isDefault ? #" w:default="1""# : "") + #" w:styleId="\#(id)">"#
        out += #"<w:name w:val="\#(WordXML.escaped(name))"/>"#
        if let basedOn { out += #"<w:basedOn w:val="\#(basedOn)"/><w:next w:val="Normal"/>"# }
        if let priority { out += #"<w:uiPriority w:val="\#(priority)"/>"# }
        out += "<w:qFormat/>"
        if !pPr.isEmpty { out += "<w:pPr>\(pPr)</w:pPr>" }
        if !rPr.isEmpty { out += "<w:rPr>\(rPr)</w:rPr>" }
        return out + "</w:style>"
    }
}
