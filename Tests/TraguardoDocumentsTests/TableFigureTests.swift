import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange
import TraguardoTestSupport

/// The figures of the documents' tables are typed from the scores and the plan, not guessed from their text:
/// every figure's text shows exactly its number, no right-aligned text is a number left untyped, and the XLSX
/// holds each figure as that number, in a format that shows it as the document does, and keeps every other
/// cell as its text, even one that reads as a number (an account code).
@Suite("Cifre delle tabelle: numeri fino al file")
struct TableFigureTests {
    static let folders = ["lucca-2013", "lucca-2017", "lucca-2018", "toscana-nord-ovest-2022"]

    /// Every document of every plan of every example it can be built for.
    static func documents() throws -> [(name: String, document: Document)] {
        var out: [(String, Document)] = []
        for folder in folders {
            let plans = try PlanFileReader.read(paths: [Examples.root.appendingPathComponent(folder).path])
            for plan in plans {
                for kind in DocumentKind.allCases {
                    guard let document = try? kind.build(plan: plan, scores: PlanScorer.score(plan), components: plans, source: nil)
                    else { continue }
                    out.append(("\(folder) \(plan.entity.code) \(kind.rawValue)", document))
                }
            }
        }
        return out
    }

    @Test func everyFigureShowsItsNumberAndNoNumberIsLeftAsText() throws {
        var figures: [TableFigure.Unit: Int] = [:]
        for (name, document) in try Self.documents() {
            for table in document.tablesWithChartData {
                for cell in (table.header + table.rows).joined() {
                    let read = ItalianNumber.parse(cell.text)
                    if let figure = cell.figure {
                        figures[figure.unit, default: 0] += 1
                        #expect(read == figure.value, "\(name), «\(table.caption ?? "")»: «\(cell.text)» è scritto per \(figure.value)")
                        #expect(cell.alignment == .trailing, "\(name): «\(cell.text)» non è allineato a destra")
                    } else if cell.alignment == .trailing {
                        #expect(read == nil, "\(name), «\(table.caption ?? "")»: «\(cell.text)» è un numero scritto come testo")
                    }
                }
            }
        }
        #expect(figures[.none, default: 0] > 500, "\(figures)")
        #expect(figures[.percent, default: 0] > 20, "\(figures)")
        #expect(figures[.euro, default: 0] > 0, "\(figures)")
    }

    @Test func aFigureKeepsItsDigitsAndUnit() {
        #expect(TableCell.amount(Decimal(string: "1418965")).text == "1.418.965,00")
        #expect(TableCell.amount(nil, missing: "—").figure == nil)
        #expect(TableCell.percent(Decimal(string: "-3.456"), fractionDigits: 2).text == "-3,46%")
        #expect(TableCell.percent(Decimal(string: "-3.456"), fractionDigits: 2).figure?.value == Decimal(string: "-3.46"),
                "il numero è quello che il testo mostra")
        #expect(TableCell.number(Decimal(string: "68.4975")).text == "68,4975")
        #expect(TableCell.number(12, fractionDigits: 2, unit: .euro).text == "12,00 €")
    }

    @Test(.enabled(if: OpenPyXL.shouldRun, "openpyxl mancante"))
    func theRelazioneWorkbookHoldsNumbersAsNumbersAndTextAsText() throws {
        let plan = try Examples.plan("lucca-2013")
        let document = RelazioneBuilder.build(plan: plan, scores: PlanScorer.score(plan))
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-cifre-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let xlsx = work.appendingPathComponent("relazione.xlsx")
        try DocumentFile.write(document, format: .xlsx, to: xlsx)

        // Every non-empty cell as openpyxl reads it: sheet, row, column (1-based), type, value, number format.
        let lines = try Python.text("""
            import openpyxl
            wb = openpyxl.load_workbook(\(Python.literal(xlsx.path)))
            for i, ws in enumerate(wb.worksheets):
                for row in ws.iter_rows():
                    for c in row:
                        if c.value is not None:
                            print(i, c.row, c.column, c.data_type, repr(c.value) if c.data_type == 'n' else c.value, c.number_format, sep='\\t')
            """).split(separator: "\n", omittingEmptySubsequences: true)
        var read: [String: (type: String, value: String, format: String)] = [:]
        for line in lines {
            let field = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard field.count == 6 else { continue }
            read["\(field[0]) \(field[1]) \(field[2])"] = (field[3], field[4], field[5])
        }

        var checked: [TableFigure.Unit: Int] = [:]
        var numberLikeText = 0
        for (index, table) in document.tablesWithChartData.enumerated() {
            var row = table.caption == nil ? 1 : 2
            for tableRow in table.header + table.rows {
                var column = 1
                for cell in tableRow {
                    defer { column += cell.columnSpan }
                    guard !cell.text.isEmpty else { continue }
                    let where_ = "foglio \(index + 1) «\(table.caption ?? "")» riga \(row) colonna \(column) «\(cell.text)»"
                    guard let found = read["\(index + 1) \(row) \(column)"] else {
                        Issue.record("\(where_): cella vuota nel file")
                        continue
                    }
                    if let figure = cell.figure {
                        checked[figure.unit, default: 0] += 1
                        #expect(found.type == "n", "\(where_): non è un numero")
                        #expect(Decimal(string: found.value) == figure.value, "\(where_): \(found.value), atteso \(figure.value)")
                        #expect(found.format == Self.format(figure), "\(where_): formato \(found.format)")
                    } else {
                        #expect(found.type == "s" && found.value == cell.text, "\(where_): \(found)")
                        if ItalianNumber.parse(cell.text) != nil { numberLikeText += 1 }
                    }
                }
                row += 1
            }
        }
        #expect(checked[.none, default: 0] > 50, "punteggi e importi: \(checked)")
        #expect(checked[.percent, default: 0] > 5, "percentuali: \(checked)")
        #expect(numberLikeText > 5, "codici (conti 330000, anni) che restano testo")

        // Three cells by name: a score, an amount and a percentage of the Relazione of Lucca 2013.
        let variances = try #require(document.tablesWithChartData.firstIndex { $0.caption?.hasPrefix("Allegato – Scostamenti") == true })
        let amount = try #require(document.tablesWithChartData[variances].rows.joined().first { $0.figure?.fractionDigits == 2 && $0.figure?.unit == TableFigure.Unit.none })
        #expect(amount.figure.map(Self.format) == "#,##0.00")
        let percent = try #require(document.tablesWithChartData[variances].rows.joined().first { $0.figure?.unit == .percent })
        #expect(percent.figure.map(Self.format) == "#,##0.00\"%\"")
        let managers = try #require(document.tablesWithChartData.first { $0.caption == "Risultati dei dirigenti" })
        #expect(managers.rows.allSatisfy { $0[2].figure != nil || $0[2].text.hasPrefix("N.C.") }, "il risultato di ogni dirigente è un numero")
        let code = try #require(document.tablesWithChartData[variances].rows.first?.first)
        #expect(code.figure == nil && ItalianNumber.parse(code.text) != nil, "il codice del conto «\(code.text)» resta testo")
    }

    /// The format code the document's figure should have in the XLSX: thousands grouped, its decimals, its unit.
    static func format(_ figure: TableFigure) -> String {
        var code = "#,##0" + (figure.fractionDigits > 0 ? "." + String(repeating: "0", count: figure.fractionDigits) : "")
        switch figure.unit {
        case .none: break
        case .percent: code += "\"%\""
        case .euro: code += "\" €\""
        }
        return code
    }
}
