import Foundation
import Testing
import TraguardoCore
import TraguardoStore
import TraguardoTestSupport

/// `traguardo merge`: the consolidated plan of Toscana Nord-Ovest 2022 from Lucca, Pisa and Massa-Carrara saved in the
/// database, each element saying where it comes from; the RPP built with it; the check of the consolidated budget.
@Suite("Riga di comando: consolidamento dell'Ente accorpato")
struct MergeCommandTests {
    static let examples = ImportCommandsTests.examples

    @Test(arguments: TestBackend.allCases)
    func mergeSavesTheConsolidatedPlanAndTheRPPUsesIt(_ backend: TestBackend) async throws {
        try await withTestDatabase(backend) { database in
            let db = database.argument
            let folder = Self.examples.appendingPathComponent("toscana-nord-ovest-2022").path
            await #expect(try CommandLineRunner.run(["import", "--database", db, folder]).status == 0)
            let base = ["merge", "--database", db, "--into", "toscana-nord-ovest", "--year", "2022", "--from", "lucca,pisa,massa-carrara"]
            // The example's plan is approved (Delibera di Consiglio n. 10 del 13/10/2022): without an act, refused, nothing written.
            let before = try await CommandLineRunner.run(["export", "--database", db, "--entity", "toscana-nord-ovest", "--year", "2022"]).output
            let refused = try await CommandLineRunner.run(base)
            #expect(refused.status == 1)
            #expect(refused.errors.contains("è approvato: il consolidamento è una variazione"), "\(refused)")
            #expect(try await CommandLineRunner.run(["export", "--database", db, "--entity", "toscana-nord-ovest", "--year", "2022"]).output == before)
            // An Ente that is not in the database: refused by name.
            let unknown = try await CommandLineRunner.run(base.dropLast() + ["lucca,pisa,livorno", "--act", "dcons-10-2022"])
            #expect(unknown.errors.contains("manca il piano 2022 di «livorno»"), "\(unknown)")

            let merged = try await CommandLineRunner.run(base + ["--act", "dcons-10-2022"])
            #expect(merged.status == 0, "\(merged)")
            #expect(merged.output.contains("toscana-nord-ovest 2022: piano consolidato da lucca, pisa, massa-carrara"), "\(merged)")
            #expect(merged.output.contains("lucca: ") && merged.output.contains("→ LU."), "\(merged)")

            let store = try await database.open()
            let plan = try await store.loadPlan(CycleScope(entityCode: "toscana-nord-ovest", year: 2022))
            let parts = try await store.componentPlans(of: try #require(plan))
            await store.close()
            let consolidated = try #require(plan)
            #expect(parts.map(\.entity.code) == ["lucca", "pisa", "massa-carrara"])
            #expect(consolidated.nodes.count == parts.map(\.nodes.count).reduce(0, +) + 3)
            #expect(PlanConsolidation.budgetProblems(consolidated, parts: parts) == [])
            // Each element says which plan and code it comes from, and the seed lines it was read from.
            let node = try #require(consolidated.nodes.first { $0.code == "LU.2C" })
            #expect(node.provenance?.source.hasPrefix("piano 2022 di lucca, 2C; in origine seeds/") == true, "\(String(describing: node.provenance))")
            #expect(consolidated.resources.allSatisfy { $0.provenance?.source.hasPrefix("piano 2022 di ") == true })
            // The merger is a variation of the approved plan, citing its act.
            #expect(consolidated.variations.contains { $0.actID == "dcons-10-2022" && $0.kind == .addition })

            // A second merge without --replace is refused.
            let again = try await CommandLineRunner.run(base + ["--act", "dcons-10-2022"])
            #expect(again.status == 1 && again.errors.contains("ha già un albero"), "\(again)")

            // The RPP of the merged Ente: its parts, then the consolidated budget beside the sum of the parts.
            let rpp = try await CommandLineRunner.run(["report", "rpp", "--database", db, "--entity", "toscana-nord-ovest", "--year", "2022"])
            #expect(rpp.status == 0, "\(rpp)")
            #expect(rpp.output.contains("Bilancio consolidato 2022"), "\(rpp.output.suffix(2000))")
            #expect(rpp.output.contains("Ogni totale del piano consolidato è la somma dei totali delle Camere di origine."))

            // The checks on the consolidated plan: nothing about its budget now.
            let check = try await CommandLineRunner.run(["check", "--database", db, "--entity", "toscana-nord-ovest", "--year", "2022", "--all"])
            #expect(!check.output.contains("BILANCIO-CONSOLIDATO"), "\(check)")
        }
    }
}
