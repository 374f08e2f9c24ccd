import Foundation
import Testing
import TraguardoExchange
import TraguardoSpreadsheet

@Suite("CSV: scrittura e lettura")
struct SpreadsheetCSVTests {
    static let rows: [[String]] = [
        ["Codice", "Descrizione", "Valore"],
        ["007", "punto; e virgola", "1.418.965,00"],
        ["008", #"le "virgolette""#, ""],
        ["009", "due\nrighe", "crlf\r\ndentro"],
        ["010", "àèìòù €", "fine"],
        [],
        ["", "", "x"],
    ]

    @Test("il testo: virgolette solo dove servono, righe chiuse da CRLF")
    func text() {
        #expect(CSVWriter.text([["a", "b;c", #"d"e"#, "f\ng", ""], ["1"]]) == "a;\"b;c\";\"d\"\"e\";\"f\ng\";\r\n1\r\n")
        #expect(CSVWriter.text([["a,b", "c;d"]], separator: ",") == "\"a,b\",c;d\r\n")
    }

    @Test("andata e ritorno con ; virgolette, a capo dentro i campi e BOM")
    func roundTrip() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("rilevazioni.csv")
        try CSVWriter.write(Self.rows, to: url)
        let bytes = try Data(contentsOf: url)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let reader = try CSVReader(url: url)
        #expect(reader.separator == ";")
        let rows = try reader.rows()
        #expect(rows.map(\.number) == Array(1...7))
        let expected: [[SpreadsheetCell]] = Self.rows.map { row in
            var cells = row.map { $0.isEmpty ? SpreadsheetCell.empty : .text($0) }
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            return cells
        }
        #expect(rows.map(\.cells) == expected)
    }

    @Test("separatore , o tabulazione riconosciuto dalla prima riga")
    func otherSeparators() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let comma = scratch.url("virgola.csv")
        try Data([0xEF, 0xBB, 0xBF] + Array("codice,\"nome; lungo\",valore\n1,\"a,b\",3\r\n2,,\n".utf8)).write(to: comma)
        let commaReader = try CSVReader(url: comma)
        #expect(commaReader.separator == ",")
        #expect(try commaReader.rows().map(\.cells) == [
            [.text("codice"), .text("nome; lungo"), .text("valore")],
            [.text("1"), .text("a,b"), .text("3")],
            [.text("2")],
        ])

        let tab = scratch.url("tab.csv")
        try Data("a\tb;c\tc\n1\t2\t3".utf8).write(to: tab)
        let tabReader = try CSVReader(url: tab)
        #expect(tabReader.separator == "\t")
        #expect(try tabReader.rows().map(\.cells) == [[.text("a"), .text("b;c"), .text("c")], [.text("1"), .text("2"), .text("3")]])

        let single = scratch.url("una.csv")
        try Data("solo\r".utf8).write(to: single)
        let singleReader = try CSVReader(url: single)
        #expect(singleReader.separator == ";")
        #expect(try singleReader.rows().map(\.cells) == [[.text("solo")]])
    }

    @Test("testo non UTF-8: l'errore dice la riga")
    func invalidUTF8() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("latin1.csv")
        var bytes = Data("codice;nome\n".utf8)
        for index in 2...6 { bytes.append(contentsOf: "\(index);riga \(index)\n".utf8) }
        bytes.append(contentsOf: "7;citt".utf8)
        bytes.append(0xE0)  // "à" in Latin-1
        bytes.append(contentsOf: "\n8;ok\n".utf8)
        try bytes.write(to: url)
        var seen: [Int] = []
        let error = spreadsheetError { try CSVReader(url: url).forEachRow { seen.append($0.number) } }
        #expect(seen == Array(1...6))
        #expect(error?.row == 7)
        #expect(error?.description == "latin1.csv riga 7: testo non UTF-8: salvare il file con codifica UTF-8")
    }

    @Test("virgolette mai chiuse, file vuoto, file inesistente")
    func otherErrors() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let open = scratch.url("aperte.csv")
        try Data("a;b\n1;\"non chiuso\n2;3\n".utf8).write(to: open)
        let error = spreadsheetError { try CSVReader(url: open).forEachRow { _ in } }
        #expect(error?.row == 2)
        #expect(error?.message.contains("virgolette") == true)

        let empty = scratch.url("vuoto.csv")
        try Data().write(to: empty)
        #expect(try CSVReader(url: empty).rows().isEmpty)

        let missing = spreadsheetError { _ = try CSVReader(url: scratch.url("assente.csv")) }
        #expect(missing?.description == "assente.csv: il file non esiste")
    }
}
