import Foundation
import Testing
import TraguardoCore
import TraguardoExchange

/// Budget use per node (`BudgetUse`) on Lucca 2018, whose resources sit on the strategic objectives (2C, 2D,
/// 2E under area 2): the expected figures are worked out here by hand from the seed's printed amounts
/// (seeds/000_28495518298835c5.txt, righe 132-142, 356-366, 388-398).
@Suite("Utilizzo del budget per nodo")
struct BudgetUseTests {
    static func lucca2018() throws -> CyclePlan {
        try #require(try ExampleDatasets.read("lucca-2018").first)
    }

    @Test func anObjectiveUsesItsOwnResources() throws {
        let plan = try Self.lucca2018()
        let use = try #require(BudgetUse.use(.oneri, of: "2C", in: plan))
        // Oneri 2C: aggiornato 699.900,00, consuntivo 595.088,48.
        #expect(use.aggiornato == Decimal(string: "699900"))
        #expect(use.consuntivo == Decimal(string: "595088.48"))
        // 595.088,48 / 699.900,00 × 100 = 85,02478… → 85,02; 595.088,48 − 699.900,00 = −104.811,52.
        #expect(use.percent == Decimal(string: "85.02"))
        #expect(use.variance == Decimal(string: "-104811.52"))
        #expect(use.preventivo == nil, "il 2018 non stampa il preventivo: manca, non è zero")
        #expect(use.unavailable == nil)
    }

    @Test func anAreaAddsItsObjectives() throws {
        let plan = try Self.lucca2018()
        let use = try #require(BudgetUse.use(.oneri, of: "2", in: plan))
        // Aggiornato 699.900,00 + 0,00 + 750.820,00 = 1.450.720,00;
        // consuntivo 595.088,48 + 0,00 + 712.779,73 = 1.307.868,21.
        #expect(use.aggiornato == Decimal(string: "1450720"))
        #expect(use.consuntivo == Decimal(string: "1307868.21"))
        // 1.307.868,21 / 1.450.720,00 × 100 = 90,15304… → 90,15; variance −142.851,79.
        #expect(use.percent == Decimal(string: "90.15"))
        #expect(use.variance == Decimal(string: "-142851.79"))
    }

    @Test func aZeroAggiornatoHasNoPercentButItsReason() throws {
        let plan = try Self.lucca2018()
        // Oneri 2D: aggiornato 0,00, consuntivo 0,00.
        let use = try #require(BudgetUse.use(.oneri, of: "2D", in: plan))
        #expect(use.aggiornato == 0)
        #expect(use.percent == nil)
        #expect(use.variance == 0)
        #expect(use.unavailable == "il budget aggiornato è zero")
        #expect(use.notComputableText == "n.d. (il budget aggiornato è zero)")
    }

    @Test func aMissingAggiornatoIsNotZero() throws {
        var plan = try Self.lucca2018()
        plan.resources.removeAll { $0.phase == .aggiornato && $0.nodeID == plan.nodes.first { $0.code == "2C" }?.id }
        let use = try #require(BudgetUse.use(.oneri, of: "2C", in: plan))
        #expect(use.aggiornato == nil)
        #expect(use.percent == nil)
        #expect(use.variance == nil)
        #expect(use.unavailable == "manca il budget aggiornato")
        // Proventi 2C half-up: 632.825,80 / 748.000,00 × 100 = 84,6023… (unchanged plan).
        let proventi = try #require(BudgetUse.use(.proventi, of: "2C", in: try Self.lucca2018()))
        #expect(proventi.percent == Decimal(string: "84.60"))
    }

    @Test func unknownNodesAndNodesWithoutResourcesHaveNone() throws {
        let plan = try Self.lucca2018()
        #expect(BudgetUse.uses(of: "NON-ESISTE", in: plan).isEmpty)
        #expect(BudgetUse.uses(of: "2C", in: plan).map(\.kind) == [.proventi, .oneri, .investimenti])
        // The Ente: the sum of every objective; 3A oneri 270,00 of 3.000,00 is part of it.
        let ente = try #require(BudgetUse.use(.oneri, in: plan))
        let areas = Set(plan.nodes.filter { $0.parentID == nil }.map(\.id))
        let objectives = plan.nodes.filter { $0.parentID.map(areas.contains) == true }
        let aggiornato = objectives.compactMap { BudgetUse.use(.oneri, of: $0.code, in: plan)?.aggiornato }.reduce(0, +)
        #expect(ente.aggiornato == aggiornato)
    }
}
