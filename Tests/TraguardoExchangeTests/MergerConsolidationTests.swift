import Foundation
import Testing
import TraguardoCore
import TraguardoExchange

/// Seed 003: Toscana Nord-Ovest from Lucca, Pisa and Massa-Carrara. The consolidated plan maps every original code,
/// keeps the originals as they are, and its budget totals are the sum of the parts.
@Suite("Fusione: piano consolidato della Toscana Nord-Ovest")
struct MergerConsolidationTests {
    @Test func theConsolidatedBudgetIsTheSumOfTheParts() throws {
        let plans = try ExampleDatasets.read("toscana-nord-ovest-2022")
        let merged = try #require(plans.first { $0.entity.code == "toscana-nord-ovest" })
        let parts = merged.cycle.componentEntityCodes.compactMap { code in plans.first { $0.entity.code == code } }
        #expect(parts.count == 3)
        let (consolidated, mapping) = PlanConsolidation.consolidate(merged, parts: parts)
        #expect(PlanConsolidation.budgetProblems(consolidated, parts: parts) == [])
        #expect(mapping.count == parts.map(\.nodes.count).reduce(0, +))
        #expect(mapping.contains(.init(entityCode: "lucca", originalCode: "2C", consolidatedCode: "LU.2C")))
        #expect(Set(consolidated.nodes.map(\.code)).count == consolidated.nodes.count)
        #expect(consolidated.nodes.filter { $0.parentID == nil }.map(\.code) == parts.map { PlanConsolidation.prefix(of: $0, among: parts) })
        // Every Lucca resource is in the consolidated plan, on the node its code maps to.
        let lucca = try #require(parts.first { $0.entity.code == "lucca" })
        #expect(consolidated.resources.filter { $0.id.hasPrefix("LU.") }.map(\.amount) == lucca.resources.map(\.amount))
        #expect(consolidated.resources.filter { $0.id.hasPrefix("LU.") }.map(\.nodeID) == lucca.resources.map { "LU.\($0.nodeID)" })
        // The check fails when a part's budget is missing from the consolidated plan.
        var partial = consolidated
        partial.resources.removeAll { $0.id.hasPrefix("PI.") }
        #expect(!PlanConsolidation.budgetProblems(partial, parts: parts).isEmpty)
    }

    /// The check `BILANCIO-CONSOLIDATO` (CheckCatalogue): silent on the consolidated plan, an error naming the total
    /// when a line of a part is lost or counted twice; silent on a merged Ente not yet consolidated.
    @Test func theChecksCatchAConsolidatedBudgetThatDoesNotAddUp() throws {
        let plans = try ExampleDatasets.read("toscana-nord-ovest-2022")
        let merged = try #require(plans.first { $0.entity.code == "toscana-nord-ovest" })
        let parts = merged.cycle.componentEntityCodes.compactMap { code in plans.first { $0.entity.code == code } }
        let (consolidated, _) = PlanConsolidation.consolidate(merged, parts: parts)
        func findings(_ plan: CyclePlan) -> [Finding] {
            CheckCatalogue.run(CheckContext(plan: plan, components: parts), checks: [ConsolidatedBudgetCheck()])
        }
        #expect(PlanConsolidation.isConsolidated(consolidated))
        #expect(!PlanConsolidation.isConsolidated(merged))
        #expect(findings(consolidated).isEmpty)
        #expect(findings(merged).isEmpty)
        var doubled = consolidated
        let line = try #require(doubled.resources.first { $0.id.hasPrefix("MA.") })
        var copy = line
        copy.id += "-bis"
        doubled.resources.append(copy)
        let found = findings(doubled)
        #expect(found.count == 1)
        #expect(found.first?.severity == .error && found.first?.elementCode == "toscana-nord-ovest")
        #expect(found.first?.message.contains("\(line.kind.rawValue) \(line.phase.rawValue): consolidato") == true, "\(found)")
        // In the catalogue, with the components given as `traguardo check` and the «Verifiche» page give them.
        #expect(CheckCatalogue.findings(in: doubled, period: nil, components: parts).contains { $0.code == "BILANCIO-CONSOLIDATO" })
    }
}
