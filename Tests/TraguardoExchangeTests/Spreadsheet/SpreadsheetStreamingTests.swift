import Foundation
import Testing
import TraguardoCore
import TraguardoExchange
import TraguardoSpreadsheet

@Suite("XLSX: fogli grandi letti a flusso")
struct SpreadsheetStreamingTests {
    /// The most memory the process has held so far (VmHWM), in MB; nil where /proc is not there.
    static func peakMemoryMB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }

    @Test("200.000 righe scritte e rilette")
    func twoHundredThousandRows() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("grande.xlsx")
        let count = 200_000
        let day = CivilDate(year: 2019, month: 12, day: 31)
        let rows: [[SpreadsheetCell]] = [[.text("Codice"), .text("Valore"), .text("Data")]]
            + (1...count).map { [.text("R\($0)"), .number(Decimal($0) / 4), .date(day)] }
        let clock = ContinuousClock()
        let writeStart = clock.now
        try XLSXWriter.write([WorksheetContent(name: "Dati", rows: rows, headerRows: 1)], to: url)
        let written = clock.now - writeStart
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let peakAfterWrite = Self.peakMemoryMB()

        let readStart = clock.now
        var read = 0
        var last: SpreadsheetRow?
        try XLSXReader(url: url).forEachRow(inSheet: "Dati") { row in
            read += 1
            last = row
        }
        let elapsed = clock.now - readStart
        #expect(read == count + 1)
        #expect(last == SpreadsheetRow(number: count + 1, cells: [.text("R\(count)"), .number(Decimal(count) / 4), .date(day)]))
        print("""
            flusso XLSX: \(count) righe, \(size / 1024) KB; scrittura \(written), lettura \(elapsed); \
            memoria di picco dopo la scrittura \(peakAfterWrite.map { "\($0) MB" } ?? "?"), \
            dopo la lettura \(Self.peakMemoryMB().map { "\($0) MB" } ?? "?")
            """)
    }
}
