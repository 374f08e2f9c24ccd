import Foundation
import Testing
@testable import TraguardoSpreadsheet

/// What the CSV parser could get wrong by reading bytes in runs and in chunks of the file: fields, quotes,
/// line ends and UTF-8 characters cut by the end of a read, line numbers of records spread over many lines.
@Suite("CSV: lettura a byte")
struct SpreadsheetCSVByteTests {
    static func rows(_ bytes: [UInt8], scratch: SpreadsheetScratch, name: String = "schede.csv") throws -> [SpreadsheetRow] {
        let url = scratch.url(name)
        try Data(bytes).write(to: url)
        return try CSVReader(url: url).rows()
    }

    @Test("separatore, virgolette raddoppiate e a capo dentro le virgolette; virgolette dentro un campo senza")
    func quotedFields() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let text = "a;b;c\r\n\"x;y\";\"di \"\"lui\"\"\";\"una\r\ndue\ntre\rquattro\"\r\n7;pollice 3\";\"\"\n\"chiuso\"dopo;;\"\"\"\"\n"
        let rows = try Self.rows(Array(text.utf8), scratch: scratch)
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows.map(\.cells) == [
            [.text("a"), .text("b"), .text("c")],
            [.text("x;y"), .text(#"di "lui""#), .text("una\r\ndue\ntre\rquattro")],
            [.text("7"), .text(#"pollice 3""#)],
            [.text("chiusodopo"), .empty, .text(#"""#)],
        ])
    }

    @Test("un record su più righe: l'errore UTF-8 del record dopo dice il record e la riga del file")
    func lineOfRecordAfterLineEndsInQuotes() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        // Record 2 takes lines 2–5 (CRLF, LF and CR inside the quotes); record 3 starts on line 6.
        var bytes = Array("codice;nota\n1;\"a\r\nb\nc\rd\"\n2;citt".utf8)
        bytes.append(0xE0)  // «à» in Latin-1
        bytes += Array("\n".utf8)
        let url = scratch.url("righe.csv")
        try Data(bytes).write(to: url)
        var seen: [Int] = []
        let error = spreadsheetError { try CSVReader(url: url).forEachRow { seen.append($0.number) } }
        #expect(seen == [1, 2])
        #expect(error?.row == 3)
        #expect(error?.description == "righe.csv riga 3: testo non UTF-8 (riga 6 del file di testo): salvare il file con codifica UTF-8")
    }

    @Test("un byte non UTF-8 nell'ultimo campo, o in un campo fra virgolette, nomina la sua riga")
    func invalidByteInEveryKindOfField() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        for (index, field) in [[0x61, 0xFF], [0x22, 0x3B, 0xC3, 0x22], [0xC3, 0x28]].enumerated() {
            let url = scratch.url("campo\(index).csv")
            try Data(Array("a;b\n1;2\n3;".utf8) + field.map(UInt8.init) + Array(";\n4;5\n".utf8)).write(to: url)
            var seen: [Int] = []
            let error = spreadsheetError { try CSVReader(url: url).forEachRow { seen.append($0.number) } }
            #expect(seen == [1, 2], "campo \(index)")
            #expect(error?.description == "campo\(index).csv riga 3: testo non UTF-8: salvare il file con codifica UTF-8", "campo \(index)")
        }
    }

    @Test("caratteri UTF-8, CRLF, virgolette e separatori tagliati dalla fine di una lettura")
    func cutByTheEndOfARead() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let tail = "\"à;\"\"€\"\"\r\nè\";città€\r\n"  // quoted: «à;"€"CRLFè», then «città€»
        let expected: [SpreadsheetCell] = [.text("à;\"€\"\r\nè"), .text("città€")]
        // Every cut from before the opening quote to after the final LF.
        for shift in 0...Array(tail.utf8).count {
            var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("titolo;valore\r\n".utf8)
            let filler = CSVReader.chunkSize - shift - bytes.count - 2
            bytes += Array(repeating: UInt8(ascii: "x"), count: filler) + Array(";\n".utf8)
            #expect(bytes.count == CSVReader.chunkSize - shift)
            bytes += Array(tail.utf8) + Array("fine;1".utf8)
            let rows = try Self.rows(bytes, scratch: scratch, name: "taglio\(shift).csv")
            #expect(rows.map(\.number) == [1, 2, 3, 4], "taglio \(shift)")
            #expect(rows.count == 4 && rows[2].cells == expected, "taglio \(shift)")
            #expect(rows.last?.cells == [.text("fine"), .text("1")], "taglio \(shift)")
        }
    }

    @Test("il BOM si salta solo all'inizio del file; un CR alla fine di una lettura e il suo LF fanno una sola riga")
    func bomAndCRLFAtTheCut() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r".utf8)
        bytes += Array(repeating: UInt8(ascii: "b"), count: CSVReader.chunkSize - bytes.count - 1) + [0x0D]
        bytes += [0x0A, 0xEF, 0xBB, 0xBF] + Array("c\r\n".utf8)  // a BOM after the first read is text
        let rows = try Self.rows(bytes, scratch: scratch)
        #expect(rows.map(\.number) == [1, 2, 3])
        #expect(rows.map { $0.cells.count } == [1, 1, 1])
        #expect(rows.first?.cells == [.text("a")])
        #expect(rows.last?.cells == [.text("\u{FEFF}c")])
    }
}
