import Foundation
import Testing
import TraguardoSpreadsheet
import TraguardoTestSupport
import TraguardoCore
import TraguardoExchange

/// What we write, read back by openpyxl: every cell, the header style, frozen panes, widths and formats.
@Suite("XLSX scritto da noi, letto da openpyxl")
struct SpreadsheetXLSXWriterOpenPyXLTests {
    static let dump = #"""
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "data": {}}
for ws in wb.worksheets:
    rows = []
    formats = []
    for row in ws.iter_rows():
        cells = []
        row_formats = []
        for c in row:
            v = c.value
            if v is None:
                cells.append(None)
            elif isinstance(v, bool):
                cells.append({"b": v})
            elif isinstance(v, (int, float)):
                cells.append({"n": repr(v)})
            elif isinstance(v, datetime.datetime):
                cells.append({"d": v.date().isoformat()})
            elif isinstance(v, datetime.date):
                cells.append({"d": v.isoformat()})
            elif c.data_type == "e":
                cells.append({"e": v})
            else:
                cells.append({"s": v})
            row_formats.append([c.number_format, bool(c.font.b)])
        rows.append(cells)
        formats.append(row_formats)
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    out["data"][ws.title] = {"rows": rows, "formats": formats, "freeze": ws.freeze_panes, "widths": widths}
print(json.dumps(out))
"""#

    struct Dump: Decodable {
        var sheets: [String]
        var data: [String: Sheet]
    }

    struct Sheet: Decodable {
        var rows: [[Cell?]]
        var formats: [[Format]]
        var freeze: String?
        var widths: [String: Double]
    }

    struct Cell: Decodable {
        var s: String?
        var n: String?
        var d: String?
        var b: Bool?
        var e: String?

        var value: SpreadsheetCell {
            if let s { return .text(s) }
            if let n { return .number(decimal(n)) }
            if let d { return .date(date(d)) }
            if let b { return .boolean(b) }
            if let e { return .error(e) }
            return .empty
        }
    }

    struct Format: Decodable {
        var code: String
        var bold: Bool

        init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            code = try container.decode(String.self)
            bold = try container.decode(Bool.self)
        }
    }

    static let rows: [[SpreadsheetCell]] = [
        [.text("Codice"), .text("Descrizione"), .text("Valore"), .text("Data"), .text("Fatto")],
        [.text("007"), .text("Attività «àèìòù €»"), .number(1_418_965), .date(date("2019-12-31")), .boolean(true)],
        [.text("008"), .text(#"<b>Tom & "Jerry" l'altro</b>"#), .number(decimal("99.22")), .date(date("1900-01-01")), .boolean(false)],
        [.text("009"), .empty, .number(decimal("-0.5")), .empty, .error("#DIV/0!"), .error("#RIF!"), .error("#BOH")],
        [],
        [.empty, .empty, .number(0), .date(date("2020-02-29")), .empty, .text("  spazi\nacapo  ")],
        [.number(42), .text("caratteri\u{1}vietati\u{B}"), .number(decimal("0.000000000123")), .number(decimal("12345678901234567890"))],
    ]

    @Test("ogni cella, con testo, numeri, date, vuoti, logici ed errori", .enabled(if: OpenPyXL.shouldRun))
    func everyCell() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("scheda.xlsx")
        try XLSXWriter.write([
            WorksheetContent(name: "Rilevazioni", rows: Self.rows, columnWidths: [10, 40, 14.5], headerRows: 1, textColumns: [0]),
            WorksheetContent(name: "Note è à", rows: [[.text("solo")]]),
        ], to: url)

        let output = try Python.run(Self.dump, arguments: [url.path])
        let dump = try JSONDecoder().decode(Dump.self, from: output)
        #expect(dump.sheets == ["Rilevazioni", "Note è à"])
        let sheet = try #require(dump.data["Rilevazioni"])
        let read = trimmed(sheet.rows.map { $0.map { $0?.value ?? .empty } })
        var expected = trimmed(Self.rows)
        expected[6][0] = .text("42")  // column A is a text column: numbers are stored as text
        expected[6][1] = .text("caratterivietati")  // characters XML 1.0 forbids are dropped
        expected[3][5] = .error("#REF!")  // files spell error values in English; Italian Excel shows #RIF!
        expected[3][6] = .text("#BOH")  // not an error value Excel knows: kept as text
        #expect(read.count == expected.count)
        for (index, (got, want)) in zip(read, expected).enumerated() {
            #expect(got == want, "riga \(index + 1)")
        }
        #expect(sheet.freeze == "A2")
        #expect(sheet.formats[0].prefix(5).allSatisfy { $0.bold })
        #expect(!sheet.formats[1][1].bold)
        #expect(sheet.formats[1][0].code == "@")
        #expect(sheet.formats[1][3].code == "dd/mm/yyyy")
        #expect(sheet.formats[0][3].bold)
        #expect(sheet.widths["B"] == 40)
        #expect(sheet.widths["C"] == 14.5)
        #expect(dump.data["Note è à"]?.freeze == nil)

        // And our own reader agrees.
        let reader = try XLSXReader(url: url)
        #expect(reader.sheetNames == ["Rilevazioni", "Note è à"])
        #expect(grid(try reader.rows(inSheet: "Rilevazioni")) == expected)
    }

    @Test("numeri senza esponente e con il punto decimale")
    func numberText() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("numeri.xlsx")
        let values = ["1418965", "99.22", "-0.5", "0", "0.000000000123", "1000000000000000000000000", "-123.456"].map(decimal)
        try XLSXWriter.write([WorksheetContent(name: "N", rows: values.map { [.number($0)] })], to: url)
        let rows = try XLSXReader(url: url).rows(inSheet: "N")
        #expect(rows.map(\.cells) == values.map { [.number($0)] })
    }

    @Test("nomi di foglio non ammessi")
    func invalidSheetNames() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("nomi.xlsx")
        for name in ["", String(repeating: "x", count: 32), "a/b", "a[1]", "che?", "'citato'", "due:punti", "back\\slash", "stella*"] {
            let error = spreadsheetError { try XLSXWriter.write([WorksheetContent(name: name, rows: [])], to: url) }
            #expect(error != nil, "«\(name)» dovrebbe essere rifiutato")
            #expect(error?.description.hasPrefix("nomi.xlsx: ") == true)
        }
        let duplicate = spreadsheetError {
            try XLSXWriter.write([WorksheetContent(name: "Foglio", rows: []), WorksheetContent(name: "FOGLIO", rows: [])], to: url)
        }
        #expect(duplicate?.message == #"due fogli si chiamano "FOGLIO""#)
        #expect(!FileManager.default.fileExists(atPath: url.path))
        try XLSXWriter.write([WorksheetContent(name: String(repeating: "x", count: 31), rows: [])], to: url)
        #expect(try XLSXReader(url: url).sheetNames == [String(repeating: "x", count: 31)])
    }

    @Test("la scrittura sostituisce il file esistente senza lasciare file temporanei")
    func atomicReplace() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("scheda.xlsx")
        try XLSXWriter.write([WorksheetContent(name: "A", rows: [[.text("prima")]])], to: url)
        try XLSXWriter.write([WorksheetContent(name: "A", rows: [[.text("dopo")]])], to: url)
        #expect(try XLSXReader(url: url).rows(inSheet: "A").map(\.cells) == [[.text("dopo")]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path) == ["scheda.xlsx"])

        // A write that fails half-way leaves the previous file as it was, and nothing else.
        let long = String(repeating: "a", count: 32_768)
        let error = spreadsheetError {
            try XLSXWriter.write([WorksheetContent(name: "A", rows: [[.text("ok")], [.empty, .text(long)]])], to: url)
        }
        #expect(error?.description == "scheda.xlsx riga 2: il testo della cella B2 supera i 32767 caratteri ammessi da Excel")
        #expect(try XLSXReader(url: url).rows(inSheet: "A").map(\.cells) == [[.text("dopo")]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path) == ["scheda.xlsx"])
    }
}
