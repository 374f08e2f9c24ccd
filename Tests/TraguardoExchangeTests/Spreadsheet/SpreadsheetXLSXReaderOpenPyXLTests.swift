import Foundation
import Testing
import TraguardoSpreadsheet
import TraguardoTestSupport
import TraguardoCore
import TraguardoExchange

/// Workbooks written by openpyxl (shared strings, rich text, formulas, errors, dates, booleans, gaps), read by us.
@Suite("XLSX scritto da openpyxl, letto da noi")
struct SpreadsheetXLSXReaderOpenPyXLTests {
    static let make = #"""
import sys, datetime, openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Rilevazioni"
ws.append(["Codice", "Valore", "Data", "Fatto", "Non fatto"])
ws["A2"] = "007"
ws["B2"] = "#DIV/0!"
ws["C2"] = datetime.date(2019, 12, 31)
ws["D2"] = True
ws["E2"] = False
ws["A3"] = 1418965
ws["B3"] = 99.22
ws["C3"] = -0.5
ws["D3"] = 0
ws["E5"] = "lacuna"
ws["A6"] = "=SUM(A3:D3)"
ws["B6"] = "#N/A"
ws["A7"] = CellRichText(["Piano ", TextBlock(InlineFont(b=True), "della performance")])
ws["A8"] = datetime.datetime(2020, 2, 29, 13, 30)
ws["B8"] = "àèìòù €"
ws["C8"] = "  spazi  "
ws["D8"] = "Codice"
ws["E8"] = 12.5
ws["E8"].number_format = '0.00" gg"'
ws["F8"] = 45000
ws["F8"].number_format = "[$-410]d mmmm yyyy"
ws["G8"] = 45000
ws["G8"].number_format = "h:mm"
ws["B2"].data_type = "e"
second = wb.create_sheet("Secondo foglio")
second["C3"] = "solo"
wb.save(sys.argv[1])
"""#

    @Test("valori, errori, date, logici, stringhe condivise, testo ricco, lacune", .enabled(if: OpenPyXL.shouldRun))
    func openpyxlWorkbook() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("openpyxl.xlsx")
        try Python.run(Self.make, arguments: [url.path])

        let reader = try XLSXReader(url: url)
        #expect(reader.sheetNames == ["Rilevazioni", "Secondo foglio"])
        let rows = try reader.rows(inSheet: "Rilevazioni")
        let expected: [[SpreadsheetCell]] = [
            [.text("Codice"), .text("Valore"), .text("Data"), .text("Fatto"), .text("Non fatto")],
            [.text("007"), .error("#DIV/0!"), .date(date("2019-12-31")), .boolean(true), .boolean(false)],
            [.number(1_418_965), .number(decimal("99.22")), .number(decimal("-0.5")), .number(0)],
            [],
            [.empty, .empty, .empty, .empty, .text("lacuna")],
            [.empty, .error("#N/A")],  // a formula without a cached value reads as empty
            [.text("Piano della performance")],
            [.date(date("2020-02-29")), .text("àèìòù €"), .text("  spazi  "), .text("Codice"), .number(decimal("12.5")),
             .date(date("2023-03-15")), .date(date("2023-03-15"))],  // openpyxl stores "h:mm" as built-in 20, a date format
        ]
        let read = grid(rows)
        #expect(read.count == expected.count)
        for (index, (got, want)) in zip(read, expected).enumerated() {
            #expect(got == want, "riga \(index + 1)")
        }
        #expect(rows.first { $0.number == 5 }?.cells.count == 5)
        #expect(grid(try reader.rows(inSheet: "Secondo foglio")) == [[], [], [.empty, .empty, .text("solo")]])
    }
}
