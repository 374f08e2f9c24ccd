import Foundation
import Testing
import TraguardoCore
import TraguardoSpreadsheet
import TraguardoStore
import TraguardoTestSupport
@testable import TraguardoExchange

/// Every example goes YAML → store → workbook → store → YAML and comes back the same.
///
/// «The same» is: the plan file `PlanFileWriter.yaml` writes for the Ente-year loaded from the store after the
/// workbook's import is, byte for byte, the one it writes for the Ente-year loaded from the store after the
/// example's own import (the example's files are split and commented by hand, so the comparison is with the
/// writer's output, which `RoundTripTests` shows reads back as the example). Without the store too: the plan the
/// workbook gives writes the same plan file as the plan it was made from.
@Suite("Foglio Excel del piano: andata e ritorno")
struct PlanWorkbookRoundTripTests {
    @Test(arguments: ExampleDatasets.folders)
    func everyExampleComesBackTheSameWithoutTheStore(_ folder: String) throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        for plan in try ExampleDatasets.read(folder) {
            let url = scratch.url("\(plan.entity.code)-\(plan.cycle.year).xlsx")
            try PlanWorkbookWriter.write(plan, to: url)
            let back = try PlanWorkbookReader.read(url)
            #expect(try PlanFileWriter.yaml(back) == PlanFileWriter.yaml(plan), "\(plan.entity.code) \(plan.cycle.year)")
            #expect(normalized(back) == normalized(plan), "\(plan.entity.code) \(plan.cycle.year)")
        }
    }

    @Test(arguments: ExampleDatasets.folders, TestBackend.allCases)
    func everyExampleComesBackTheSameThroughTheStore(_ folder: String, _ backend: TestBackend) async throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let first = try await TestDatabase.make(backend)
        let second = try await TestDatabase.make(backend)
        let one = try await first.open(), two = try await second.open()
        do {
            let plans = try ExampleDatasets.read(folder)
            _ = try await one.savePlans(plans, actor: "test")
            for plan in plans {
                let scope = CycleScope(entityCode: plan.entity.code, year: plan.cycle.year)
                let stored = try #require(try await one.loadPlan(scope))
                let yaml = try PlanFileWriter.yaml(stored)
                let url = scratch.url("\(plan.entity.code)-\(plan.cycle.year).xlsx")
                try PlanWorkbookWriter.write(stored, to: url)
                let read = try PlanWorkbookImport.read(paths: [url.path], workbooks: [url.path])
                _ = try await two.savePlans(read, actor: "test")
                let again = try #require(try await two.loadPlan(scope))
                #expect(try PlanFileWriter.yaml(again) == yaml, "\(plan.entity.code) \(plan.cycle.year)")
            }
        } catch {
            await one.close(); await two.close(); await first.drop(); await second.drop()
            throw error
        }
        await one.close(); await two.close(); await first.drop(); await second.drop()
    }

    @Test("il modello vuoto ha gli stessi fogli e le istruzioni, e si rilegge (senza righe: manca l'Ente)")
    func blankTemplate() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("modello.xlsx")
        try PlanWorkbookWriter.writeTemplate(to: url)
        let reader = try XLSXReader(url: url)
        #expect(reader.sheetNames == ["Istruzioni"] + PlanWorkbookLayout.sheets.map(\.name) + ["Elenchi"])
        for sheet in PlanWorkbookLayout.sheets {
            let rows = try reader.rows(inSheet: sheet.name)
            #expect(rows.count == 1 && rows[0].cells.map(PlanWorkbookWriter.text) == sheet.columns.map(\.heading), "\(sheet.name)")
        }
        let instructions = try reader.rows(inSheet: "Istruzioni").map { $0.cells.map(PlanWorkbookWriter.text) }
        for sheet in PlanWorkbookLayout.sheets {
            for column in sheet.columns {
                #expect(instructions.contains { $0.count >= 3 && $0[0] == sheet.name && $0[1] == column.heading && !$0[2].isEmpty },
                        "Istruzioni: manca \(sheet.name) › \(column.heading)")
            }
        }
        #expect(PlanWorkbookReader.isPlanWorkbook(url))
        #expect(throws: PlanFileErrors.self) { try PlanWorkbookReader.read(url) }
    }
}
