import Foundation
import Testing
import TraguardoCore
@testable import TraguardoExchange
@testable import TraguardoSpreadsheet

/// Packages written part by part, with the quirks of Excel, LibreOffice and other producers.
@Suite("XLSX: parti come le scrivono Excel e LibreOffice")
struct SpreadsheetXLSXReaderPackageTests {
    static let main = HandMadePackage.main
    static let relationships = HandMadePackage.relationships

    static let quirkyParts: [(path: String, text: String)] = [
        ("[Content_Types].xml", "<Types/>"),
        ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="/xl/workbook.xml"/></Relationships>"#),
        ("xl/workbook.xml", #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <x:workbook xmlns:x="\#(main)" xmlns:rel="\#(relationships)">
          <x:workbookPr/>
          <x:sheets>
            <x:sheet name="Dati &amp; note" sheetId="1" rel:id="rId1"/>
            <x:sheet name="Grafico" sheetId="2" rel:id="rId9"/>
            <x:sheet name="Vuoto" sheetId="3" rel:id="rId3"/>
          </x:sheets>
        </x:workbook>
        """#),
        ("xl/_rels/workbook.xml.rels", #"""
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="/xl/worksheets/foglio1.xml"/>
          <Relationship Id="rId9" Type="\#(relationships)/chartsheet" Target="chartsheets/sheet1.xml"/>
          <Relationship Id="rId3" Type="\#(relationships)/worksheet" Target="./worksheets/../worksheets/vuoto.xml"/>
          <Relationship Id="rId4" Type="\#(relationships)/sharedStrings" Target="/xl/sharedStrings.xml"/>
          <Relationship Id="rId5" Type="\#(relationships)/styles" Target="styles.xml"/>
          <Relationship Id="rId6" Type="\#(relationships)/hyperlink" Target="https://example.org" TargetMode="External"/>
        </Relationships>
        """#),
        ("xl/sharedStrings.xml", #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <sst xmlns="\#(main)" count="4" uniqueCount="4">
          <si><r><t>Ric</t></r><r><rPr><b/></rPr><t>co</t></r></si>
          <si><t xml:space="preserve">  a  </t></si>
          <si><t>x&lt;y &#233; &#x20AC;</t><rPh sb="0" eb="1"><t>fonetica</t></rPh><phoneticPr fontId="1"/></si>
          <si><t/></si>
        </sst>
        """#),
        ("xl/styles.xml", #"""
        <styleSheet xmlns="\#(main)">
          <numFmts count="2">
            <numFmt numFmtId="165" formatCode="dd/mm/yyyy\ hh:mm"/>
            <numFmt numFmtId="166" formatCode="#,##0.00&quot; days&quot;"/>
          </numFmts>
          <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
          <cellXfs count="4">
            <xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="166"/>
          </cellXfs>
        </styleSheet>
        """#),
        ("xl/worksheets/foglio1.xml", #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!-- scritto a mano -->
        <worksheet xmlns="\#(main)"><dimension ref="A1:AA10"/>
        <sheetData>
          <row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c r="C1" t="str"><f>A1&amp;B1</f><v>Ricco  a  </v></c><c t="s"><v>2</v></c></row>
          <row spans="1:9">
            <c r="A2"><v>1</v></c>
            <c r="B2" s="1"><v>43830</v></c>
            <c r="C2" s="2"><v>43830.75</v></c>
            <c r="D2" s="3"><v>1.5</v></c>
            <c r="E2" t="e"><f>1/0</f><v>#RIF!</v></c>
            <c r="F2" t="b"><v>1</v></c>
            <c r="G2"><v>1.2000000000000001E-3</v></c>
            <c r="H2" t="n" s="1"/>
            <c r="I2" t="str"><v><![CDATA[a<b & c]]></v></c>
          </row>
          <row r="5"><c r="B5" t="inlineStr"><is><r><t>uno</t></r><r><rPr><b/></rPr><t xml:space="preserve"> due</t></r><rPh sb="0" eb="1"><t>no</t></rPh></is></c><c r="C5" t="s"><v>3</v></c></row>
          <row r="10"><c r="AA10"><v>-7</v></c></row>
          <row r="11"/>
        </sheetData>
        <pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
        </worksheet>
        """#),
        ("xl/worksheets/vuoto.xml", #"<worksheet xmlns="\#(main)"><sheetData/></worksheet>"#),
    ]

    static let quirkyExpected: [[SpreadsheetCell]] = [
        [.text("Ricco"), .text("  a  "), .text("Ricco  a  "), .text("x<y é €")],
        [.number(1), .date(date("2019-12-31")), .date(date("2019-12-31")), .number(decimal("1.5")), .error("#RIF!"),
         .boolean(true), .number(decimal("0.0012")), .empty, .text("a<b & c")],
        [], [],
        [.empty, .text("uno due"), .text("")],
        [], [], [], [],
        Array(repeating: .empty, count: 26) + [.number(-7)],
    ]

    @Test("percorsi assoluti e relativi, prefissi, righe e celle senza r, testo ricco, formati data")
    func quirkyPackage() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("excel.xlsx")
        try HandMadePackage.write(Self.quirkyParts, to: url)
        let reader = try XLSXReader(url: url)
        #expect(reader.sheetNames == ["Dati & note", "Vuoto"])
        let rows = try reader.rows(inSheet: "Dati & note")
        #expect(rows.map(\.number) == [1, 2, 5, 10, 11])
        #expect(grid(rows) == Self.quirkyExpected)
        #expect(try reader.rows(inSheet: "Vuoto").isEmpty)
        #expect(try reader.rows(inSheet: "dati & NOTE").count == 5)
    }

    @Test("il foglio arriva a pezzi di un byte e dà le stesse righe")
    func oneByteChunks() throws {
        let sheet = try #require(Self.quirkyParts.first { $0.path == "xl/worksheets/foglio1.xml" }?.text)
        let strings = ["Ricco", "  a  ", "x<y é €", ""]
        let styles = [false, true, true, false]
        var whole = SheetDataParser(sharedStrings: strings, dateStyles: styles, date1904: false)
        var tokenizer = XMLStreamTokenizer()
        try tokenizer.feed(Data(sheet.utf8), into: &whole)
        try tokenizer.finish(into: &whole)

        var pieces = SheetDataParser(sharedStrings: strings, dateStyles: styles, date1904: false)
        var pieceTokenizer = XMLStreamTokenizer()
        for byte in Data(sheet.utf8) {
            try pieceTokenizer.feed(Data([byte]), into: &pieces)
        }
        try pieceTokenizer.finish(into: &pieces)
        #expect(pieces.completed == whole.completed)
        #expect(grid(whole.completed) == Self.quirkyExpected)
    }

    @Test("sistema di date 1904")
    func date1904() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("mac.xlsx")
        try HandMadePackage.write(HandMadePackage.workbook(
            sheetData: #"<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>42368</v></c></row>"#,
            cellXfs: [#"<xf numFmtId="0"/>"#, #"<xf numFmtId="14"/>"#], date1904: true), to: url)
        let rows = try XLSXReader(url: url).rows(inSheet: "Foglio1")
        #expect(rows.map(\.cells) == [[.date(date("1904-01-01")), .date(date("2019-12-31"))]])
    }

    @Test("date seriali del sistema 1900, compreso il 29 febbraio 1900 che non esiste")
    func serialDates() {
        #expect(ExcelSerialDate.date(serial: 1) == date("1900-01-01"))
        #expect(ExcelSerialDate.date(serial: 59) == date("1900-02-28"))
        #expect(ExcelSerialDate.date(serial: 61) == date("1900-03-01"))
        #expect(ExcelSerialDate.date(serial: 43830) == date("2019-12-31"))
        #expect(ExcelSerialDate.date(serial: decimal("43830.999")) == date("2019-12-31"))
        #expect(ExcelSerialDate.date(serial: 0) == nil)
        #expect(ExcelSerialDate.date(serial: -1) == nil)
        for iso in ["1900-01-01", "1900-02-28", "1900-03-01", "2000-02-29", "2019-12-31", "9999-12-31"] {
            let serial = ExcelSerialDate.serial(of: date(iso))!
            #expect(ExcelSerialDate.date(serial: Decimal(serial)) == date(iso), "\(iso)")
        }
        #expect(ExcelSerialDate.serial(of: date("1899-12-31")) == nil)
    }

    @Test("formati numerici di data")
    func dateFormats() {
        for code in ["dd/mm/yyyy", "d-mmm-yy", "[$-410]d mmmm yyyy", "yyyy-mm-dd h:mm", "mmm", "DD/MM/YYYY", "dd/mm/yyyy;@"] {
            #expect(DateNumberFormat.isDate(code: code), "\(code)")
        }
        for code in ["General", "0.00", "#,##0.00\" days\"", "h:mm", "mm:ss", "[h]:mm:ss", "0.00E+00", "@", "0\\d", "[Red]0.00"] {
            #expect(!DateNumberFormat.isDate(code: code), "\(code)")
        }
        #expect(DateNumberFormat.isDate(id: 14, code: nil))
        #expect(DateNumberFormat.isDate(id: 22, code: nil))
        #expect(!DateNumberFormat.isDate(id: 2, code: nil))
        #expect(!DateNumberFormat.isDate(id: 49, code: nil))
    }

    @Test("testo per XML e numeri senza esponente")
    func escapingAndNumbers() {
        #expect(XMLText.escaped(#"a & b < c > d "e" 'f'"#) == "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;")
        #expect(XMLText.escaped("ok\u{0}\u{8}\u{FFFE}\tsì\n") == "ok\tsì\n")
        #expect(DecimalText.format(decimal("1418965")) == "1418965")
        #expect(DecimalText.format(decimal("99.220")) == "99.22")
        #expect(DecimalText.format(decimal("-0.5")) == "-0.5")
        #expect(DecimalText.format(0) == "0")
        #expect(DecimalText.format(decimal("1e-10")) == "0.0000000001")
        #expect(DecimalText.format(decimal("1e25")) == "10000000000000000000000000")
        #expect(DecimalText.parse("9.9E-2") == decimal("0.099"))
        #expect(ExcelPrecision.rounded(decimal("0.30000000000000004")) == decimal("0.3"))
        #expect(ExcelPrecision.rounded(decimal("99.219999999999999")) == decimal("99.22"))
        #expect(ExcelPrecision.rounded(decimal("-1418965.0000000002")) == decimal("-1418965"))
        #expect(ExcelPrecision.rounded(decimal("0.044999999999999998")) == decimal("0.045"))
        #expect(ExcelPrecision.rounded(decimal("0.000000000123")) == decimal("0.000000000123"))
        #expect(ExcelPrecision.rounded(decimal("12345678901234567890")) == decimal("12345678901234567890"))
        #expect(ExcelPrecision.rounded(decimal("1.23456789012345")) == decimal("1.23456789012345"))
        #expect(DecimalText.parse("12abc") == nil)
        #expect(DecimalText.parse("") == nil)
        #expect(CellReference.column(of: "A1".utf8) == 0)
        #expect(CellReference.column(of: "AA10".utf8) == 26)
        #expect(CellReference.column(of: "$XFD$1".utf8) == 16383)
        #expect(CellReference.column(of: "XFE1".utf8) == nil)
        #expect(CellReference.letters(ofColumn: 16383) == "XFD")
        #expect(CellReference.letters(ofColumn: 25) == "Z")
    }
}
