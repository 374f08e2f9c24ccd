import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange
import TraguardoTestSupport

/// Every document of the catalogue, for every example it applies to, written as DOCX and XLSX and opened
/// with python-docx and openpyxl: the chapters Word lists are the document's, every table (and every
/// chart's data) is there, and the workbook has a sheet per table after «Documento».
@Suite("Ogni documento in DOCX e XLSX", .enabled(if: PythonDocx.shouldRun && OpenPyXL.shouldRun))
struct EveryDocumentInEveryFormatTests {
    static let cases: [(DocumentKind, String, String)] = [
        (.rpp, "toscana-nord-ovest-2022", "toscana-nord-ovest"),
        (.rpp, "toscana-nord-ovest-2022", "pisa"),
        (.piano, "lucca-2017", "lucca"),
        (.relazione, "lucca-2013", "lucca"),
        (.relazione, "lucca-2018", "lucca"),
        (.valutazione, "lucca-2013", "lucca"),
        (.valutazione, "lucca-2018", "lucca"),
    ]

    static func document(_ kind: DocumentKind, _ folder: String, _ entity: String) throws -> Document {
        let plans = try PlanFileReader.read(paths: [Examples.root.appendingPathComponent(folder).path])
        let plan = try #require(plans.first { $0.entity.code == entity })
        return try kind.build(plan: plan, scores: PlanScorer.score(plan), components: plans, source: "Examples/\(folder)")
    }

    @Test(arguments: 0..<cases.count)
    func wordAndExcelReadIt(_ index: Int) throws {
        let (kind, folder, entity) = Self.cases[index]
        let document = try Self.document(kind, folder, entity)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-formati-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let docx = work.appendingPathComponent("documento.docx")
        try DocumentFile.write(document, format: .docx, to: docx)
        let parsed = try DOCXReader.parse(docx: docx)
        #expect(parsed.malformed.isEmpty, "\(kind) \(entity): \(parsed.malformed)")
        #expect(parsed.title == document.title)
        let chapters = parsed.paragraphs.filter { $0.style == "Heading 1" }.map(\.text)
        #expect(chapters == document.headings.filter { $0.level == 1 }.map(\.text), "\(kind) \(entity)")
        #expect(parsed.tables.count == document.tablesWithChartData.count, "\(kind) \(entity)")

        let xlsx = work.appendingPathComponent("documento.xlsx")
        try DocumentFile.write(document, format: .xlsx, to: xlsx)
        let sheets = try Python.text("""
            import openpyxl
            wb = openpyxl.load_workbook(\(Python.literal(xlsx.path)))
            print(len(wb.worksheets)); print(wb.worksheets[0]['A1'].value)
            """).split(separator: "\n").map(String.init)
        #expect(sheets.first == String(document.tablesWithChartData.count + 1), "\(kind) \(entity): \(sheets)")
        #expect(sheets.dropFirst().first == document.title)
    }
}
