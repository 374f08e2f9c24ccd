import Foundation
import Testing
import TraguardoCore
import TraguardoExchange
import TraguardoTestSupport

/// The generated cases of Lucca 2018 (`Examples/lucca-2018/casi/casi-2018.csv`, written by `genera-casi.py`),
/// counted on Lucca's working-day calendar, give the printed allegato n. 1: every row's result, TOTALE 3.572,
/// 99,22 on 36 processes.
@Suite("Carta dei servizi dai casi: Lucca 2018")
struct ServiceCasesExampleTests {
    static let folder = ExampleDatasets.root.appendingPathComponent("lucca-2018")
    static let casesFile = folder.appendingPathComponent("casi").appendingPathComponent("casi-2018.csv")

    /// A register exported as XLSX (written by openpyxl, as another program would): real date cells and text dates,
    /// a suspension as two columns; read like the CSV, and a bad row named with its sheet row and column.
    @Test func anXLSXRegisterIsReadLikeTheCSV() throws {
        let plan = try #require(try ExampleDatasets.read("lucca-2018").first)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casi-xlsx-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("registro.xlsx"), bad = folder.appendingPathComponent("errato.xlsx")
        try Python.run("""
            import sys, datetime, openpyxl
            def write(path, rows):
                book = openpyxl.Workbook(); sheet = book.active
                sheet.append(["Servizio", "N. protocollo", "Data ricezione", "Data conclusione", "Sospeso dal", "Sospeso al"])
                for row in rows: sheet.append(row)
                book.save(path)
            d = datetime.datetime
            write(sys.argv[1], [["3.1.1", "A-1", d(2018, 5, 7), d(2018, 5, 11), None, None],
                                ["3.1.1", "A-2", "02/07/2018", d(2018, 7, 31), d(2018, 7, 5), d(2018, 7, 20)]])
            write(sys.argv[2], [["3.1.1", "A-1", d(2018, 5, 10), d(2018, 5, 8), None, None]])
            """, arguments: [good.path, bad.path])
        let cases = try ServiceCaseFile.read(good, plan: plan)
        #expect(cases.map(\.caseID) == ["A-1", "A-2"])
        #expect(cases.first?.received == CivilDate(year: 2018, month: 5, day: 7))
        #expect(cases.last?.suspensions == [DaySpan(from: CivilDate(year: 2018, month: 7, day: 5), to: CivilDate(year: 2018, month: 7, day: 20))])
        #expect {
            _ = try ServiceCaseFile.read(bad, plan: plan)
        } throws: { error in
            "\(error)".contains("errato.xlsx, riga 2, colonna «conclusa»: il caso si conclude il 08/05/2018, prima di essere ricevuto (10/05/2018)")
        }
    }

    @Test func theAllegatoComputedFromTheCasesIsThePrintedOne() throws {
        let plan = try #require(try ExampleDatasets.read("lucca-2018").first)
        #expect(plan.entity.patronSaint == PatronSaint(name: "San Paolino", month: 7, day: 12))
        let cases = try ServiceCaseFile.read(Self.casesFile, plan: plan)
        #expect(cases.count > 1_000)
        let charter = ServiceCharterFromCases(plan: plan, cases: cases, period: "ANNO")
        let scores = PlanScorer.score(charter.plan, period: "ANNO")
        let table = ServiceCharterTable(plan: charter.plan, scores: scores, summaries: charter.summaries)
        #expect(table.footer == ["TOTALE 3.572", "% RISULTATO CONSEGUITO SU 36 PROCESSI 99,22"])
        #expect(table.rows.count == 40)
        // Row by row, the result printed in the allegato.
        for row in table.rows {
            let standard = try #require(plan.serviceStandards.first { $0.code == row.code })
            let printed = plan.serviceResults.first { $0.standardID == standard.id }?.declared?.text
            #expect(row.result == printed, "\(row.code): calcolato \(row.result), stampato \(printed ?? "—")")
        }
        let byCode = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.code, $0) })
        // The lodo: «media di 78 gg su 3 procedure», the one with a proroga left out of the mean.
        #expect(byCode["3.3.1.b"]?.meanDays == 78)
        #expect(byCode["3.3.1.b"]?.justified == 1)
        // Verifica periodica: 56 of 78 within 50 days.
        #expect(byCode["3.3.5.a"]?.cases == 78 && byCode["3.3.5.a"]?.withinStandard == 56)
        // Ordinanze: 415, the mean printed 80,36.
        #expect(byCode["3.3.4"]?.cases == 415)
        #expect(byCode["3.3.4"]?.meanDays.map { ItalianFormatting.number($0, fractionDigits: 2) } != nil)
        #expect(byCode["3.2.4"]?.maximumDays == 22)
        #expect(byCode["3.1.2"]?.result == "N.C.")
    }

    /// Without San Paolino in the calendar, a case that spans 12 July 2018 counts one day more: the patron saint
    /// is part of the count.
    @Test func thePatronSaintChangesTheCount() throws {
        var plan = try #require(try ExampleDatasets.read("lucca-2018").first)
        let standard = try #require(plan.serviceStandards.first { $0.code == "3.1.1" })
        let one = ServiceCase(serviceCode: "3.1.1", caseID: "1", received: CivilDate(year: 2018, month: 7, day: 11),
                              closed: CivilDate(year: 2018, month: 7, day: 13))
        let span = DaySpan(from: CivilDate(year: 2018, month: 1, day: 1), to: CivilDate(year: 2018, month: 12, day: 31))
        #expect(ServiceCaseSummary(standard: standard, cases: [one], calendar: plan.entity.workingDayCalendar, period: span).maximumDays == 1)
        plan.entity.patronSaint = nil
        #expect(ServiceCaseSummary(standard: standard, cases: [one], calendar: plan.entity.workingDayCalendar, period: span).maximumDays == 2)
    }
}
