import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments

/// The Relazione di monitoraggio is built from the typed scores (issue 23, point 6): the progress table has one
/// row per node and objective of the plan, each with its score as a number, the figures of the seed.
@Suite("Relazione di monitoraggio")
struct MonitoringReportTests {
    static func table(_ document: Document, caption: String) throws -> DocumentTable {
        let tables = document.blocks.compactMap { block -> DocumentTable? in
            if case .table(let table) = block, table.caption == caption { return table }
            return nil
        }
        return try #require(tables.first, "nessuna tabella «\(caption)»")
    }

    @Test func theProgressOfEveryObjectiveIsItsScoreAsANumber() throws {
        let plan = try Examples.plan("lucca-2018")
        let document = MonitoringReportBuilder.build(plan: plan, scores: PlanScorer.score(plan, period: "ANNO"))
        let progress = try Self.table(document, caption: "Percentuale di realizzazione al periodo")
        #expect(progress.rows.count == plan.nodes.count + plan.objectives.count)
        // Lucca 2018, Relazione sulla performance: SG-1 and ENTE-1 at 99,75, SG-2 at 100 (attesi.yaml).
        for (code, printed, value) in [("SG-1", "99,75", Decimal(string: "99.75")!), ("ENTE-1", "99,75", Decimal(string: "99.75")!),
                                       ("SG-2", "100", Decimal(100))] {
            let row = try #require(progress.rows.first { $0.first?.text == code }, "\(code) manca")
            #expect(row[2].text == printed, "\(code): \(row[2].text)")
            #expect(row[2].figure?.value == value, "\(code): un numero, non un testo")
        }
    }
}
