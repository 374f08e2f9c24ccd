import Foundation
import Testing
import TraguardoCore
import TraguardoExchange
import TraguardoSpreadsheet

/// Files that are not workbooks, or broken ones: an Italian error naming the file, never a crash.
@Suite("XLSX: file non validi")
struct SpreadsheetXLSXReaderErrorTests {
    func openError(_ url: URL) -> SpreadsheetError? {
        spreadsheetError { _ = try XLSXReader(url: url) }
    }

    @Test("non è un archivio ZIP, file vuoto, file inesistente, vecchio .xls")
    func notAWorkbook() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let text = scratch.url("scheda.xlsx")
        try Data("Codice;Valore\n1;2\n".utf8).write(to: text)
        #expect(openError(text)?.description == "scheda.xlsx: non è un file XLSX (non è un archivio ZIP)")

        let empty = scratch.url("vuoto.xlsx")
        try Data().write(to: empty)
        #expect(openError(empty)?.description == "vuoto.xlsx: non è un file XLSX (il file è vuoto)")

        #expect(openError(scratch.url("assente.xlsx"))?.description == "assente.xlsx: il file non esiste")

        let xls = scratch.url("vecchio.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(to: xls)
        #expect(openError(xls)?.message.contains("Excel 97-2003") == true)
    }

    @Test("archivio ZIP senza workbook")
    func zipWithoutWorkbook() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("archivio.xlsx")
        try HandMadePackage.write([("leggimi.txt", "ciao")], to: url)
        #expect(openError(url)?.description == "archivio.xlsx: non è un file XLSX (manca la parte xl/workbook.xml)")
    }

    @Test("file troncato o danneggiato")
    func truncatedAndCorrupted() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let good = scratch.url("buono.xlsx")
        let rows = (1...2000).map { [SpreadsheetCell.text("riga \($0)"), .number(Decimal($0))] }
        try XLSXWriter.write([WorksheetContent(name: "Dati", rows: rows)], to: good)
        let bytes = try Data(contentsOf: good)

        for fraction in [0.1, 0.5, 0.9, 0.99] {
            let cut = scratch.url("troncato.xlsx")
            try bytes.prefix(Int(Double(bytes.count) * fraction)).write(to: cut)
            let error = spreadsheetError {
                let reader = try XLSXReader(url: cut)
                try reader.forEachRow(inSheet: "Dati") { _ in }
            }
            #expect(error?.file == "troncato.xlsx")
            #expect(error?.message.contains("danneggiato o troncato") == true, "\(fraction): \(String(describing: error))")
        }

        // Bytes changed in the middle of the compressed sheet: the central directory is intact.
        var damaged = bytes
        let middle = damaged.count / 2
        for offset in middle..<(middle + 64) { damaged[offset] ^= 0x5A }
        let broken = scratch.url("danneggiato.xlsx")
        try damaged.write(to: broken)
        let error = spreadsheetError {
            let reader = try XLSXReader(url: broken)
            try reader.forEachRow(inSheet: "Dati") { _ in }
        }
        #expect(error?.file == "danneggiato.xlsx")
    }

    @Test("foglio mancante")
    func missingSheet() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("scheda.xlsx")
        try XLSXWriter.write([WorksheetContent(name: "Indicatori", rows: [[.text("x")]]),
                              WorksheetContent(name: "Note", rows: [])], to: url)
        let reader = try XLSXReader(url: url)
        let error = spreadsheetError { try reader.forEachRow(inSheet: "Rilevazioni") { _ in } }
        #expect(error?.description == #"scheda.xlsx: manca il foglio "Rilevazioni" (fogli presenti: "Indicatori", "Note")"#)
    }

    @Test("XML non valido: l'errore dice la riga")
    func malformedSheet() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("rotto.xlsx")
        let sheetData = (1...11).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
            + #"<row r="12"><c r="A12"><v>12</v></row>"#
        try HandMadePackage.write(HandMadePackage.workbook(sheetData: sheetData), to: url)
        let reader = try XLSXReader(url: url)
        var seen: [Int] = []
        let error = spreadsheetError { try reader.forEachRow(inSheet: "Foglio1") { seen.append($0.number) } }
        #expect(seen == Array(1...11))
        #expect(error?.row == 12)
        #expect(error?.description.hasPrefix(#"rotto.xlsx riga 12: XML non valido nel foglio "Foglio1": "#) == true,
                "\(String(describing: error))")
    }

    @Test("contenuti non validi: stringa condivisa inesistente, numero, riferimento, entità, XML troncato")
    func invalidContents() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let cases: [(String, String)] = [
            (#"<row r="3"><c r="A3" t="s"><v>5</v></c></row>"#, "stringa condivisa «5»"),
            (#"<row r="3"><c r="A3"><v>12,5</v></c></row>"#, "numero «12,5» non valido nella cella A3"),
            (#"<row r="3"><c r="3A"><v>1</v></c></row>"#, "riferimento di cella «3A» non valido"),
            (#"<row r="3"><c r="A3" t="str"><v>&nbsp;</v></c></row>"#, "entità «&nbsp;» sconosciuta"),
            (#"<row r="3"><c r="A3" t="b"><v>forse</v></c></row>"#, "valore logico «forse»"),
            (#"<row r="3"><c r="A3"><v>1</v></c></row><row r="4"><c r="A4"><v>2</v>"#, "chiusura"),
        ]
        for (index, (sheetData, expected)) in cases.enumerated() {
            let url = scratch.url("caso\(index).xlsx")
            try HandMadePackage.write(HandMadePackage.workbook(sheetData: sheetData, sharedStrings: ["<si><t>a</t></si>"]), to: url)
            let reader = try XLSXReader(url: url)
            let error = spreadsheetError { try reader.forEachRow(inSheet: "Foglio1") { _ in } }
            #expect(error?.message.contains(expected) == true, "caso \(index): \(String(describing: error))")
            #expect(error?.row == (index == 5 ? 4 : 3), "caso \(index)")
        }
    }

    @Test("l'errore di chi legge le righe passa così com'è")
    func bodyErrorsPassThrough() throws {
        struct Stop: Error {}
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("scheda.xlsx")
        try XLSXWriter.write([WorksheetContent(name: "A", rows: [[.number(1)], [.number(2)]])], to: url)
        let reader = try XLSXReader(url: url)
        #expect(throws: Stop.self) { try reader.forEachRow(inSheet: "A") { _ in throw Stop() } }
    }
}
