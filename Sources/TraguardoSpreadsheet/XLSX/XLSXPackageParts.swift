/// The fixed parts of a written workbook: content types, relationships, workbook and styles.
enum XLSXPackageParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Indices into `cellXfs` below; a header cell uses the style plus one (the same format, bold).
    enum Style {
        static let general = 0
        static let text = 2
        static let date = 4
    }

    static func contentTypes(sheetCount: Int) -> String {
        var xml = declaration
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for index in 1...sheetCount {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        xml += "</Types>"
        return xml
    }

    static let rootRelationships = declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbook(sheetNames: [String]) -> String {
        var xml = declaration
        xml += #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipsNamespace)">"#
        xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, name) in sheetNames.enumerated() {
            xml += #"<sheet name="\#(XMLText.escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets></workbook>"
        return xml
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = declaration
        xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 1...sheetCount {
            xml += #"<Relationship Id="rId\#(index)" Type="\#(relationshipsNamespace)/worksheet" Target="worksheets/sheet\#(index).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipsNamespace)/styles" Target="styles.xml"/>"#
        xml += "</Relationships>"
        return xml
    }

    /// The style of each number format a workbook uses, after the fixed ones: `numberFormats[i]` is format
    /// `165 + i`, cell style `6 + 2i` (and `7 + 2i` bold, for a header).
    static func numberStyles(_ numberFormats: [NumberFormat]) -> [NumberFormat: Int] {
        Dictionary(uniqueKeysWithValues: numberFormats.enumerated().map { ($0.element, 6 + 2 * $0.offset) })
    }

    /// Fonts: 0 regular, 1 bold. Formats: 49 is the built-in text `@`, 164 the date `dd/mm/yyyy`, 165 and on
    /// the workbook's number formats (`numberStyles`).
    static func styles(numberFormats: [NumberFormat]) -> String {
        var formats = #"<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>"#
        var cells = ""
        for (index, format) in numberFormats.enumerated() {
            formats += #"<numFmt numFmtId="\#(165 + index)" formatCode="\#(XMLText.escaped(format.code))"/>"#
            cells += #"<xf numFmtId="\#(165 + index)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            cells += #"<xf numFmtId="\#(165 + index)" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>"#
        }
        return declaration
            + #"<styleSheet xmlns="\#(mainNamespace)">"#
            + #"<numFmts count="\#(1 + numberFormats.count)">\#(formats)</numFmts>"#
            + fontsFillsBorders
            + #"<cellXfs count="\#(6 + 2 * numberFormats.count)">\#(fixedCellStyles)\#(cells)</cellXfs>"#
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + "</styleSheet>"
    }

    private static let fontsFillsBorders = #"<fonts count="2">"#
        + #"<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + "</fonts>"
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#

    /// General, text, date: the styles `Style` names, each followed by its bold twin.
    private static let fixedCellStyles = #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>"#
}
