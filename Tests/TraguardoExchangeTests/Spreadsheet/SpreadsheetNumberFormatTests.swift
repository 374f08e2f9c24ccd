import Foundation
import Testing
import TraguardoCore
import TraguardoExchange
import TraguardoSpreadsheet

/// Numbers written with a format stay the same numbers: the writer's reader (and any other) reads them back
/// exactly, never as dates, and a header figure is bold with the same format.
@Suite("XLSX: formati dei numeri")
struct SpreadsheetNumberFormatTests {
    @Test func formattedNumbersReadBackExactlyAndNotAsDates() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("formati.xlsx")
        let amount = try #require(Decimal(string: "1418965.07"))
        let percent = try #require(Decimal(string: "-12.5"))
        let rows: [[SpreadsheetCell]] = [
            [.text("Voce"), .number(2013)],
            [.text("330000"), .number(amount), .number(percent), .number(68), .number(7)],
        ]
        let formats: [SheetPosition: NumberFormat] = [
            SheetPosition(row: 0, column: 1): .grouped(fractionDigits: 0),
            SheetPosition(row: 1, column: 1): .grouped(fractionDigits: 2, suffix: " €"),
            SheetPosition(row: 1, column: 2): .grouped(fractionDigits: 2, suffix: "%"),
            SheetPosition(row: 1, column: 3): .grouped(fractionDigits: 2),
        ]
        try XLSXWriter.write(
            [WorksheetContent(name: "Cifre", rows: rows, headerRows: 1, numberFormats: formats),
             WorksheetContent(name: "Altro", rows: [[.number(1)]], numberFormats: [SheetPosition(row: 0, column: 0): .grouped(fractionDigits: 2)])],
            to: url)
        let read = try XLSXReader(url: url).rows(inSheet: "Cifre")
        #expect(read.map(\.cells) == rows, "numeri esatti, nessuna data, il codice resta testo")
        #expect(NumberFormat.grouped(fractionDigits: 2, suffix: "%").code == "#,##0.00\"%\"")
        #expect(NumberFormat.grouped(fractionDigits: 0).code == "#,##0")
    }
}
